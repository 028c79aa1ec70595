/** The ids a field's hint and error use, so `aria-describedby` always points at real elements. */
export function describedByIds(
  id: string,
  { hint, error, extra }: { hint?: unknown; error?: unknown; extra?: string },
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
