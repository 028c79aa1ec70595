import { RemixBrowser } from '@remix-run/react';
import i18next, { type Resource } from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { i18nOptions } from './i18n/i18n';

interface RemixWindow {
  __remixContext?: { state?: { loaderData?: { root?: { lng?: string; catalogs?: Resource } } } };
}

async function hydrate() {
  // The root loader already sent this language's words with the page, so the browser starts
  // with them: no second request, and no flash of English.
  const root = (window as unknown as RemixWindow).__remixContext?.state?.loaderData?.root;
  const lng = root?.lng ?? document.documentElement.lang ?? 'en';
  await i18next.use(initReactI18next).init({ ...i18nOptions, lng, resources: root?.catalogs ?? {} });

  if (process.env.NODE_ENV === 'development') {
    const axe = (await import('@axe-core/react')).default;
    await axe((await import('react')).default, (await import('react-dom')).default, 1000);
  }

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
