import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Picture } from '~/components/picture/Picture';
import type { RouteHandle } from '~/utils/page-state';

export const handle: RouteHandle = { titleKey: 'pictures:title' };

export default function AboutPictures() {
  const { t } = useTranslation('pictures');
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="easy-read">
        <Picture name="happy" />
        <div className="easy-read__words">
          <p>{t('intro')}</p>
          <p>{t('source')}</p>
          <p>{t('licence')}</p>
          <p>
            <a href="/pictures/LICENSE-healthicons.txt">{t('licenceLink')}</a>
          </p>
          <p>
            <Link to="/preferences">{t('off')}</Link>
          </p>
        </div>
      </div>
    </>
  );
}
