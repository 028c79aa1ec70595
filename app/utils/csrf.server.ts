const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that another site started (cross-site request forgery). This
 * is the one place the rule lives; the server calls it before any route sees the request.
 * Browsers say where a request came from with `Sec-Fetch-Site` and `Origin`; when a browser sends
 * neither, the session cookie's SameSite=Lax still keeps it from riding along on a cross-site post.
 */
export function isCrossSiteMutation(method: string, headers: { get(name: string): string | null }, host: string): boolean {
  if (safeMethods.has(method.toUpperCase())) return false;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = headers.get('origin');
  if (origin) {
    // Sandboxed frames and some privacy settings send "null": it cannot be shown to be us.
    if (origin === 'null') return true;
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  return false;
}
