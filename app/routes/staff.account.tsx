import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { listPasskeys } from '../../db/repositories/passkeys';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { PasskeyAdd } from '~/components/passkey/PasskeyButtons';
import { staffLanding } from '~/domain/staff.server';
import type { RouteHandle } from '~/utils/page-state';
import { getDb } from '~/utils/db.server';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'staff:account.title', i18n: ['staff', 'auth'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:staff-account:own');
  return {
    name: account.display_name,
    email: account.email ?? '',
    passkeys: (await listPasskeys(getDb(), account.id)).length,
    back: staffLanding(account.role),
  };
}

export default function StaffAccount() {
  const { t } = useTranslation('staff');
  const { name, email, passkeys, back } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get('passkey') === 'added' ? (
        <NotificationBanner type="success" title={t('account.addedTitle')}>
          <p>{t('account.added')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('account.title')}</h1>
      <p className="lead">{t('account.signedInAs', { name, email })}</p>
      <h2>{t('account.passkeysHeading')}</h2>
      <p>{t('account.passkeysIntro')}</p>
      <p>{t('account.passkeyCount', { count: passkeys })}</p>
      <PasskeyAdd />
      <p>
        <Link to={back}>{t('account.back')}</Link>
      </p>
    </>
  );
}
