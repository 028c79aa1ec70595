import { useTranslation } from 'react-i18next';
import type { RouteHandle } from '~/utils/page-state';

export const handle: RouteHandle = { titleKey: 'rights:deleted.title', i18n: ['rights'] };

/** Shown once the account is gone: nothing personal, so no sign-in is needed to see it. */
export default function AccountDeleted() {
  const { t } = useTranslation('rights');
  return (
    <>
      <h1>{t('deleted.title')}</h1>
      <p className="lead">{t('deleted.body')}</p>
      <p>{t('deleted.shares')}</p>
      <p>{t('deleted.signedOut')}</p>
      <p>{t('deleted.again')}</p>
      <p>
        <a href="/">{t('deleted.home')}</a>
      </p>
    </>
  );
}
