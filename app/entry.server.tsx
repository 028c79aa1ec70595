import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { CatalogProvider } from './i18n/catalog-script';
import { i18nFor, languageOf } from './i18n/i18next.server';
import { namespaces } from './i18n/languages';
import { catalogsFor } from './i18n/resources.server';
import { preferencesOf } from './utils/preferences.server';
import { NonceProvider } from './utils/nonce';

const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lng = await languageOf(request);
  const i18n = i18nFor(lng);
  // The browser gets only this language's words (and English to fall back on); with data saver
  // on there is no script to use them, so none are sent.
  const dataSaver = (await preferencesOf(request)).dataSaver === 'on';
  const catalogs = dataSaver ? null : catalogsFor(lng, namespaces);
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : '';
  // Bots and no-JavaScript readers get the whole page at once; browsers get it as it is ready.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady';

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <CatalogProvider catalogs={catalogs}>
          <I18nextProvider i18n={i18n}>
            <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
          </I18nextProvider>
        </CatalogProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          responseHeaders.set('Content-Language', lng);
          // Every page may hold something personal: never keep a copy in a shared cache.
          if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', 'no-store');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
