import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EasyReadSection } from '~/components/easy-read/EasyReadSection';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'rights:download.title', i18n: ['rights'] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'read:account:own');
  return null;
}

export default function DownloadPage() {
  const { t } = useTranslation('rights');
  return (
    <>
      <h1>{t('download.title')}</h1>
      <p className="lead">{t('download.intro')}</p>
      <EasyReadSection id="download-copy" picture="book" heading={t('download.copyHeading')}>
        <p>{t('download.copyBody')}</p>
        <p>
          <Link to="/account/download/copy">{t('download.copyLink')}</Link>
        </p>
      </EasyReadSection>
      <EasyReadSection id="download-file" picture="laptop" heading={t('download.fileHeading')}>
        <p>{t('download.fileBody')}</p>
        <p>
          {/* A plain link with `download`: the browser saves the file and stays on this page. */}
          <a href="/account/download/json" download>
            {t('download.fileLink')}
          </a>
        </p>
      </EasyReadSection>
      <EasyReadSection id="download-safe" picture="lock" heading={t('download.safeHeading')}>
        <p>{t('download.safeBody')}</p>
      </EasyReadSection>
      <p>
        <Link to="/account">{t('download.back')}</Link>
      </p>
    </>
  );
}
