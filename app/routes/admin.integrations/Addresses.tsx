import { useTranslation } from 'react-i18next';

interface AddressesProps {
  questionnaire: string;
  cards: string;
  pull: string;
}

/** The public addresses the company that supplies the system needs, to pass on as they are. */
export function Addresses(addresses: AddressesProps) {
  const { t } = useTranslation('integration');
  return (
    <>
      <h2>{t('addresses.heading')}</h2>
      <p>{t('addresses.intro')}</p>
      <dl className="summary-list">
        {(['questionnaire', 'cards', 'pull'] as const).map((name) => (
          <div className="summary-list__row" key={name}>
            <dt className="summary-list__key">{t(`addresses.${name}`)}</dt>
            <dd className="summary-list__value" dir="ltr">
              {addresses[name]}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
