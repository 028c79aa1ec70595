import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { listPasskeys } from '../../db/repositories/passkeys';
import { deleteAccountSession, listSessions } from '../../db/repositories/sessions';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { RecentSignIns, type SignInRow } from '~/components/account/RecentSignIns';
import { PasskeyAdd } from '~/components/passkey/PasskeyButtons';
import { PasswordInput } from '~/components/password-input/PasswordInput';
import { changeOwnPassword, passwordSchema } from '~/domain/accounts.server';
import { recentSignIns } from '~/domain/audit.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import { getDb } from '~/utils/db.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { clientAddress } from '~/utils/request.server';
import { currentSessionId, freshSignInMinutes, requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'auth:account.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:account:own');
  const lng = await languageOf(request);
  const current = await currentSessionId(request);
  const sessions = (await listSessions(getDb(), account.id, new Date().toISOString())).map((s) => ({
    // The list shows a short reference, never the session's full id.
    ref: s.id.slice(0, 12),
    device: s.device,
    lastSeen: formatDateTime(lng, s.last_seen_at, 'medium'),
    current: s.id === current,
  }));
  const passkeys = (await listPasskeys(getDb(), account.id)).map((p) => ({ created: formatDateTime(lng, p.created_at, 'medium') }));
  const signIns: SignInRow[] = (await recentSignIns(account.id)).map((e) => ({
    key: e.id,
    date: formatDateTime(lng, e.at, 'medium'),
    what: e.outcome === 'blocked' ? 'blocked' : e.outcome === 'failure' ? 'refused' : e.method === 'passkey' ? 'passkey' : 'password',
  }));
  return { username: account.username, hasPassword: Boolean(account.password_hash), sessions, passkeys, signIns };
}

const passwordChangeSchema = z.object({
  currentPassword: z.string().max(200, 'auth:errors.passwordLong').default(''),
  password: passwordSchema,
});

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requirePermission(request, 'write:account:own');
  const { account } = signedIn;
  const form = await request.formData();
  if (form.get('intent') === 'end-session') {
    const ref = String(form.get('session') ?? '');
    const sessions = await listSessions(getDb(), account.id, new Date().toISOString());
    const target = sessions.find((s) => s.id.startsWith(ref) && ref.length === 12);
    if (target) await deleteAccountSession(getDb(), account.id, target.id);
    return redirect('/account?ended=1');
  }
  const result = parseForm(form, passwordChangeSchema);
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  const changed = await changeOwnPassword(signedIn, result.data, { address: clientAddress(context), freshMinutes: freshSignInMinutes });
  if (!changed.ok) return data({ errors: changed.errors }, { status: 400 });
  return redirect('/account?password=saved');
}

export default function AccountPage() {
  const { t } = useTranslation('auth');
  const { username, hasPassword, sessions, passkeys, signIns } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = failure?.errors ?? {};
  const banner = params.get('passkey')
    ? 'passkeyAdded'
    : params.get('password')
      ? 'passwordSaved'
      : params.get('ended')
        ? 'sessionEnded'
        : null;
  return (
    <>
      {banner ? (
        <NotificationBanner type="success" title={t('account.done')}>
          <p>{t(`account.${banner}`)}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('account.title')}</h1>
      <p className="lead">{t('account.username', { username })}</p>

      <h2>{t('account.passkeysHeading')}</h2>
      <p>{t('passkey.explain')}</p>
      <p>{t('account.passkeyCount', { count: passkeys.length })}</p>
      <PasskeyAdd />

      <h2>{hasPassword ? t('account.changePassword') : t('account.addPassword')}</h2>
      <p>{hasPassword ? t('account.changePasswordIntro') : t('account.addPasswordIntro')}</p>
      <Form method="post" noValidate>
        {hasPassword ? (
          <PasswordInput
            id="currentPassword"
            name="currentPassword"
            label={t('fields.currentPassword')}
            error={errors.currentPassword ? t(errors.currentPassword) : undefined}
            autoComplete="current-password"
          />
        ) : null}
        <PasswordInput
          id="password"
          name="password"
          label={t('fields.newPassword')}
          hint={t('signUp.passwordHint')}
          error={errors.password ? t(errors.password) : undefined}
          autoComplete="new-password"
        />
        <Button>{t('account.savePassword')}</Button>
      </Form>

      <h2>{t('account.sessionsHeading')}</h2>
      <p>{t('account.sessionsIntro')}</p>
      <ul className="session-list">
        {sessions.map((s) => (
          <li key={s.ref} className="session-list__item">
            <span>
              {s.device || t('account.unknownDevice')} – {t('account.lastSeen', { date: s.lastSeen })}
              {s.current ? <strong className="tag">{t('account.thisDevice')}</strong> : null}
            </span>
            {s.current ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="end-session" />
                <input type="hidden" name="session" value={s.ref} />
                <button type="submit" className="button button--secondary">
                  {t('account.endSession')}
                  <span className="visually-hidden"> {s.device}</span>
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>

      <RecentSignIns rows={signIns} />

      <h2>{t('rights:account.heading')}</h2>
      <p>{t('rights:account.intro')}</p>
      <ul>
        <li>
          <Link to="/account/download">{t('rights:account.download')}</Link>
        </li>
        <li>
          <Link to="/account/delete">{t('rights:account.delete')}</Link>
        </li>
      </ul>
    </>
  );
}
