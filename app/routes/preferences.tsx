import { data, redirect, type ActionFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useRouteLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { Radios } from '~/components/radios/Radios';
import { fonts, onOff, preferencesFormSchema, textSizes, themes, type Preferences } from '~/domain/preferences';
import type { RootLoaderData } from '~/root';
import { preferencesCookie } from '~/utils/cookies.server';
import { parseForm, type FormFailure } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';

export const handle: RouteHandle = { titleKey: 'preferences:title' };

export async function action({ request }: ActionFunctionArgs) {
  const result = parseForm(await request.formData(), preferencesFormSchema);
  if (!result.ok) return data<FormFailure<Preferences>>({ errors: result.errors, values: result.values }, { status: 400 });
  return redirect('/preferences?saved=1', { headers: { 'Set-Cookie': await preferencesCookie.serialize(result.data) } });
}

const questions = [
  { name: 'textSize', options: textSizes },
  { name: 'theme', options: themes },
  { name: 'font', options: fonts },
  { name: 'pictures', options: onOff },
  { name: 'readAloud', options: onOff, hint: true },
  { name: 'dataSaver', options: [...onOff].reverse(), hint: true },
] as const;

export default function PreferencesPage() {
  const { t } = useTranslation('preferences');
  const root = useRouteLoaderData<RootLoaderData>('root');
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const current: Partial<Preferences> = { ...root?.preferences, ...failure?.values };
  const errors = failure?.errors ?? {};
  return (
    <>
      {params.get('saved') && !failure ? (
        <NotificationBanner type="success" title={t('saved.title')}>
          <p>{t('saved.body')}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {/* A full page load applies the new look everywhere, including turning scripts off. */}
      <Form method="post" reloadDocument noValidate>
        {questions.map((question) => (
          <Radios
            key={question.name}
            id={question.name}
            name={question.name}
            legend={t(`${question.name}.legend`)}
            hint={'hint' in question ? t(`${question.name}.hint`) : undefined}
            error={errors[question.name] ? t(errors[question.name] ?? '') : undefined}
            value={current[question.name]}
            options={question.options.map((value) => ({ value, label: t(`${question.name}.${value}`) }))}
          />
        ))}
        <Button>{t('save')}</Button>
      </Form>
    </>
  );
}
