import { useTranslation } from 'react-i18next';

/** Save and continue; and, on every question, "Skip" and "I do not know" (never forced to answer). */
export function QuestionButtons() {
  const { t } = useTranslation('statement');
  return (
    <div className="button-group">
      <button type="submit" name="intent" value="save" className="button">
        {t('buttons.continue')}
      </button>
      <button type="submit" name="intent" value="unknown" className="button button--secondary">
        {t('buttons.unknown')}
      </button>
      <button type="submit" name="intent" value="skip" className="button button--secondary">
        {t('buttons.skip')}
      </button>
    </div>
  );
}
