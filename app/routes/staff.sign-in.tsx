import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PasskeySignIn } from '~/components/passkey/PasskeyButtons';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { PasswordInput } from '~/components/password-input/PasswordInput';
import { TextInput } from '~/components/text-input/TextInput';
import { recordRefusedSignIn } from '~/domain/audit.server';
import { checkStaffPassword, staffLanding, staffSignInSchema, startSecondFactor } from '~/domain/staff.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { checkWithinLimits } from '~/utils/rate-limit.server';
import { safeReturnPath } from '~/utils/redirect.server';
import { clientAddress } from '~/utils/request.server';
import { secondFactorCookie } from '~/utils/second-factor.server';
import { getSignedIn } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'staff:signIn.title', i18n: ['staff'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (signedIn && signedIn.account.role !== 'adult') throw redirect(staffLanding(signedIn.account.role));
  const params = new URL(request.url).searchParams;
  const notice = params.get('expired') ? 'expired' : params.get('setUp') === 'done' ? 'setUpDone' : null;
  return { returnTo: safeReturnPath(params.get('returnTo'), ''), notice };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const returnTo = safeReturnPath(form.get('returnTo'), '');
  const result = parseForm(form, staffSignInSchema);
  if (!result.ok) return data({ errors: result.errors, values: { email: result.values.email ?? '' } }, { status: 400 });
  const { email, password } = result.data;
  const address = clientAddress(context);
  // The same words whether or not the email address has an account, so the page reveals nothing.
  const checked = await checkWithinLimits(email, address, () => checkStaffPassword(email, password));
  if (checked.blocked || !checked.found) {
    const outcome = checked.blocked ? 'blocked' : 'failure';
    await recordRefusedSignIn({ audience: 'staff', name: email, method: 'password', outcome, address });
  }
  if (checked.blocked) return data({ errors: { email: 'staff:errors.tooManyAttempts' }, values: { email } }, { status: 429 });
  const account = checked.found;
  if (!account) return data({ errors: { password: 'staff:errors.wrongDetails' }, values: { email } }, { status: 400 });
  // The failure count is cleared only once the code is right too (see the code page).
  const token = await startSecondFactor(account.id);
  const next = returnTo ? `/staff/sign-in/code?returnTo=${encodeURIComponent(returnTo)}` : '/staff/sign-in/code';
  return redirect(next, { headers: { 'Set-Cookie': await secondFactorCookie.serialize(token) } });
}

export default function StaffSignIn() {
  const { t } = useTranslation('staff');
  const { returnTo, notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      {notice && !failure ? (
        <NotificationBanner type={notice === 'setUpDone' ? 'success' : 'important'} title={t(`signIn.${notice}Title`)}>
          <p>{t(`signIn.${notice}`)}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      <Form method="post" noValidate>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <TextInput
          id="email"
          name="email"
          type="email"
          label={t('fields.email')}
          error={errors.email ? t(errors.email) : undefined}
          defaultValue={failure?.values.email}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
        />
        <PasswordInput
          id="password"
          name="password"
          label={t('fields.password')}
          error={errors.password ? t(errors.password) : undefined}
          autoComplete="current-password"
        />
        <Button>{t('signIn.submit')}</Button>
      </Form>
      {/* A passkey that checks the person (fingerprint, face or PIN) stands for password and code. */}
      <PasskeySignIn returnTo={returnTo ?? ''} audience="staff" />
      <p>
        {t('signIn.adults')} <Link to="/sign-in">{t('signIn.adultsLink')}</Link>
      </p>
    </>
  );
}
