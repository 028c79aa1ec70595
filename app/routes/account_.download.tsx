import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Picture } from '~/components/picture/Picture';
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
      <section className="easy-read" aria-labelledby="download-copy">
        <Picture name="book" />
        <div className="easy-read__words">
          <h2 className="easy-read__heading" id="download-copy">
            {t('download.copyHeading')}
          </h2>
          <p>{t('download.copyBody')}</p>
          <p>
            <Link to="/account/download/copy">{t('download.copyLink')}</Link>
          </p>
        </div>
      </section>
      <section className="easy-read" aria-labelledby="download-file">
        <Picture name="laptop" />
        <div className="easy-read__words">
          <h2 className="easy-read__heading" id="download-file">
            {t('download.fileHeading')}
          </h2>
          <p>{t('download.fileBody')}</p>
          <p>
            {/* A plain link with `download`: the browser saves the file and stays on this page. */}
            <a href="/account/download/json" download>
              {t('download.fileLink')}
            </a>
          </p>
        </div>
      </section>
      <section className="easy-read" aria-labelledby="download-safe">
        <Picture name="lock" />
        <div className="easy-read__words">
          <h2 className="easy-read__heading" id="download-safe">
            {t('download.safeHeading')}
          </h2>
          <p>{t('download.safeBody')}</p>
        </div>
      </section>
      <p>
        <Link to="/account">{t('download.back')}</Link>
      </p>
    </>
  );
}
