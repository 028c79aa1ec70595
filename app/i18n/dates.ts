/**
 * Dates and times as people in the UK read them, in the page's language. One formatter per
 * language and style, made once: building an Intl.DateTimeFormat is the costly part.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(lng: string, iso: string, dateStyle: 'long' | 'medium' = 'long'): string {
  const key = `${lng}:${dateStyle}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lng, { dateStyle, timeStyle: 'short', timeZone: 'Europe/London' });
    formatters.set(key, format);
  }
  return format.format(new Date(iso));
}
