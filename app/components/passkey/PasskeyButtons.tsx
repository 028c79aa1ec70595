import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

async function post(body: Record<string, unknown>) {
  const response = await fetch('/passkeys', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

/**
 * The registration ceremony: options from the server, the browser makes the passkey, the server
 * checks and stores it. Returns where to go next, or an error key (with the field it is about).
 */
async function registerPasskey(extra: Record<string, unknown>): Promise<{ redirectTo?: string; error?: string; field?: string }> {
  const options = await post({ step: 'register-options', ...extra });
  if (typeof options.error === 'string')
    return { error: options.error, field: typeof options.field === 'string' ? options.field : undefined };
  const response = await startRegistration({ optionsJSON: options.options as never });
  const result = await post({ step: 'register-verify', challengeId: options.challengeId, response });
  if (typeof result.redirectTo === 'string') return { redirectTo: result.redirectTo };
  return { error: typeof result.error === 'string' ? result.error : 'auth:errors.passkeyFailed' };
}

function usePasskeySupport() {
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  return supported;
}

function Message({ error }: { error: string }) {
  const { t } = useTranslation();
  return <div role="alert">{error ? <p className="error-message">{t(error)}</p> : null}</div>;
}

/**
 * "Create my account with a passkey": shown only when the browser can make one (it needs
 * JavaScript). It uses the username typed in the form above.
 */
export function PasskeySignUp() {
  const { t } = useTranslation('auth');
  const supported = usePasskeySupport();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!supported) return null;
  async function create() {
    setError('');
    setBusy(true);
    try {
      const username = (document.getElementById('username') as HTMLInputElement | null)?.value ?? '';
      const result = await registerPasskey({ username });
      if (result.redirectTo) return window.location.assign(result.redirectTo);
      setError(result.error ?? 'auth:errors.passkeyFailed');
      if (result.field === 'username') document.getElementById('username')?.focus();
    } catch {
      setError('auth:errors.passkeyCancelled');
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="passkey" aria-labelledby="passkey-heading">
      <h2 id="passkey-heading">{t('passkey.signUpHeading')}</h2>
      <p>{t('passkey.explain')}</p>
      <Message error={error} />
      <button type="button" className="button button--secondary" onClick={create} disabled={busy}>
        {t('passkey.create')}
      </button>
    </section>
  );
}

/** "Sign in with a passkey": the browser offers the person's own passkeys for this site. */
export function PasskeySignIn({ returnTo, audience = 'adult' }: { returnTo: string; audience?: 'adult' | 'staff' }) {
  const { t } = useTranslation('auth');
  const supported = usePasskeySupport();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!supported) return null;
  async function signIn() {
    setError('');
    setBusy(true);
    try {
      const options = await post({ step: 'authenticate-options' });
      const response = await startAuthentication({ optionsJSON: options.options as never });
      const result = await post({ step: 'authenticate-verify', challengeId: options.challengeId, response, returnTo, audience });
      if (typeof result.redirectTo === 'string') window.location.assign(result.redirectTo);
      else setError(typeof result.error === 'string' ? result.error : 'auth:errors.passkeyFailed');
    } catch {
      setError('auth:errors.passkeyCancelled');
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="passkey" aria-labelledby="passkey-heading">
      <h2 id="passkey-heading">{t('passkey.signInHeading')}</h2>
      <Message error={error} />
      <button type="button" className="button button--secondary" onClick={signIn} disabled={busy}>
        {t('passkey.signIn')}
      </button>
    </section>
  );
}

/** "Add a passkey" on the account page. */
export function PasskeyAdd() {
  const { t } = useTranslation('auth');
  const supported = usePasskeySupport();
  const [error, setError] = useState('');
  if (!supported) return <p>{t('passkey.notSupported')}</p>;
  async function add() {
    setError('');
    try {
      const result = await registerPasskey({});
      if (result.redirectTo) window.location.assign(result.redirectTo);
      else setError(result.error ?? 'auth:errors.passkeyFailed');
    } catch {
      setError('auth:errors.passkeyCancelled');
    }
  }
  return (
    <>
      <Message error={error} />
      <button type="button" className="button button--secondary" onClick={add}>
        {t('passkey.add')}
      </button>
    </>
  );
}
