import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '~/components/fieldset/Fieldset';
import { isLanguageCode, languages } from '~/i18n/languages';
import type { RootLoaderData } from '~/root';
import { languageCookie } from '~/utils/cookies.server';
import type { RouteHandle } from '~/utils/page-state';
import { safeReturnPath } from '~/utils/redirect.server';

export const handle: RouteHandle = { titleKey: 'language:title' };

export function loader({ request }: LoaderFunctionArgs) {
  return { returnTo: safeReturnPath(new URL(request.url).searchParams.get('returnTo')) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get('lng');
  const returnTo = safeReturnPath(form.get('returnTo'));
  // An unknown language leaves things as they were rather than showing an error in a language the person may not read.
  if (!isLanguageCode(lng)) return redirect(`/language?returnTo=${encodeURIComponent(returnTo)}`);
  return redirect(returnTo, { headers: { 'Set-Cookie': await languageCookie.serialize(lng) } });
}

export default function LanguagePage() {
  const { t } = useTranslation('language');
  const { returnTo } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<RootLoaderData>('root');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <p>{t('kept')}</p>
      {/* A full page load: every word, the direction and the fonts change together. */}
      <Form method="post" reloadDocument>
        <input type="hidden" name="returnTo" value={returnTo} />
        <Fieldset legend={t('legend')}>
          <ul className="language-list" role="list">
            {languages.map((language) => {
              const isCurrent = language.code === root?.lng;
              return (
                <li key={language.code}>
                  <button
                    type="submit"
                    name="lng"
                    value={language.code}
                    lang={language.code}
                    dir={language.dir}
                    className={
                      isCurrent
                        ? 'button button--secondary language-list__button language-list__button--current'
                        : 'button button--secondary language-list__button'
                    }
                    aria-describedby={isCurrent ? 'language-current' : undefined}
                  >
                    {language.nativeName}
                  </button>
                </li>
              );
            })}
          </ul>
        </Fieldset>
        <p id="language-current" className="visually-hidden">
          {t('current')}
        </p>
      </Form>
    </>
  );
}
