import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';

export interface EndpointView {
  id: string;
  url: string;
  status: 'active' | 'disabled';
  disabledReason: string | null;
  createdAt: string;
  previousSecretUntil: string | null;
}

/** One small form a button: each works without JavaScript and names the endpoint it acts on. */
function EndpointButton({
  intent,
  endpoint,
  label,
  variant,
}: {
  intent: string;
  endpoint: EndpointView;
  label: string;
  variant: 'secondary' | 'warning';
}) {
  const { t } = useTranslation('integration');
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="endpoint" value={endpoint.id} />
      <Button variant={variant}>
        {label}
        <span className="visually-hidden"> {t('endpoints.forUrl', { url: endpoint.url })}</span>
      </Button>
    </Form>
  );
}

/** The organisation's endpoints: one heading each, so a screen reader can move endpoint by endpoint. */
export function EndpointList({ endpoints }: { endpoints: EndpointView[] }) {
  const { t } = useTranslation('integration');
  return (
    <>
      <h2>{t('endpoints.heading')}</h2>
      <p>{t('endpoints.intro')}</p>
      {endpoints.length === 0 ? <p>{t('endpoints.none')}</p> : null}
      {endpoints.map((endpoint) => (
        <section key={endpoint.id} aria-labelledby={`endpoint-${endpoint.id}`} data-endpoint>
          <h3 id={`endpoint-${endpoint.id}`} dir="ltr">
            {endpoint.url}
          </h3>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('endpoints.status')}</dt>
              <dd className="summary-list__value">{t(endpoint.status === 'active' ? 'endpoints.active' : 'endpoints.disabled')}</dd>
            </div>
            {endpoint.status === 'disabled' ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">{t('endpoints.disabledReason')}</dt>
                <dd className="summary-list__value" dir="ltr">
                  {endpoint.disabledReason ?? t('endpoints.noReason')}
                </dd>
              </div>
            ) : null}
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('endpoints.added')}</dt>
              <dd className="summary-list__value">{endpoint.createdAt}</dd>
            </div>
            {endpoint.previousSecretUntil ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">{t('endpoints.previousSecret')}</dt>
                <dd className="summary-list__value">{t('endpoints.previousSecretUntil', { date: endpoint.previousSecretUntil })}</dd>
              </div>
            ) : null}
          </dl>
          <div className="button-group">
            <EndpointButton intent="test" endpoint={endpoint} label={t('endpoints.test')} variant="secondary" />
            <EndpointButton intent="rotate" endpoint={endpoint} label={t('endpoints.rotate')} variant="secondary" />
            {endpoint.status === 'disabled' ? (
              <EndpointButton intent="enable" endpoint={endpoint} label={t('endpoints.enable')} variant="secondary" />
            ) : null}
            <EndpointButton intent="remove" endpoint={endpoint} label={t('endpoints.remove')} variant="warning" />
          </div>
        </section>
      ))}
    </>
  );
}
