import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PageShell } from '~/components/page-shell/PageShell';
import { fontSheetFor } from '~/i18n/fonts';
import { directionOf } from '~/i18n/languages';
import { CatalogScript } from '~/i18n/catalog-script';
import { languageOf } from '~/i18n/i18next.server';
import { exitUrl } from '~/utils/env.server';
import { preferencesOf } from '~/utils/preferences.server';
import { getSignedIn, secondsLeftOf, warningSeconds } from '~/utils/session.server';
import { useHasFormErrors, usePageTitleKey } from '~/utils/page-state';
import { useNonce } from '~/utils/nonce';
import appStyles from '~/styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lng = await languageOf(request);
  const preferences = await preferencesOf(request);
  const signedIn = await getSignedIn(request, { touch: false });
  return {
    session: signedIn ? { idleSeconds: secondsLeftOf(signedIn), warningSeconds, role: signedIn.account.role } : null,
    lng,
    dir: directionOf(lng),
    preferences,
    exitUrl,
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

/** The root's data changes only when a form changes the language or the preferences. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod !== undefined && formMethod.toUpperCase() !== 'GET' ? defaultShouldRevalidate : false;

function Document({ children, title }: { children: React.ReactNode; title: string }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const nonce = useNonce();
  const lng = data?.lng ?? 'en';
  const prefs = data?.preferences;
  const scripts = prefs?.dataSaver !== 'on';
  const fontSheet = fontSheetFor(lng);
  return (
    <html
      lang={lng}
      dir={data?.dir ?? 'ltr'}
      data-theme={prefs?.theme ?? 'default'}
      data-text-size={prefs?.textSize ?? 'standard'}
      data-font={prefs?.font ?? 'standard'}
      data-pictures={prefs?.pictures ?? 'on'}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <Meta />
        <Links />
        {fontSheet ? <link rel="stylesheet" href={fontSheet} /> : null}
        {prefs?.font === 'readable' ? <link rel="stylesheet" href="/fonts/readable.css" /> : null}
      </head>
      <body>
        {children}
        {scripts ? (
          <>
            <CatalogScript />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function useTitle(fallbackKey: string): string {
  const { t } = useTranslation();
  const key = usePageTitleKey() ?? fallbackKey;
  const hasErrors = useHasFormErrors();
  const page = t(key);
  const title = t('common:title.pattern', { page });
  return hasErrors ? t('common:title.error', { title }) : title;
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  const title = useTitle('home:title');
  return (
    <Document title={title}>
      <PageShell exitUrl={data.exitUrl} preferences={data.preferences} lng={data.lng} title={title} session={data.session}>
        <Outlet />
      </PageShell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('root');
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const heading = notFound ? t('common:notFound.title') : t('common:problem.title');
  const title = t('common:title.pattern', { page: heading });
  return (
    <Document title={title}>
      <PageShell exitUrl={data?.exitUrl ?? '/'} preferences={data?.preferences} lng={data?.lng ?? 'en'} title={title}>
        <h1 tabIndex={-1}>{heading}</h1>
        <p>{notFound ? t('common:notFound.body') : t('common:problem.body')}</p>
        <p>
          <a href="/">{t('common:notFound.home')}</a>
        </p>
      </PageShell>
    </Document>
  );
}
