import { useTranslation } from 'react-i18next';

/**
 * The first thing a keyboard user reaches: straight past the header to the page's content.
 * Following the link only moves the starting point for Tab; the script also moves focus, so a
 * screen reader starts reading from the content at once (as GOV.UK's skip link does).
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main-content"
      className="skip-link"
      onClick={() => {
        document.getElementById('main-content')?.focus();
      }}
    >
      {t('common:skipLink')}
    </a>
  );
}
