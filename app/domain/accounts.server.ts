import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { findAccountByUsername, insertAccount, setPasswordHash } from '../../db/repositories/accounts';
import { deleteOtherSessions } from '../../db/repositories/sessions';
import type { Account, Session } from '../../db/schema';
import { recordAudit } from './audit.server';
import { getDb } from '~/utils/db.server';

/**
 * A username the person chooses: no real name needed, any script, easy to type. Stored in lower
 * case so "Jo" and "jo" are the same person.
 */
export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'auth:errors.usernameShort')
  .max(30, 'auth:errors.usernameLong')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'auth:errors.usernameCharacters')
  .transform((v) => v.normalize('NFC').toLowerCase());

// The list of common passwords that guessers try first (zxcvbn's, about 50,000), read once.
let commonPasswords: Set<string> | null = null;

/**
 * Whether a password is one guessers try first: on the kept list of common passwords (in any
 * case), or only spaces, or one character over and over.
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  const characters = [...password];
  if (characters.every((c) => c === characters[0])) return true;
  if (password.trim() === '') return true;
  return commonPasswords.has(password.toLowerCase()) || commonPasswords.has(password.trim().toLowerCase());
}

/**
 * Long enough to be hard to guess and not a common password; no other rules, so a password
 * manager or a passphrase works.
 */
export const passwordSchema = z
  .string()
  .min(8, 'auth:errors.passwordShort')
  .max(200, 'auth:errors.passwordLong')
  .refine((password) => !isCommonPassword(password), 'auth:errors.passwordCommon');

export const signUpSchema = z.object({ username: usernameSchema, password: passwordSchema });
export const signInSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'auth:errors.usernameEmpty')
    .transform((v) => v.normalize('NFC').toLowerCase()),
  password: z.string().min(1, 'auth:errors.passwordEmpty'),
});

// Verifying against a real hash when the username does not exist takes as long as a real check,
// so the time taken does not reveal whether a username exists.
const dummyHash = hash(crypto.randomBytes(16).toString('hex'));

/** Creates an adult's account, with a password or without one (a passkey follows); null when the username is taken. */
async function createAdult(username: string, passwordHash: string | null, language: string): Promise<Account | null> {
  const db = getDb();
  if (await findAccountByUsername(db, username)) return null;
  const account: Account = {
    id: crypto.randomUUID(),
    role: 'adult',
    username,
    email: null,
    display_name: username,
    password_hash: passwordHash,
    organisation_id: null,
    language,
    created_at: new Date().toISOString(),
    job_title: '',
    team: '',
    totp_secret: null,
    setup_token: null,
    setup_expires_at: null,
  };
  try {
    await insertAccount(db, account);
  } catch {
    return null; // someone took the name at the same moment
  }
  return account;
}

/** Creates an adult's account with a password; null when the username is taken. */
export async function createAdultWithPassword(username: string, password: string, language: string): Promise<Account | null> {
  return createAdult(username, await hash(password), language);
}

/** Creates an adult's account with no password (a passkey will be added); null when taken. */
export function createAdultWithoutPassword(username: string, language: string): Promise<Account | null> {
  return createAdult(username, null, language);
}

/** The account when the username and password match; null otherwise, taking the same time either way. */
export async function checkPassword(username: string, password: string): Promise<Account | null> {
  const account = await findAccountByUsername(getDb(), username);
  if (!account?.password_hash) {
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  return (await verify(account.password_hash, password).catch(() => false)) ? account : null;
}

export type PasswordChange = { ok: true; signedOut: number } | { ok: false; errors: Record<string, string> };

/**
 * Changes (or adds) the signed-in person's password. Someone holding only an open session cannot
 * do it: the current password must be given, or, for an account with only a passkey, the session
 * must have started with that passkey in the last `freshMinutes`. Every other session of the
 * account then ends, so whoever knew the old password is signed out everywhere.
 */
export async function changeOwnPassword(
  signedIn: { account: Account; session: Session },
  input: { currentPassword: string; password: string },
  context: { address: string; freshMinutes: number; now?: Date },
): Promise<PasswordChange> {
  const { account, session } = signedIn;
  const now = context.now ?? new Date();
  if (account.password_hash) {
    if (!input.currentPassword) return { ok: false, errors: { currentPassword: 'auth:errors.currentPasswordEmpty' } };
    if (!(await verify(account.password_hash, input.currentPassword).catch(() => false))) {
      await recordAudit({ event: 'password-changed', outcome: 'failure', account, method: 'password', address: context.address, now });
      return { ok: false, errors: { currentPassword: 'auth:errors.currentPasswordWrong' } };
    }
  } else if (new Date(session.created_at).getTime() < now.getTime() - context.freshMinutes * 60_000) {
    return { ok: false, errors: { password: 'auth:errors.signInAgainFirst' } };
  }
  const db = getDb();
  await setPasswordHash(db, account.id, await hash(input.password));
  const signedOut = await deleteOtherSessions(db, account.id, session.id);
  await recordAudit({
    event: 'password-changed',
    account,
    method: account.password_hash ? 'password' : 'passkey',
    address: context.address,
    now,
  });
  return { ok: true, signedOut };
}
