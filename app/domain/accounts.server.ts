import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { findAccountByUsername, insertAccount, setPasswordHash } from '../../db/repositories/accounts';
import type { Account } from '../../db/schema';
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

/** Long enough to be hard to guess; no other rules, so a password manager or a passphrase works. */
export const passwordSchema = z.string().min(8, 'auth:errors.passwordShort').max(200, 'auth:errors.passwordLong');

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

/** Sets a new password for an account. */
export async function changePassword(accountId: string, password: string): Promise<void> {
  await setPasswordHash(getDb(), accountId, await hash(password));
}
