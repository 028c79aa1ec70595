import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { TextInput } from '~/components/text-input/TextInput';
import { recordAudit } from '~/domain/audit.server';
import { checkStaffCode, codeSchema, endPendingSignIn, pendingSignIn, staffLanding } from '~/domain/staff.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { clearSignInFailures, isSignInBlocked, recordFailedSignIn } from '~/utils/rate-limit.server';
import { safeReturnPath } from '~/utils/redirect.server';
import { clientAddress } from '~/utils/request.server';
import { clearSecondFactorCookie, secondFactorToken } from '~/utils/second-factor.server';
import { startSession } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'staff:code.title', i18n: ['staff'] };

/** Without a right password in the last 5 minutes there is nothing to type a code for. */
async function waitingAccount(request: Request) {
  const token = await secondFactorToken(request);
  const account = await pendingSignIn(token);
  if (!token || !account) throw redirect('/staff/sign-in?expired=1');
  return { token, account };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await waitingAccount(request);
  return { email: account.email ?? '', returnTo: safeReturnPath(new URL(request.url).searchParams.get('returnTo'), '') };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { token, account } = await waitingAccount(request);
  const form = await request.formData();
  const result = parseForm(form, codeSchema);
  if (!result.ok) return data({ errors: result.errors, values: { code: result.values.code ?? '' } }, { status: 400 });
  const email = account.email ?? account.id;
  const address = clientAddress(context);
  if (await isSignInBlocked(email, address)) {
    await recordAudit({ event: 'sign-in', outcome: 'blocked', account, method: 'code', address });
    return data({ errors: { code: 'staff:errors.tooManyAttempts' }, values: { code: '' } }, { status: 429 });
  }
  const check = await checkStaffCode(account, result.data.code);
  if (check !== 'ok') {
    // A used code was right, so it tells a guesser nothing: only wrong codes count as failures.
    if (check === 'wrong') await recordFailedSignIn(email, address);
    await recordAudit({ event: 'sign-in', outcome: 'failure', account, method: 'code', address });
    const error = check === 'used' ? 'staff:errors.codeUsed' : 'staff:errors.codeWrong';
    return data({ errors: { code: error }, values: { code: result.data.code } }, { status: 400 });
  }
  if (!(await endPendingSignIn(token))) throw redirect('/staff/sign-in?expired=1');
  await clearSignInFailures(email);
  const headers = new Headers();
  headers.append('Set-Cookie', await startSession(account.id, request, { method: 'code', address }));
  headers.append('Set-Cookie', await clearSecondFactorCookie());
  return redirect(safeReturnPath(form.get('returnTo'), staffLanding(account.role)), { headers });
}

export default function StaffCode() {
  const { t } = useTranslation('staff');
  const { email, returnTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <Form method="post" noValidate>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <TextInput
          id="code"
          name="code"
          isPageHeading
          label={t('code.title')}
          hint={t('code.hint')}
          error={errors.code ? t(errors.code) : undefined}
          defaultValue={failure?.values.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
        />
        <Button>{t('code.submit')}</Button>
      </Form>
      <p>
        {t('code.who', { email })} <Link to="/staff/sign-in">{t('code.startAgain')}</Link>
      </p>
    </>
  );
}
