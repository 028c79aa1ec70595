import type { Kysely } from 'kysely';
import type { Database, Session } from '../schema';

/** Every session row of an account, expired ones too (they are still kept for a while), newest first. */
export async function listAllSessions(db: Kysely<Database>, accountId: string): Promise<Session[]> {
  return db.selectFrom('session').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').execute();
}

/**
 * Deletes an adult's account and everything keyed by it. The foreign keys would cascade, but each
 * table is cleared by name as well: a connection opened without `foreign_keys = ON` must not leave
 * the person's words behind. Share rows stay (without the person's id) so the worker sees that
 * consent was withdrawn; their content is removed by the caller first. True when an adult's
 * account was deleted.
 */
export async function deleteAdultAccount(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const account = await db
    .selectFrom('account')
    .select(['id', 'username'])
    .where('id', '=', accountId)
    .where('role', '=', 'adult')
    .executeTakeFirst();
  if (!account) return false;
  await db.deleteFrom('session').where('account_id', '=', accountId).execute();
  await db.deleteFrom('passkey').where('account_id', '=', accountId).execute();
  await db.deleteFrom('statement_draft').where('account_id', '=', accountId).execute();
  await db.deleteFrom('statement_version').where('account_id', '=', accountId).execute();
  await db.deleteFrom('auth_challenge').where('account_id', '=', accountId).execute();
  // A passkey sign-up's challenge names the username before the account exists.
  if (account.username) await db.deleteFrom('auth_challenge').where('username', '=', account.username).execute();
  await db.updateTable('share').set({ adult_id: null }).where('adult_id', '=', accountId).execute();
  await db.updateTable('access_log').set({ actor_id: null }).where('actor_id', '=', accountId).execute();
  const result = await db.deleteFrom('account').where('id', '=', accountId).where('role', '=', 'adult').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
