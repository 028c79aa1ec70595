import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { PrintButton } from '~/components/statement/PrintButton';
import { VersionContent } from '~/components/statement/VersionContent';
import type { RouteHandle } from '~/utils/page-state';
import { requireOwnVersion } from '~/utils/own-version.server';

export const handle: RouteHandle = { titleKey: 'statement:version.title', i18n: ['statement'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { number, date, answers } = await requireOwnVersion(request, params.number);
  return { number, date, answers };
}

export default function VersionPage() {
  const { t } = useTranslation('statement');
  const { number, date, answers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get('confirmed') ? (
        <NotificationBanner type="success" title={t('version.confirmedTitle')}>
          <p>{t('version.confirmedBody', { number })}</p>
        </NotificationBanner>
      ) : null}
      {params.get('pdf') === 'unavailable' ? (
        <NotificationBanner title={t('version.pdfUnavailableTitle')}>
          <p>{t('version.pdfUnavailable')}</p>
        </NotificationBanner>
      ) : null}
      <VersionContent number={number} date={date} answers={answers} />
      <div className="button-group no-print">
        <PrintButton />
        <a href={`/statement/versions/${number}/pdf`} className="button button--secondary" download>
          {t('version.pdf')}
        </a>
      </div>
      <p className="no-print">
        <Link to="/statement/history">{t('history.title')}</Link>
      </p>
    </>
  );
}
