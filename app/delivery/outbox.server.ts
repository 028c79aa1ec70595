import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  deleteUndeliveredEvents,
  insertOutboxEvent,
  listDeliveredEventIds,
  listEventsOfOrganisation,
  listEventsOfShare,
  nextEventSequence,
  replaceEventPayload,
  requeueEvent,
  type OutboxEventSummary,
} from '../../db/repositories/delivery';
import type { Database, OutboxEvent, OutboxEventType, Share } from '../../db/schema';
import { seal } from '~/domain/sealed.server';
import { getDb } from '~/utils/db.server';
import { copyFormat } from './copy-format';
import { buildBundle, type Bundle } from './fhir.server';
import { eventBody } from './payload.server';

export { eventBody };

/** The events that carry the person's words; withdrawals and expiries carry none. */
export const contentEventTypes: OutboxEventType[] = ['share.created', 'share.version-added', 'consent.changed'];

/** A new webhook-id: `msg_` and 128 random bits, the same on every attempt to send the event. */
export function newEventId(): string {
  return `msg_${crypto.randomBytes(16).toString('hex')}`;
}

/**
 * Queues an event for the share's organisation, inside the caller's transaction: the event is
 * written if and only if the share, version, withdrawal or expiry it describes is. The FHIR
 * Bundle is built now, from what the transaction sees, and stored encrypted; its printable copy
 * is HTML, made a PDF by the delivery process before the first attempt (DELIVERY_COPY=pdf).
 */
export async function enqueueEvent(trx: Kysely<Database>, share: Share, type: OutboxEventType): Promise<string> {
  const id = newEventId();
  const at = new Date().toISOString();
  // Never Chromium inside the transaction: a PDF copy is made from this HTML one before sending.
  const copy = copyFormat() === 'none' ? 'none' : 'html';
  const bundle = await buildBundle(trx, { share, type, eventId: id, at, copy });
  await insertOutboxEvent(trx, {
    id,
    organisation_id: share.organisation_id,
    share_id: share.id,
    sequence: await nextEventSequence(trx, share.id),
    type,
    payload: seal(JSON.stringify(bundle), id),
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
    delivered_at: null,
    created_at: at,
  });
  return id;
}

/** An event's Bundle, or null when its content was removed. */
export function eventBundle(event: Pick<OutboxEvent, 'id' | 'payload'>): Bundle | null {
  const body = eventBody(event);
  return body === null ? null : (JSON.parse(body) as Bundle);
}

/** Sends a dead or waiting event again now; false when it is not this organisation's or would arrive out of order. */
export async function retryEvent(organisationId: string, eventId: string): Promise<boolean> {
  return requeueEvent(getDb(), organisationId, eventId, new Date().toISOString());
}

/** An organisation's delivery log, newest first, without the payloads. */
export async function deliveryLog(organisationId: string, limit = 100): Promise<OutboxEventSummary[]> {
  return listEventsOfOrganisation(getDb(), organisationId, limit);
}

/**
 * Whether the newest event of a share has reached the worker's own system, for the person's
 * "delivered to your worker's system". Each Bundle is complete in itself, so the newest one
 * arriving is what matters even if an older one was given up.
 */
export async function deliveryStatusForShare(shareId: string): Promise<'none' | 'pending' | 'delivered' | 'failed'> {
  const latest = (await listEventsOfShare(getDb(), shareId)).at(-1);
  if (!latest) return 'none';
  return latest.status === 'dead' ? 'failed' : latest.status;
}

/**
 * When a person deletes their account: the events that carry their words are removed if not yet
 * delivered (they must never be sent) and emptied if delivered (the log keeps when). Withdrawals
 * and expiries stay, so the worker's system still learns that consent ended.
 */
export async function purgeContentOfShares(trx: Kysely<Database>, shareIds: string[]): Promise<void> {
  await deleteUndeliveredEvents(trx, shareIds, contentEventTypes);
  for (const id of await listDeliveredEventIds(trx, shareIds, contentEventTypes)) await replaceEventPayload(trx, id, seal('', id));
}
