import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '~/domain/staff.server';

type Person = Omit<StaffMember, 'setUpExpiresAt'> & { linkWorksUntil: string | null };

/** The organisation's workers and admins: one heading each, so a screen reader can move person by person. */
export function StaffList({ staff }: { staff: Person[] }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <h2>{t('admin.staffHeading')}</h2>
      {staff.map((person) => (
        <section key={person.id} aria-labelledby={`person-${person.id}`} data-staff-member>
          <h3 id={`person-${person.id}`}>{person.name}</h3>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('admin.email')}</dt>
              <dd className="summary-list__value" dir="ltr">
                {person.email}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('admin.jobTitle')}</dt>
              <dd className="summary-list__value">{person.jobTitle || t('admin.notGiven')}</dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('admin.team')}</dt>
              <dd className="summary-list__value">{person.team || t('admin.notGiven')}</dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('admin.role')}</dt>
              <dd className="summary-list__value">{t(`roles.${person.role}`)}</dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('admin.account')}</dt>
              <dd className="summary-list__value">
                {person.setUpFinished
                  ? t('admin.ready')
                  : person.linkWorksUntil
                    ? t('admin.waiting', { date: person.linkWorksUntil })
                    : t('admin.linkExpired')}
              </dd>
            </div>
          </dl>
          {person.setUpFinished ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="new-link" />
              <input type="hidden" name="account" value={person.id} />
              <button type="submit" className="button button--secondary">
                {t('admin.newLink')}
                <span className="visually-hidden"> {t('admin.newLinkFor', { name: person.name })}</span>
              </button>
            </Form>
          )}
        </section>
      ))}
    </>
  );
}
