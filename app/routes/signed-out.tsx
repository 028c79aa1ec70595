import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { RouteHandle } from '~/utils/page-state';
import { safeReturnPath } from '~/utils/redirect.server';

export const handle: RouteHandle = { titleKey: 'auth:signedOut.title' };

export function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const returnTo = safeReturnPath(params.get('returnTo'), '');
  return {
    timeout: params.get('reason') === 'timeout',
    // After signing in again, the person goes back to the page they were on.
    signIn: returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in',
  };
}

export default function SignedOut() {
  const { t } = useTranslation('auth');
  const { timeout, signIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('signedOut.title')}</h1>
      {timeout ? <p>{t('signedOut.timeout')}</p> : null}
      <p>{t('signedOut.saved')}</p>
      <p>
        <Link to={signIn}>{t('signedOut.signInAgain')}</Link>
      </p>
    </>
  );
}
