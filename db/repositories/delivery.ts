import type { Kysely } from 'kysely';
import type { Database, DeliveryAttempt, OutboxEvent, OutboxEventType, WebhookEndpoint } from '../schema';

/** An outbox event without its (encrypted, possibly large) payload. */
export type OutboxEventSummary = Omit<OutboxEvent, 'payload'>;

const summaryColumns = [
  'outbox_event.id',
  'outbox_event.organisation_id',
  'outbox_event.share_id',
  'outbox_event.sequence',
  'outbox_event.type',
  'outbox_event.status',
  'outbox_event.attempts',
  'outbox_event.next_attempt_at',
  'outbox_event.last_error',
  'outbox_event.delivered_at',
  'outbox_event.created_at',
] as const;

/** The next position among one share's events (1 for its first). */
export async function nextEventSequence(db: Kysely<Database>, shareId: string): Promise<number> {
  const row = await db
    .selectFrom('outbox_event')
    .select((eb) => eb.fn.max<number | string | null>('sequence').as('last'))
    .where('share_id', '=', shareId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** Adds an event to the outbox. */
export async function insertOutboxEvent(db: Kysely<Database>, event: OutboxEvent): Promise<void> {
  await db.insertInto('outbox_event').values(event).execute();
}

/** One event, payload included. */
export async function findOutboxEvent(db: Kysely<Database>, id: string): Promise<OutboxEvent | undefined> {
  return db.selectFrom('outbox_event').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Events due now, oldest first: only the first undelivered event of each share (so one share's
 * events arrive in order), and only for organisations with an active endpoint (the others wait
 * for the pull API without using up attempts).
 */
export async function listDueEvents(db: Kysely<Database>, now: string, limit: number): Promise<OutboxEventSummary[]> {
  return db
    .selectFrom('outbox_event')
    .select(summaryColumns)
    .where('outbox_event.status', '=', 'pending')
    .where('outbox_event.next_attempt_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox_event as earlier')
            .select('earlier.id')
            .whereRef('earlier.share_id', '=', 'outbox_event.share_id')
            .where('earlier.status', '=', 'pending')
            .whereRef('earlier.sequence', '<', 'outbox_event.sequence'),
        ),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('webhook_endpoint')
          .select('webhook_endpoint.id')
          .whereRef('webhook_endpoint.organisation_id', '=', 'outbox_event.organisation_id')
          .where('webhook_endpoint.status', '=', 'active'),
      ),
    )
    .orderBy('outbox_event.next_attempt_at')
    .orderBy('outbox_event.created_at')
    .limit(limit)
    .execute();
}

/**
 * Takes an event for sending by moving its next attempt to the end of a lease, only if no one
 * else has moved it since it was read; false when another sender got there first.
 */
export async function claimEvent(db: Kysely<Database>, id: string, seenNextAttemptAt: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox_event')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', seenNextAttemptAt)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records the outcome of a round of sending, only while the event is still pending. */
export async function updatePendingEvent(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<OutboxEvent, 'status' | 'attempts' | 'next_attempt_at' | 'last_error' | 'delivered_at'>>,
): Promise<void> {
  await db.updateTable('outbox_event').set(changes).where('id', '=', id).where('status', '=', 'pending').execute();
}

/** Adds one attempt to the delivery log. */
export async function insertDeliveryAttempt(db: Kysely<Database>, attempt: DeliveryAttempt): Promise<void> {
  await db.insertInto('delivery_attempt').values(attempt).execute();
}

/** An event's attempts, oldest first. */
export async function listDeliveryAttempts(db: Kysely<Database>, eventId: string): Promise<DeliveryAttempt[]> {
  return db.selectFrom('delivery_attempt').selectAll().where('event_id', '=', eventId).orderBy('at').execute();
}

/** The endpoints that have already accepted an event (answered 2xx), so they are not sent it again. */
export async function endpointsThatAccepted(db: Kysely<Database>, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('delivery_attempt')
    .select('endpoint_id')
    .where('event_id', '=', eventId)
    .where('status_code', '>=', 200)
    .where('status_code', '<', 300)
    .execute();
  return rows.map((r) => r.endpoint_id).filter((id): id is string => id !== null);
}

/** Adds a webhook endpoint. */
export async function insertWebhookEndpoint(db: Kysely<Database>, endpoint: WebhookEndpoint): Promise<void> {
  await db.insertInto('webhook_endpoint').values(endpoint).execute();
}

/** One endpoint by id. */
export async function findWebhookEndpoint(db: Kysely<Database>, id: string): Promise<WebhookEndpoint | undefined> {
  return db.selectFrom('webhook_endpoint').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An organisation's active endpoints, oldest first. */
export async function listActiveEndpoints(db: Kysely<Database>, organisationId: string): Promise<WebhookEndpoint[]> {
  return db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
}

/** Stops sending to an endpoint, saying why. */
export async function disableEndpoint(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await db.updateTable('webhook_endpoint').set({ status: 'disabled', disabled_reason: reason }).where('id', '=', id).execute();
}

/**
 * Makes a dead or pending event due now (a dead one starts its attempts again). Refused when a
 * later event of the same share has already been delivered: sending this one now would put the
 * share's events out of order.
 */
export async function requeueEvent(db: Kysely<Database>, organisationId: string, eventId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox_event')
    .set((eb) => ({
      status: 'pending',
      next_attempt_at: now,
      attempts: eb.case().when('status', '=', 'dead').then(0).else(eb.ref('attempts')).end(),
    }))
    .where('id', '=', eventId)
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['dead', 'pending'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox_event as later')
            .select('later.id')
            .whereRef('later.share_id', '=', 'outbox_event.share_id')
            .whereRef('later.sequence', '>', 'outbox_event.sequence')
            .where('later.status', '=', 'delivered'),
        ),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** An organisation's events, newest first, without payloads. */
export async function listEventsOfOrganisation(db: Kysely<Database>, organisationId: string, limit: number): Promise<OutboxEventSummary[]> {
  return db
    .selectFrom('outbox_event')
    .select(summaryColumns)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('sequence', 'desc')
    .limit(limit)
    .execute();
}

/** A share's events, in order, without payloads. */
export async function listEventsOfShare(db: Kysely<Database>, shareId: string): Promise<OutboxEventSummary[]> {
  return db.selectFrom('outbox_event').select(summaryColumns).where('share_id', '=', shareId).orderBy('sequence').execute();
}

/** Removes the events of these shares of these types that were never delivered (they must never be sent). */
export async function deleteUndeliveredEvents(db: Kysely<Database>, shareIds: string[], types: OutboxEventType[]): Promise<void> {
  if (shareIds.length === 0 || types.length === 0) return;
  await db
    .deleteFrom('outbox_event')
    .where('share_id', 'in', shareIds)
    .where('type', 'in', types)
    .where('status', '!=', 'delivered')
    .execute();
}

/** The ids of delivered events of these shares of these types. */
export async function listDeliveredEventIds(db: Kysely<Database>, shareIds: string[], types: OutboxEventType[]): Promise<string[]> {
  if (shareIds.length === 0 || types.length === 0) return [];
  const rows = await db
    .selectFrom('outbox_event')
    .select('id')
    .where('share_id', 'in', shareIds)
    .where('type', 'in', types)
    .where('status', '=', 'delivered')
    .execute();
  return rows.map((r) => r.id);
}

/** Replaces an event's payload. */
export async function replaceEventPayload(db: Kysely<Database>, id: string, payload: string): Promise<void> {
  await db.updateTable('outbox_event').set({ payload }).where('id', '=', id).execute();
}

/** How many events there are in each status (for the benchmark and the operator). */
export async function countEventsByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox_event')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  // PostgreSQL returns count as a string.
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
