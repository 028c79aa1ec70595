import type { Kysely } from 'kysely';
import type { AuditEvent, Database } from '../schema';

/**
 * The audit trail is append-only: this file adds rows, reads them and removes only those past the
 * retention period. Nothing here updates a row.
 */

/** Appends one event. */
export async function insertAuditEvent(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db.insertInto('audit_event').values(event).execute();
}

/** An account's events of the given kinds, newest first. */
export async function listAccountAuditEvents(
  db: Kysely<Database>,
  accountId: string,
  events: AuditEvent['event'][],
  limit: number,
): Promise<AuditEvent[]> {
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('event', 'in', events)
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** One page of an organisation's events, newest first, and whether there are more. */
export async function listOrganisationAuditEvents(
  db: Kysely<Database>,
  organisationId: string,
  offset: number,
  limit: number,
): Promise<{ events: AuditEvent[]; more: boolean }> {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('at', 'desc')
    .orderBy('id')
    .offset(offset)
    .limit(limit + 1)
    .execute();
  return { events: rows.slice(0, limit), more: rows.length > limit };
}

/** Removes events older than `before` (the retention purge); returns how many went. */
export async function purgeAuditEvents(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('audit_event').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
