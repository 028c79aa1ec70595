import type { Kysely } from 'kysely';
import type { AccessLogEntry, ConnectionCode, ConsentRecord, Database, Reply, Share, ShareStatus, ShareVersionRow } from '../schema';

/** Stores a new connection code (by its hash). */
export async function insertCode(db: Kysely<Database>, code: ConnectionCode): Promise<void> {
  await db.insertInto('connection_code').values(code).execute();
}

/** A connection code by the hash of what was typed. */
export async function findCodeByHash(db: Kysely<Database>, codeHash: string): Promise<ConnectionCode | undefined> {
  return db.selectFrom('connection_code').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

/** Marks a code used, only if it was not used already; false when someone else used it first. */
export async function useCode(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('connection_code')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A worker's codes that are still waiting to be used, newest first. */
export async function listOpenCodes(db: Kysely<Database>, workerId: string, now: string): Promise<ConnectionCode[]> {
  return db
    .selectFrom('connection_code')
    .selectAll()
    .where('worker_id', '=', workerId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Adds a share. */
export async function insertShare(db: Kysely<Database>, share: Share): Promise<void> {
  await db.insertInto('share').values(share).execute();
}

/** One share by id. */
export async function findShare(db: Kysely<Database>, id: string): Promise<Share | undefined> {
  return db.selectFrom('share').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An adult's shares, newest first. */
export async function listSharesOfAdult(db: Kysely<Database>, adultId: string): Promise<Share[]> {
  return db.selectFrom('share').selectAll().where('adult_id', '=', adultId).orderBy('created_at', 'desc').execute();
}

/** An adult's active shares that take new versions. */
export async function listSharesTakingNewVersions(db: Kysely<Database>, adultId: string): Promise<Share[]> {
  return db
    .selectFrom('share')
    .selectAll()
    .where('adult_id', '=', adultId)
    .where('status', '=', 'active')
    .where('include_new_versions', '=', 1)
    .execute();
}

/**
 * Shares a worker may see in their inbox (or just the one with `shareId`): given to them, or to their team in their organisation
 * when the person allowed that. Status and end dates are checked by the caller.
 */
export async function listSharesForWorker(
  db: Kysely<Database>,
  worker: { id: string; organisation_id: string; team: string },
  shareId?: string,
) {
  let query = db
    .selectFrom('share')
    .innerJoin('account as w', 'w.id', 'share.worker_id')
    .selectAll('share')
    .select(['w.display_name as worker_name', 'w.team as worker_team'])
    .where('share.organisation_id', '=', worker.organisation_id)
    .where((eb) =>
      worker.team
        ? eb.or([eb('share.worker_id', '=', worker.id), eb.and([eb('share.include_team', '=', 1), eb('w.team', '=', worker.team)])])
        : eb('share.worker_id', '=', worker.id),
    )
    .orderBy('share.created_at', 'desc');
  // One share by id, under exactly the same rule (a worker's view of a single share).
  if (shareId !== undefined) query = query.where('share.id', '=', shareId);
  return query.execute();
}

/** Changes what a share covers. */
export async function updateShareTerms(
  db: Kysely<Database>,
  id: string,
  terms: Pick<Share, 'sections' | 'include_team' | 'include_new_versions' | 'until'>,
): Promise<void> {
  await db.updateTable('share').set(terms).where('id', '=', id).execute();
}

/** Ends a share (withdrawn or expired), only if it is still active; false when it had already ended. */
export async function endShare(db: Kysely<Database>, id: string, status: Exclude<ShareStatus, 'active'>, at: string): Promise<boolean> {
  const result = await db
    .updateTable('share')
    .set({ status, ended_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks an adult's active shares urgent: they said they are not safe now. */
export async function markSharesUrgent(db: Kysely<Database>, adultId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('share')
    .set({ urgent_at: at })
    .where('adult_id', '=', adultId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Adds a snapshot of one version to a share. */
export async function insertShareVersion(db: Kysely<Database>, row: ShareVersionRow): Promise<void> {
  await db.insertInto('share_version').values(row).execute();
}

/** A share's snapshots, newest first. */
export async function listShareVersions(db: Kysely<Database>, shareId: string): Promise<ShareVersionRow[]> {
  return db.selectFrom('share_version').selectAll().where('share_id', '=', shareId).orderBy('version_number', 'desc').execute();
}

/** The newest snapshot of each of these shares, in one query (a share with none is left out). */
export async function listNewestVersions(db: Kysely<Database>, shareIds: string[]): Promise<ShareVersionRow[]> {
  if (shareIds.length === 0) return [];
  return db
    .selectFrom('share_version as v')
    .selectAll('v')
    .where('v.share_id', 'in', shareIds)
    .where((eb) =>
      eb(
        'v.version_number',
        '=',
        eb
          .selectFrom('share_version as w')
          .select((w) => w.fn.max('w.version_number').as('newest'))
          .whereRef('w.share_id', '=', 'v.share_id'),
      ),
    )
    .execute();
}

/** The newest version of each of these shares that this person has opened, in one query. */
export async function listLastOpenedVersions(db: Kysely<Database>, shareIds: string[], actorId: string): Promise<Map<string, number>> {
  if (shareIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('access_log')
    .select(['share_id', (eb) => eb.fn.max('version_number').as('newest')])
    .where('share_id', 'in', shareIds)
    .where('actor_id', '=', actorId)
    .where('action', '=', 'opened')
    .where('version_number', 'is not', null)
    .groupBy('share_id')
    .execute();
  return new Map(rows.filter((r) => r.newest !== null).map((r) => [r.share_id, Number(r.newest)]));
}

/** Active shares that end on a chosen day (to find those whose day has passed). */
export async function listActiveSharesWithEndDay(db: Kysely<Database>): Promise<Share[]> {
  return db.selectFrom('share').selectAll().where('status', '=', 'active').where('until', 'is not', null).execute();
}

/** Removes one version's snapshot from a share (it is taken again when the person changes what they share). */
export async function deleteShareVersion(db: Kysely<Database>, shareId: string, versionNumber: number): Promise<void> {
  await db.deleteFrom('share_version').where('share_id', '=', shareId).where('version_number', '=', versionNumber).execute();
}

/** Removes every snapshot and reply of a share (the person's words), keeping who and when. */
export async function deleteShareContent(db: Kysely<Database>, shareId: string): Promise<void> {
  await db.deleteFrom('share_version').where('share_id', '=', shareId).execute();
  await db.deleteFrom('reply').where('share_id', '=', shareId).execute();
}

/** Appends a consent record. */
export async function insertConsentRecord(db: Kysely<Database>, record: ConsentRecord): Promise<void> {
  await db.insertInto('consent_record').values(record).execute();
}

/** A share's consent records, oldest first. */
export async function listConsentRecords(db: Kysely<Database>, shareId: string): Promise<ConsentRecord[]> {
  return db.selectFrom('consent_record').selectAll().where('share_id', '=', shareId).orderBy('at').execute();
}

/** Appends an access-log entry. */
export async function insertAccess(db: Kysely<Database>, entry: AccessLogEntry): Promise<void> {
  await db.insertInto('access_log').values(entry).execute();
}

/** A share's access log, newest first, with who it was. */
export async function listAccess(db: Kysely<Database>, shareId: string) {
  return db
    .selectFrom('access_log')
    .leftJoin('account', 'account.id', 'access_log.actor_id')
    .selectAll('access_log')
    .select(['account.display_name as actor_name', 'account.job_title as actor_title'])
    .where('access_log.share_id', '=', shareId)
    .orderBy('access_log.at', 'desc')
    .execute();
}

/** Adds a reply. */
export async function insertReply(db: Kysely<Database>, reply: Reply): Promise<void> {
  await db.insertInto('reply').values(reply).execute();
}

/** A share's replies, newest first, with who wrote them. */
export async function listReplies(db: Kysely<Database>, shareId: string) {
  return db
    .selectFrom('reply')
    .leftJoin('account', 'account.id', 'reply.worker_id')
    .selectAll('reply')
    .select(['account.display_name as worker_name'])
    .where('reply.share_id', '=', shareId)
    .orderBy('reply.created_at', 'desc')
    .execute();
}

/** Marks a share's replies read by the adult. */
export async function markRepliesRead(db: Kysely<Database>, shareId: string, at: string): Promise<void> {
  await db.updateTable('reply').set({ read_at: at }).where('share_id', '=', shareId).where('read_at', 'is', null).execute();
}

export type { AccessLogEntry };
