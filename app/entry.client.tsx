import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { CatalogProvider, readCatalogsFromPage } from './i18n/catalog-script';
import { i18nOptions } from './i18n/i18n';

async function hydrate() {
  // The server put this language's words in the page, so the browser starts with them.
  const catalogs = readCatalogsFromPage();
  const lng = document.documentElement.lang || 'en';
  await i18next.use(initReactI18next).init({ ...i18nOptions, lng, resources: catalogs ?? {} });

  if (process.env.NODE_ENV === 'development') {
    const axe = (await import('@axe-core/react')).default;
    await axe((await import('react')).default, (await import('react-dom')).default, 1000);
  }

  startTransition(() => {
    hydrateRoot(
      document,
      <CatalogProvider catalogs={catalogs}>
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>
      </CatalogProvider>,
    );
  });
}

void hydrate();
