import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Picture } from '~/components/picture/Picture';
import type { PictureName } from '~/components/picture/catalog';
import type { RouteHandle } from '~/utils/page-state';

export const handle: RouteHandle = { titleKey: 'home:title' };

const points: { key: string; picture: PictureName }[] = [
  { key: 'ownWords', picture: 'speak' },
  { key: 'wishes', picture: 'person' },
  { key: 'choose', picture: 'lock' },
  { key: 'worker', picture: 'people' },
];

export default function Home() {
  const { t } = useTranslation('home');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <p>
        <Link to="/sign-up" className="button">
          {t('start.button')}
        </Link>
      </p>
      <p>
        {t('start.haveAccount')} <Link to="/sign-in">{t('start.signIn')}</Link>
      </p>
      <ul className="easy-read-list" role="list">
        {points.map((point) => (
          <li className="easy-read" key={point.key}>
            <Picture name={point.picture} />
            <div className="easy-read__words">
              <h2 className="easy-read__heading">{t(`points.${point.key}.heading`)}</h2>
              <p>{t(`points.${point.key}.body`)}</p>
            </div>
          </li>
        ))}
      </ul>
      <div className="easy-read">
        <Picture name="warning" />
        <div className="easy-read__words">
          <h2 className="easy-read__heading">{t('safety.heading')}</h2>
          <p>{t('safety.body')}</p>
          <p>
            <Link to="/staying-safe">{t('safety.link')}</Link>
          </p>
        </div>
      </div>
      <div className="easy-read">
        <Picture name="settings" />
        <div className="easy-read__words">
          <h2 className="easy-read__heading">{t('preferences.heading')}</h2>
          <p>{t('preferences.body')}</p>
          <p>
            <Link to="/preferences">{t('preferences.link')}</Link>
          </p>
        </div>
      </div>
    </>
  );
}
