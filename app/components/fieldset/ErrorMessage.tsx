import { useTranslation } from 'react-i18next';

/** The message by the field, with a hidden "Error:" so it is clear when read on its own. */
export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t('common:errorPrefix')} </span>
      {message}
    </p>
  );
}
