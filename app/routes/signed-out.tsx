import { Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { RouteHandle } from '~/utils/page-state';

export const handle: RouteHandle = { titleKey: 'auth:signedOut.title' };

export default function SignedOut() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t('signedOut.title')}</h1>
      {params.get('reason') === 'timeout' ? <p>{t('signedOut.timeout')}</p> : null}
      <p>{t('signedOut.saved')}</p>
      <p>
        <Link to="/sign-in">{t('signedOut.signInAgain')}</Link>
      </p>
    </>
  );
}
