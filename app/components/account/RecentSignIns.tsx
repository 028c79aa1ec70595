import { useTranslation } from 'react-i18next';

export interface SignInRow {
  key: string;
  date: string;
  /** `passkey`, `password`, `refused` (a wrong password or passkey) or `blocked` (too many tries). */
  what: 'passkey' | 'password' | 'refused' | 'blocked';
}

/**
 * "Was this you?": the person's own recent sign-ins and refused tries, and what to do if one was
 * not them. Easy read; the list never shows what was typed.
 */
export function RecentSignIns({ rows }: { rows: SignInRow[] }) {
  const { t } = useTranslation('auth');
  return (
    <section aria-labelledby="recent-sign-ins">
      <h2 id="recent-sign-ins">{t('account.signInsHeading')}</h2>
      <p>{t('account.signInsIntro')}</p>
      {rows.length === 0 ? (
        <p>{t('account.signInsNone')}</p>
      ) : (
        <ul className="event-list">
          {rows.map((row) => (
            <li key={row.key} className="event-list__item">
              <span>{t(`account.signIns.${row.what}`, { date: row.date })}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('account.notYouHeading')}</h3>
      <p>{t('account.notYouPassword')}</p>
      <p>{t('account.notYouDevices')}</p>
    </section>
  );
}
