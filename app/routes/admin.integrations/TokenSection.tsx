import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { TextInput } from '~/components/text-input/TextInput';

export interface TokenView {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

interface TokenSectionProps {
  tokens: TokenView[];
  error?: string;
  /** What the admin typed, when the form comes back to be put right. */
  value?: string;
}

/** Tokens for systems that collect statements themselves: each listed by its label, never by its value. */
export function TokenSection({ tokens, error, value }: TokenSectionProps) {
  const { t } = useTranslation('integration');
  return (
    <>
      <h2>{t('tokens.heading')}</h2>
      <p>{t('tokens.intro')}</p>
      {tokens.length === 0 ? <p>{t('tokens.none')}</p> : null}
      {tokens.map((token) => (
        <section key={token.id} aria-labelledby={`token-${token.id}`} data-token>
          <h3 id={`token-${token.id}`}>{token.label}</h3>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('tokens.created')}</dt>
              <dd className="summary-list__value">{token.createdAt}</dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('tokens.lastUsed')}</dt>
              <dd className="summary-list__value">{token.lastUsedAt ?? t('tokens.neverUsed')}</dd>
            </div>
          </dl>
          <Form method="post">
            <input type="hidden" name="intent" value="revoke-token" />
            <input type="hidden" name="token" value={token.id} />
            <Button variant="warning">
              {t('tokens.revoke')}
              <span className="visually-hidden"> {t('tokens.revokeFor', { label: token.label })}</span>
            </Button>
          </Form>
        </section>
      ))}
      <h3 id="create-token-heading">{t('tokens.createHeading')}</h3>
      <Form method="post" noValidate aria-labelledby="create-token-heading">
        <input type="hidden" name="intent" value="create-token" />
        <TextInput
          id="label"
          name="label"
          label={t('tokens.label')}
          hint={t('tokens.labelHint')}
          error={error ? t(error) : undefined}
          defaultValue={value}
          autoComplete="off"
        />
        <Button>{t('tokens.create')}</Button>
      </Form>
    </>
  );
}
