import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A print button where a script can open the print dialog; otherwise, how to print. */
export function PrintButton() {
  const { t } = useTranslation('statement');
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return enhanced ? (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      {t('version.print')}
    </button>
  ) : (
    <p className="no-print">{t('version.printHelp')}</p>
  );
}
