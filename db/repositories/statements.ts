import type { Kysely } from 'kysely';
import type { Database, StatementVersionRow } from '../schema';

/** The encrypted draft of one account, if any. */
export async function findDraft(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('statement_draft').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** Writes (or replaces) an account's encrypted draft. */
export async function upsertDraft(db: Kysely<Database>, accountId: string, answers: string, updatedAt: string): Promise<void> {
  await db
    .insertInto('statement_draft')
    .values({ account_id: accountId, answers, updated_at: updatedAt })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ answers, updated_at: updatedAt }))
    .execute();
}

/** An account's versions, newest first (without the snapshots). */
export async function listVersions(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('statement_version')
    .select(['id', 'number', 'language', 'created_at'])
    .where('account_id', '=', accountId)
    .orderBy('number', 'desc')
    .execute();
}

/** One version of one account's statement; undefined when that account has no such version. */
export async function findVersion(db: Kysely<Database>, accountId: string, number: number): Promise<StatementVersionRow | undefined> {
  return db.selectFrom('statement_version').selectAll().where('account_id', '=', accountId).where('number', '=', number).executeTakeFirst();
}

/** The highest version number an account has (0 when none). */
export async function latestVersionNumber(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('statement_version')
    .select((eb) => eb.fn.max<number | string | null>('number').as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Adds a confirmed version. The unique (account, number) constraint refuses a duplicate number. */
export async function insertVersion(db: Kysely<Database>, row: StatementVersionRow): Promise<void> {
  await db.insertInto('statement_version').values(row).execute();
}
