import { useTranslation } from 'react-i18next';

/** The first thing a keyboard user reaches: straight past the header to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main-content" className="skip-link">
      {t('common:skipLink')}
    </a>
  );
}
