import crypto from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { findAccount, findAccountByUsername } from '../../db/repositories/accounts';
import { findPasskey, insertChallenge, insertPasskey, listPasskeys, recordPasskeyUse, takeChallenge } from '../../db/repositories/passkeys';
import type { Account } from '../../db/schema';
import { getDb } from '~/utils/db.server';
import { createAdultWithoutPassword } from './accounts.server';

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server. The relying party is this site's host name;
 * an organisation behind a proxy sets PUBLIC_ORIGIN so the browser's origin is checked exactly.
 */
function relyingParty(request: Request) {
  const origin = process.env.PUBLIC_ORIGIN ?? new URL(request.url).origin;
  return { origin, rpID: new URL(origin).hostname, rpName: 'In My Words' };
}

const challengeMinutes = 5;

async function saveChallenge(challenge: string, purpose: 'register' | 'authenticate', accountId: string | null, username: string | null) {
  const id = crypto.randomUUID();
  await insertChallenge(getDb(), {
    id,
    challenge,
    purpose,
    account_id: accountId,
    username,
    expires_at: new Date(Date.now() + challengeMinutes * 60_000).toISOString(),
  });
  return id;
}

async function consumeChallenge(id: unknown, purpose: 'register' | 'authenticate') {
  if (typeof id !== 'string') return null;
  const row = await takeChallenge(getDb(), id);
  if (!row || row.purpose !== purpose || row.expires_at < new Date().toISOString()) return null;
  return row;
}

/** Options to create a passkey: for a new account (with its chosen username) or for the signed-in one. */
export async function registrationOptions(request: Request, target: { account: Account } | { username: string }) {
  const { rpID, rpName } = relyingParty(request);
  const existing = 'account' in target ? await listPasskeys(getDb(), target.account.id) : [];
  const userName = 'account' in target ? (target.account.username ?? target.account.display_name) : target.username;
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: splitTransports(p.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  const challengeId = await saveChallenge(
    options.challenge,
    'register',
    'account' in target ? target.account.id : null,
    'username' in target ? target.username : null,
  );
  return { challengeId, options };
}

function splitTransports(value: string): AuthenticatorTransport[] {
  return value ? (value.split(',') as AuthenticatorTransport[]) : [];
}

export type PasskeyResult = { ok: true; account: Account } | { ok: false; error: string };

/** Checks a new passkey and stores it: on a new account (created now) or on the signed-in one. */
export async function verifyRegistration(
  request: Request,
  challengeId: unknown,
  response: RegistrationResponseJSON,
  signedIn: Account | null,
  language: string,
): Promise<PasskeyResult> {
  const challenge = await consumeChallenge(challengeId, 'register');
  if (!challenge) return { ok: false, error: 'auth:errors.passkeyExpired' };
  if (challenge.account_id && challenge.account_id !== signedIn?.id) return { ok: false, error: 'auth:errors.passkeyFailed' };
  const { origin, rpID } = relyingParty(request);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    return { ok: false, error: 'auth:errors.passkeyFailed' };
  }
  if (!verification.verified || !verification.registrationInfo) return { ok: false, error: 'auth:errors.passkeyFailed' };
  let account = signedIn;
  if (!account) {
    if (!challenge.username) return { ok: false, error: 'auth:errors.passkeyFailed' };
    account = await createAdultWithoutPassword(challenge.username, language);
    if (!account) return { ok: false, error: 'auth:errors.usernameTaken' };
  }
  const { credential } = verification.registrationInfo;
  await insertPasskey(getDb(), {
    id: credential.id,
    account_id: account.id,
    public_key: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: (credential.transports ?? []).join(','),
    created_at: new Date().toISOString(),
    last_used_at: null,
  });
  return { ok: true, account };
}

/** Options to sign in with any passkey this site knows (the browser offers the person's own). */
export async function authenticationOptions(request: Request) {
  const { rpID } = relyingParty(request);
  const options = await generateAuthenticationOptions({ rpID, userVerification: 'preferred' });
  const challengeId = await saveChallenge(options.challenge, 'authenticate', null, null);
  return { challengeId, options };
}

/**
 * Checks a passkey sign-in; the account it belongs to, or an error key. Each sign-in page takes
 * only its own people. A worker's or admin's passkey stands for both their password and their
 * code, so it must have checked the person (fingerprint, face or PIN): user verification.
 */
export async function verifyAuthentication(
  request: Request,
  challengeId: unknown,
  response: AuthenticationResponseJSON,
  audience: 'adult' | 'staff' = 'adult',
): Promise<PasskeyResult> {
  const challenge = await consumeChallenge(challengeId, 'authenticate');
  if (!challenge) return { ok: false, error: 'auth:errors.passkeyExpired' };
  const passkey = await findPasskey(getDb(), response.id);
  if (!passkey) return { ok: false, error: 'auth:errors.passkeyFailed' };
  const { origin, rpID } = relyingParty(request);
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: audience === 'staff',
      credential: {
        id: passkey.id,
        publicKey: Buffer.from(passkey.public_key, 'base64url'),
        counter: passkey.counter,
        transports: splitTransports(passkey.transports),
      },
    });
    if (!verification.verified) return { ok: false, error: 'auth:errors.passkeyFailed' };
    await recordPasskeyUse(getDb(), passkey.id, verification.authenticationInfo.newCounter, new Date().toISOString());
  } catch {
    return { ok: false, error: 'auth:errors.passkeyFailed' };
  }
  const account = await findAccount(getDb(), passkey.account_id);
  const allowed = audience === 'staff' ? account?.role === 'worker' || account?.role === 'admin' : account?.role === 'adult';
  return account && allowed ? { ok: true, account } : { ok: false, error: 'auth:errors.passkeyFailed' };
}

/** Whether a username is free for a new account. */
export async function usernameIsFree(username: string): Promise<boolean> {
  return !(await findAccountByUsername(getDb(), username));
}
