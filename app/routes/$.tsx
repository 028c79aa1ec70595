import { data } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import type { RouteHandle } from '~/utils/page-state';

export const handle: RouteHandle = { titleKey: 'common:notFound.title' };

export function loader() {
  return data(null, { status: 404 });
}

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </>
  );
}
