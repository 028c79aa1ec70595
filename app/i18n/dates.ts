/**
 * Dates and times as people in the UK read them, in the page's language. One formatter per
 * language and style, made once: building an Intl.DateTimeFormat is the costly part.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** English dates are British ("27 November 2026", a 24-hour clock), not American. */
function localeOf(lng: string): string {
  return lng === 'en' ? 'en-GB' : lng;
}

export function formatDateTime(lng: string, iso: string, dateStyle: 'long' | 'medium' = 'long'): string {
  const key = `${lng}:${dateStyle}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lng), { dateStyle, timeStyle: 'short', timeZone: 'Europe/London' });
    formatters.set(key, format);
  }
  return format.format(new Date(iso));
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (YYYY-MM-DD), such as the last day a share lasts, in the page's language. */
export function formatDay(lng: string, day: string): string {
  let format = dayFormatters.get(lng);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lng), { dateStyle: 'long', timeZone: 'UTC' });
    dayFormatters.set(lng, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}
