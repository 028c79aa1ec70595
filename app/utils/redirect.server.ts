/**
 * A path on this site to send the person back to. Anything else (another site, a protocol
 * trick such as `//evil.example`) becomes the home page, so a link cannot bounce the person off
 * the portal.
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value;
}
