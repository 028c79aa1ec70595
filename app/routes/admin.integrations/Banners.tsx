import { useTranslation } from 'react-i18next';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { TextInput } from '~/components/text-input/TextInput';

/** A new signing secret, shown this once: only an encrypted copy is kept. */
export function SecretBanner({ url, secret, rotated }: { url: string; secret: string; rotated: boolean }) {
  const { t } = useTranslation('integration');
  return (
    <NotificationBanner type="success" title={t('secret.title')}>
      <p>{rotated ? t('secret.rotated', { url }) : t('secret.added', { url })}</p>
      <TextInput id="signing-secret" name="signing-secret" label={t('secret.label')} value={secret} readOnly dir="ltr" data-secret />
    </NotificationBanner>
  );
}

/** A new API token, shown this once: only its sha-256 is kept. */
export function TokenBanner({ label, token }: { label: string; token: string }) {
  const { t } = useTranslation('integration');
  return (
    <NotificationBanner type="success" title={t('token.title')}>
      <p>{t('token.created', { label })}</p>
      <TextInput id="api-token" name="api-token" label={t('token.label')} value={token} readOnly dir="ltr" data-api-token />
    </NotificationBanner>
  );
}

/** What the receiver answered to "Send a test". */
export function TestBanner({ url, status, error, ok }: { url: string; status: number | null; error: string | null; ok: boolean }) {
  const { t } = useTranslation('integration');
  return (
    <NotificationBanner type={ok ? 'success' : 'important'} title={t(ok ? 'test.okTitle' : 'test.failTitle')}>
      <p data-test-result>
        {status !== null ? t('test.status', { url, status }) : t('test.noAnswer', { url, error: error ?? t('test.unknownError') })}
      </p>
      {ok ? null : <p>{t('test.help')}</p>}
    </NotificationBanner>
  );
}
