import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { VersionContent } from '~/components/statement/VersionContent';
import { i18nFor } from '~/i18n/i18next.server';
import { directionOf, type LanguageCode } from '~/i18n/languages';
import { chromiumArgs, chromiumPath } from '~/utils/chromium';
import type { Answers } from '~/domain/statement/answers';

/**
 * The easy-read copy as a PDF, drawn by Chromium: the one engine found to set Urdu Nastaliq,
 * Arabic, Bengali, Gurmukhi and mixed right-to-left text correctly. The browser stays open
 * between PDFs (about half a second each). Where there is no Chromium, the print stylesheet and
 * the browser's own "save as PDF" still serve the person (docs/decisions/0008-printable-copy.md).
 */
// On globalThis, so the server's shutdown (app/cli/serve.ts) closes the browser the routes opened:
// the server build holds its own copy of this module.
const kept = globalThis as unknown as { __pdfBrowser?: Promise<Browser | null> };

function getBrowser(): Promise<Browser | null> {
  kept.__pdfBrowser ??= chromium
    .launch({
      executablePath: chromiumPath(),
      args: chromiumArgs,
      // Playwright's own signal handlers swallow SIGTERM and SIGINT: the portal shuts down itself
      // and closes the browser then (app/utils/shutdown.server.ts).
      handleSIGTERM: false,
      handleSIGINT: false,
      handleSIGHUP: false,
    })
    .catch(() => null);
  return kept.__pdfBrowser;
}

/** Closes the PDF browser if one was opened (at shutdown). */
export async function closePdfBrowser(): Promise<void> {
  const open = kept.__pdfBrowser;
  delete kept.__pdfBrowser;
  await (await open)?.close();
}

let css: string | null = null;
function stylesheet(): string {
  css ??= fs.readFileSync(path.join(process.cwd(), 'app', 'styles', 'app.css'), 'utf8');
  return css;
}

/** The PDF of one version in the person's language, or null when no browser is available. */
export async function versionPdf(lng: LanguageCode, version: { number: number; date: string; answers: Answers }): Promise<Buffer | null> {
  const body = renderToStaticMarkup(
    <I18nextProvider i18n={i18nFor(lng)}>
      <VersionContent {...version} />
    </I18nextProvider>,
  );
  return markupPdf(lng, body);
}

/**
 * A PDF of page markup, drawn with the portal's own stylesheet: the person's version, and the
 * copy sent to a worker's own system, which holds only the sections the person shared
 * (app/delivery/delivered-copy.server.tsx). Null when no browser is available.
 */
export async function markupPdf(lng: LanguageCode, body: string): Promise<Buffer | null> {
  const instance = await getBrowser();
  if (!instance) return null;
  const html = `<!DOCTYPE html><html lang="${lng}" dir="${directionOf(lng)}" data-theme="default"><head><meta charset="utf-8"><style>${stylesheet()}</style></head><body><main class="width-container">${body}</main></body></html>`;
  const page = await instance.newPage();
  try {
    // No network: the page is built here and needs nothing from outside.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  } finally {
    await page.close();
  }
}
