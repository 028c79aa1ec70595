import type { Kysely } from 'kysely';
import type { Database, Passkey } from '../schema';

/** Stores a new passkey for an account. */
export async function insertPasskey(db: Kysely<Database>, passkey: Passkey): Promise<void> {
  await db.insertInto('passkey').values(passkey).execute();
}

/** Finds a passkey by its credential id. */
export async function findPasskey(db: Kysely<Database>, id: string): Promise<Passkey | undefined> {
  return db.selectFrom('passkey').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An account's passkeys, oldest first. */
export async function listPasskeys(db: Kysely<Database>, accountId: string): Promise<Passkey[]> {
  return db.selectFrom('passkey').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'asc').execute();
}

/** Records a use of a passkey (the signature counter guards against cloned authenticators). */
export async function recordPasskeyUse(db: Kysely<Database>, id: string, counter: number, usedAt: string): Promise<void> {
  await db.updateTable('passkey').set({ counter, last_used_at: usedAt }).where('id', '=', id).execute();
}

/** Stores a one-time WebAuthn challenge. */
export async function insertChallenge(
  db: Kysely<Database>,
  row: Database['auth_challenge'] extends infer T ? { [K in keyof T]: T[K] } : never,
): Promise<void> {
  await db.insertInto('auth_challenge').values(row).execute();
}

/** Takes a challenge (once: it is deleted as it is read). */
export async function takeChallenge(db: Kysely<Database>, id: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('auth_challenge').selectAll().where('id', '=', id).executeTakeFirst();
    if (row) await trx.deleteFrom('auth_challenge').where('id', '=', id).execute();
    return row;
  });
}
