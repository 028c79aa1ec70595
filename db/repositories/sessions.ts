import type { Kysely } from 'kysely';
import type { Database, Session } from '../schema';

/** Stores a new session (by the hash of its token). */
export async function insertSession(db: Kysely<Database>, session: Session): Promise<void> {
  await db.insertInto('session').values(session).execute();
}

/** Finds a session by the hash of its token. */
export async function findSession(db: Kysely<Database>, id: string): Promise<Session | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a session's idle expiry on. */
export async function touchSession(db: Kysely<Database>, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Ends one of an account's sessions, only if it belongs to that account. */
export async function deleteAccountSession(db: Kysely<Database>, accountId: string, id: string): Promise<number> {
  const result = await db.deleteFrom('session').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** An account's sessions that have not expired, newest activity first. */
export async function listSessions(db: Kysely<Database>, accountId: string, now: string): Promise<Session[]> {
  return db
    .selectFrom('session')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Removes sessions that have expired. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<', now).execute();
}

/** Ends every session of an account but one (after a password change); returns how many ended. */
export async function deleteOtherSessions(db: Kysely<Database>, accountId: string, keepId: string): Promise<number> {
  const result = await db.deleteFrom('session').where('account_id', '=', accountId).where('id', '!=', keepId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
