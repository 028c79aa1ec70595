import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { PasswordInput } from '~/components/password-input/PasswordInput';
import { PasskeySignIn } from '~/components/passkey/PasskeyButtons';
import { TextInput } from '~/components/text-input/TextInput';
import { checkPassword, signInSchema } from '~/domain/accounts.server';
import { recordRefusedSignIn } from '~/domain/audit.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { checkWithinLimits, clearSignInFailures } from '~/utils/rate-limit.server';
import { safeReturnPath } from '~/utils/redirect.server';
import { clientAddress } from '~/utils/request.server';
import { getSignedIn, startSession } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'auth:signIn.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSignedIn(request)) throw redirect('/statement');
  return { returnTo: safeReturnPath(new URL(request.url).searchParams.get('returnTo'), '/statement') };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const returnTo = safeReturnPath(form.get('returnTo'), '/statement');
  const result = parseForm(form, signInSchema);
  if (!result.ok) return data({ errors: result.errors, values: { username: result.values.username ?? '' } }, { status: 400 });
  const { username, password } = result.data;
  const address = clientAddress(context);
  // The same words whether or not the username exists, so the page reveals nothing.
  const checked = await checkWithinLimits(username, address, async () => {
    const account = await checkPassword(username, password);
    return account?.role === 'adult' ? account : null;
  });
  if (checked.blocked || !checked.found) {
    const outcome = checked.blocked ? 'blocked' : 'failure';
    await recordRefusedSignIn({ audience: 'adult', name: username, method: 'password', outcome, address });
  }
  if (checked.blocked) return data({ errors: { username: 'auth:errors.tooManyAttempts' }, values: { username } }, { status: 429 });
  const account = checked.found;
  if (!account) return data({ errors: { username: 'auth:errors.wrongDetails' }, values: { username } }, { status: 400 });
  await clearSignInFailures(username);
  return redirect(returnTo, { headers: { 'Set-Cookie': await startSession(account.id, request, { method: 'password', address }) } });
}

export default function SignIn() {
  const { t } = useTranslation('auth');
  const failure = useActionData<typeof action>();
  const { returnTo } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('signIn.title')}</h1>
      <Form method="post" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextInput
          id="username"
          name="username"
          label={t('fields.username')}
          error={errors.username ? t(errors.username) : undefined}
          defaultValue={failure?.values.username}
          autoComplete="username webauthn"
          autoCapitalize="none"
          spellCheck={false}
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
      <PasskeySignIn returnTo={returnTo} />
      <p>
        {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.signUpLink')}</Link>
      </p>
    </>
  );
}
