import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { SharedStatement } from '~/components/sharing/SharedStatement';
import type { SharedSnapshot } from '~/domain/sharing/shares.server';
import { formatDateTime } from '~/i18n/dates';
import { i18nFor } from '~/i18n/i18next.server';
import { defaultLanguage, directionOf, isLanguageCode, type LanguageCode } from '~/i18n/languages';
import type { CopyFormat } from './copy-format';
import { markupPdf } from './printable-copy.server';

export { copyFormat, type CopyFormat } from './copy-format';

/**
 * The printable copy that travels inside a delivered FHIR Bundle: the worker's view of the
 * shared sections only (never "not answered" for a section the person kept back), in the
 * worker's language, with the person's own words as written.
 */
export interface DeliveredCopy {
  contentType: 'application/pdf' | 'text/html';
  language: LanguageCode;
  title: string;
  data: Buffer;
}

function markup(lng: LanguageCode, snapshot: SharedSnapshot, sections: string[], label: { name: string | null; ref: string }) {
  const i18n = i18nFor(lng);
  const t = i18n.getFixedT(lng, 'casework');
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <h1>{label.name ? t('statement.headingNamed', { name: label.name }) : t('statement.heading', { ref: label.ref })}</h1>
      <p className="lead">{t('statement.version', { number: snapshot.number, date: formatDateTime(lng, snapshot.confirmedAt) })}</p>
      <SharedStatement answers={snapshot.answers} sections={sections} />
    </I18nextProvider>,
  );
}

/** The copy of one shared version, as a PDF where Chromium is available and as HTML otherwise. */
export async function deliveredCopy(
  snapshot: SharedSnapshot,
  sections: string[],
  language: string,
  label: { name: string | null; ref: string },
  format: Exclude<CopyFormat, 'none'> = 'pdf',
): Promise<DeliveredCopy> {
  const lng = isLanguageCode(language) ? language : defaultLanguage;
  const body = markup(lng, snapshot, sections, label);
  if (format === 'pdf') {
    const pdf = await markupPdf(lng, body);
    if (pdf) return { contentType: 'application/pdf', language: lng, title: `document-${snapshot.number}.pdf`, data: pdf };
  }
  const html = `<!DOCTYPE html><html lang="${lng}" dir="${directionOf(lng)}"><head><meta charset="utf-8"><title>document-${snapshot.number}</title></head><body><main>${body}</main></body></html>`;
  return { contentType: 'text/html', language: lng, title: `document-${snapshot.number}.html`, data: Buffer.from(html, 'utf8') };
}

/**
 * The PDF of an HTML copy this module made, or null when there is no browser. Events are queued
 * with the HTML copy, inside the share's transaction; the delivery process turns it into the PDF
 * before the first attempt, outside any transaction (app/delivery/deliver.server.ts).
 */
export async function pdfOfHtmlCopy(html: string, language: string): Promise<Buffer | null> {
  const body = /<main>([\s\S]*)<\/main>/.exec(html)?.[1];
  if (body === undefined) return null;
  return markupPdf(isLanguageCode(language) ? language : defaultLanguage, body);
}
