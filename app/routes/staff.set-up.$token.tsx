import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { PasswordInput } from '~/components/password-input/PasswordInput';
import { TextInput } from '~/components/text-input/TextInput';
import { recordAudit } from '~/domain/audit.server';
import { completeSetUp, groupSecret, openSetUp, setUpSchema } from '~/domain/staff.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { qrCodeDataUri } from '~/utils/qr-code.server';
import { clientAddress } from '~/utils/request.server';

export const handle: RouteHandle = { titleKey: 'staff:setUp.title', i18n: ['staff'] };

// The page shows a secret: no browser or proxy may keep a copy.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params }: LoaderFunctionArgs) {
  const details = await openSetUp(params.token ?? '');
  if (!details) return data({ valid: false as const, titleKey: 'staff:setUp.invalidTitle' }, { status: 410 });
  const { name, email, organisation, secret, otpauthUri } = details;
  return { valid: true as const, name, email, organisation, key: groupSecret(secret), qrCode: await qrCodeDataUri(otpauthUri) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const result = parseForm(await request.formData(), setUpSchema);
  if (!result.ok) return data({ errors: result.errors, values: { code: result.values.code ?? '' } }, { status: 400 });
  const outcome = await completeSetUp(params.token ?? '', result.data.password, result.data.code);
  // The link stopped working while the page was open: the page now says so.
  if (!outcome.ok && 'invalid' in outcome) throw redirect(new URL(request.url).pathname);
  if (!outcome.ok) return data({ errors: outcome.errors, values: { code: result.data.code } }, { status: 400 });
  await recordAudit({ event: 'second-factor-set-up', account: outcome.account, method: 'code', address: clientAddress(context) });
  return redirect('/staff/sign-in?setUp=done');
}

export default function StaffSetUp() {
  const { t } = useTranslation('staff');
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.errors ?? {};
  if (!page.valid) {
    return (
      <>
        <h1>{t('setUp.invalidTitle')}</h1>
        <p>{t('setUp.invalidBody')}</p>
        <p>{t('setUp.invalidHelp')}</p>
        <p>
          <Link to="/staff/sign-in">{t('setUp.signInLink')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('setUp.title')}</h1>
      <p className="lead">{t('setUp.intro', { organisation: page.organisation, name: page.name })}</p>
      <Form method="post" noValidate>
        {/* Shown read-only so a password manager saves the new password against this address. */}
        <TextInput
          id="username"
          name="username"
          label={t('setUp.emailLabel')}
          value={page.email}
          readOnly
          autoComplete="username"
          dir="ltr"
        />
        <h2>{t('setUp.passwordHeading')}</h2>
        <PasswordInput
          id="password"
          name="password"
          label={t('fields.newPassword')}
          hint={t('fields.passwordHint')}
          error={errors.password ? t(errors.password) : undefined}
          autoComplete="new-password"
        />
        <h2>{t('setUp.appHeading')}</h2>
        <p>{t('setUp.appIntro')}</p>
        <p>
          <img src={page.qrCode} alt={t('setUp.qrAlt')} width={200} height={200} />
        </p>
        <p>{t('setUp.keyIntro')}</p>
        <p className="inset" dir="ltr">
          <code data-totp-key>{page.key}</code>
        </p>
        <h2>{t('setUp.codeHeading')}</h2>
        <TextInput
          id="code"
          name="code"
          label={t('setUp.codeLabel')}
          hint={t('setUp.codeHint')}
          error={errors.code ? t(errors.code) : undefined}
          defaultValue={failure?.values.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
        />
        <Button>{t('setUp.submit')}</Button>
      </Form>
    </>
  );
}
