/** How the printable copy in a delivered Bundle is made. */
export type CopyFormat = 'pdf' | 'html' | 'none';

/**
 * From DELIVERY_COPY: `pdf` (the default) through Chromium, falling back to HTML where there is
 * none; `html` skips the browser; `none` sends no copy at all. Kept apart so the delivery process
 * can read it without loading React.
 */
export function copyFormat(): CopyFormat {
  const value = process.env.DELIVERY_COPY;
  return value === 'html' || value === 'none' ? value : 'pdf';
}
