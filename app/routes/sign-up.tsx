import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { PasswordInput } from '~/components/password-input/PasswordInput';
import { TextInput } from '~/components/text-input/TextInput';
import { PasskeySignUp } from '~/components/passkey/PasskeyButtons';
import { createAdultWithPassword, signUpSchema } from '~/domain/accounts.server';
import { languageOf } from '~/i18n/i18next.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { clientAddress } from '~/utils/request.server';
import { getSignedIn, startSession } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'auth:signUp.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSignedIn(request)) throw redirect('/statement');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const result = parseForm(await request.formData(), signUpSchema);
  if (!result.ok) return data({ errors: result.errors, values: { username: result.values.username ?? '' } }, { status: 400 });
  const account = await createAdultWithPassword(result.data.username, result.data.password, await languageOf(request));
  if (!account)
    return data({ errors: { username: 'auth:errors.usernameTaken' }, values: { username: result.data.username } }, { status: 400 });
  return redirect('/statement', {
    headers: { 'Set-Cookie': await startSession(account.id, request, { method: 'password', address: clientAddress(context) }) },
  });
}

export default function SignUp() {
  const { t } = useTranslation('auth');
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('signUp.title')}</h1>
      <p className="lead">{t('signUp.intro')}</p>
      <Form method="post" noValidate>
        <TextInput
          id="username"
          name="username"
          label={t('fields.username')}
          hint={t('signUp.usernameHint')}
          error={errors.username ? t(errors.username) : undefined}
          defaultValue={failure?.values.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <PasswordInput
          id="password"
          name="password"
          label={t('fields.password')}
          hint={t('signUp.passwordHint')}
          error={errors.password ? t(errors.password) : undefined}
          autoComplete="new-password"
        />
        <Button>{t('signUp.submit')}</Button>
      </Form>
      <PasskeySignUp />
      <p>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signUp.signInLink')}</Link>
      </p>
    </>
  );
}
