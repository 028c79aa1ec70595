import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  claimEvent,
  disableEndpoint,
  endpointsThatAccepted,
  findOutboxEvent,
  insertDeliveryAttempt,
  listActiveEndpoints,
  listDueEvents,
  replaceEventPayload,
  updatePendingEvent,
  type OutboxEventSummary,
} from '../../db/repositories/delivery';
import type { Database, WebhookEndpoint } from '../../db/schema';
import { seal, unseal } from '~/domain/sealed.server';
import { getDb } from '~/utils/db.server';
import { copyFormat } from './copy-format';
import type { Bundle, DocumentReference } from './fhir-types';
import { eventBody } from './payload.server';
import { deliveryTimeoutMs, signAndSend, type SendResult } from './sender.server';

/**
 * The delivery loop: takes due events from the outbox, sends each to its organisation's active
 * endpoints, and records every attempt. Safe to run in more than one process at once (the server
 * and `npm run deliver`): an event is leased before it is sent (docs/decisions/0011).
 */

/** Seconds to wait after the 1st, 2nd, … failure: about 3 days in all, then the event is given up. */
export const defaultSchedule = [30, 120, 600, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 86400];

/** The retry schedule from DELIVERY_SCHEDULE (comma-separated seconds), or the default. */
export function retrySchedule(): number[] {
  const text = process.env.DELIVERY_SCHEDULE?.trim();
  if (!text) return defaultSchedule;
  const steps = text.split(',').map((step) => Number(step.trim()));
  return steps.length > 0 && steps.every((s) => Number.isFinite(s) && s >= 0) ? steps : defaultSchedule;
}

/**
 * Seconds before the next attempt after `failures` failures, or null when the schedule is used
 * up. Half the step is fixed and half random ("equal jitter"): receivers that come back after an
 * outage are not hit by every event at once, and the whole schedule still lasts at least half
 * its length (full jitter could retry almost at once and end the schedule early).
 */
export function backoffSeconds(failures: number, schedule = retrySchedule(), random = Math.random): number | null {
  const step = schedule[failures - 1];
  if (step === undefined) return null;
  return step / 2 + random() * (step / 2);
}

/** The longest wait a receiver's Retry-After may ask for, so one answer cannot hold a share's events back for ever. */
const maxRetryAfterSeconds = 86_400;

/** How long a sender holds an event it is sending: longer than a request may take. */
function leaseMs(): number {
  const seconds = Number(process.env.DELIVERY_LEASE_SECONDS);
  const configured = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
  return Math.max(configured, deliveryTimeoutMs() + 1000);
}

function concurrency(): number {
  const n = Number(process.env.DELIVERY_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : 8;
}

type Outcome = 'sent' | 'failed' | 'skipped';

function secretsOf(endpoint: WebhookEndpoint, at: Date): { secret: string; previousSecret: string | null } {
  const secret = unseal(endpoint.secret, endpoint.id);
  let previousSecret: string | null = null;
  if (endpoint.previous_secret && endpoint.previous_secret_expires_at && endpoint.previous_secret_expires_at > at.toISOString()) {
    try {
      previousSecret = unseal(endpoint.previous_secret, endpoint.id);
    } catch {
      // A previous secret that cannot be read only means receivers must already use the new one.
    }
  }
  return { secret, previousSecret };
}

async function sendTo(endpoint: WebhookEndpoint, event: OutboxEventSummary, body: string, timestamp: Date): Promise<SendResult> {
  let secrets;
  try {
    secrets = secretsOf(endpoint, timestamp);
  } catch {
    return { status: null, retryAfterSeconds: null, error: 'The endpoint’s signing secret could not be read.', durationMs: 0 };
  }
  return signAndSend({ url: endpoint.url, ...secrets }, { id: event.id, timestamp, body });
}

/** Leases the due events in one transaction (one write to disk, not one per event); returns those this sender got. */
async function claimDue(db: Kysely<Database>, due: OutboxEventSummary[], now: Date): Promise<OutboxEventSummary[]> {
  if (due.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs()).toISOString();
  return db.transaction().execute(async (trx) => {
    const claimed: OutboxEventSummary[] = [];
    for (const event of due) if (await claimEvent(trx, event.id, event.next_attempt_at, leaseUntil)) claimed.push(event);
    return claimed;
  });
}

type Changes = Parameters<typeof updatePendingEvent>[2];

/** What one round of sending means for the event: delivered, waiting, tried again later, or given up. */
function outcomeOf(
  attemptsBefore: number,
  activeCount: number,
  results: { result: SendResult }[],
  now: Date,
): { outcome: Exclude<Outcome, 'skipped'>; changes: Changes } {
  const nowIso = now.toISOString();
  const gone = results.filter((r) => r.result.status === 410);
  const failures = results.filter((r) => r.result.error !== null && r.result.status !== 410);
  // A round counts as an attempt when it reached an endpoint that had not yet taken the event and did not say it is gone.
  const attempts = attemptsBefore + (results.length > gone.length ? 1 : 0);
  if (failures.length === 0) {
    if (activeCount > gone.length)
      return { outcome: 'sent', changes: { status: 'delivered', attempts, delivered_at: nowIso, last_error: null } };
    // The only endpoints said they are gone: the event waits for a new endpoint or the pull API.
    return { outcome: 'failed', changes: { next_attempt_at: nowIso, last_error: gone[0]?.result.error ?? null } };
  }
  const lastError = failures.map((f) => f.result.error).join(' ');
  const wait = backoffSeconds(attempts);
  if (wait === null) return { outcome: 'failed', changes: { status: 'dead', attempts, last_error: lastError } };
  const asked = Math.min(maxRetryAfterSeconds, Math.max(0, ...failures.map((f) => f.result.retryAfterSeconds ?? 0)));
  const next = new Date(now.getTime() + Math.max(wait, asked) * 1000).toISOString();
  return { outcome: 'failed', changes: { attempts, last_error: lastError, next_attempt_at: next } };
}

/**
 * Before an event is first sent: its printable copy, queued as HTML inside the share's
 * transaction, becomes the PDF, and the event keeps it, so every attempt sends the same body.
 * Where there is no browser the HTML copy goes as it is.
 */
async function withPdfCopy(db: Kysely<Database>, eventId: string, body: string): Promise<string> {
  const bundle = JSON.parse(body) as Bundle;
  const document = bundle.entry?.map((e) => e.resource).find((r): r is DocumentReference => r?.resourceType === 'DocumentReference');
  const attachment = document?.content[0]?.attachment;
  if (!attachment || attachment.contentType !== 'text/html' || !attachment.data) return body;
  // Loaded only when needed, so the delivery process starts without React or the browser.
  const { pdfOfHtmlCopy } = await import('./delivered-copy.server');
  const pdf = await pdfOfHtmlCopy(Buffer.from(attachment.data, 'base64').toString('utf8'), attachment.language ?? 'en');
  if (!pdf) return body;
  attachment.contentType = 'application/pdf';
  attachment.data = pdf.toString('base64');
  attachment.size = pdf.length;
  if (attachment.title) attachment.title = attachment.title.replace(/\.html$/, '.pdf');
  const changed = JSON.stringify(bundle);
  await replaceEventPayload(db, eventId, seal(changed, eventId));
  return changed;
}

/** Sends one leased event to every active endpoint that has not yet taken it, then records it all in one transaction. */
async function deliverOne(db: Kysely<Database>, event: OutboxEventSummary, now: Date): Promise<Outcome> {
  const nowIso = now.toISOString();
  const row = await findOutboxEvent(db, event.id);
  if (!row || row.status !== 'pending') return 'skipped';

  let body: string | null;
  try {
    body = eventBody(row);
  } catch {
    body = null;
  }
  if (body === null) {
    await updatePendingEvent(db, event.id, { status: 'dead', last_error: 'The event’s content could not be read.' });
    return 'failed';
  }

  if (row.attempts === 0 && copyFormat() === 'pdf') {
    body = await withPdfCopy(db, row.id, body);
  }

  const active = await listActiveEndpoints(db, event.organisation_id);
  if (active.length === 0) {
    // Every endpoint went away since the event was found: it waits, without using an attempt.
    await updatePendingEvent(db, event.id, { next_attempt_at: nowIso });
    return 'skipped';
  }
  const accepted = new Set(await endpointsThatAccepted(db, event.id));
  const waiting = active.filter((endpoint) => !accepted.has(endpoint.id));

  // The timestamp is the real clock, even when a test moves `now`: receivers check it against theirs.
  const timestamp = new Date();
  const results = await Promise.all(
    waiting.map(async (endpoint) => ({ endpoint, result: await sendTo(endpoint, event, body, timestamp) })),
  );
  const { outcome, changes } = outcomeOf(row.attempts, active.length, results, now);

  await db.transaction().execute(async (trx) => {
    for (const { endpoint, result } of results) {
      await insertDeliveryAttempt(trx, {
        id: crypto.randomUUID(),
        event_id: event.id,
        endpoint_id: endpoint.id,
        at: nowIso,
        status_code: result.status,
        error: result.error,
        duration_ms: result.durationMs,
      });
      if (result.status === 410) {
        await disableEndpoint(trx, endpoint.id, `The receiver answered 410 Gone on ${nowIso}: it no longer takes these events.`);
      }
    }
    await updatePendingEvent(trx, event.id, changes);
  });
  return outcome;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}

/**
 * Sends every event that is due now (at most `limit`), and says how many arrived and how many
 * failed. `now` moves the clock for the schedule and the log (tests use it instead of waiting).
 */
export async function deliverDue(options: { now?: Date; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const db = getDb();
  const now = options.now ?? new Date();
  const due = await claimDue(db, await listDueEvents(db, now.toISOString(), options.limit ?? 100), now);
  const counts = { sent: 0, failed: 0 };
  await inPool(due, concurrency(), async (event) => {
    const outcome = await deliverOne(db, event, now);
    if (outcome !== 'skipped') counts[outcome]++;
  });
  return counts;
}

/**
 * Delivers in the background until stopped: every DELIVERY_POLL_MS (2 s by default), and at
 * once again after a round that sent something, since the next event of a share may now be due.
 * The returned function stops the loop and resolves when the round under way has finished.
 */
export function startDeliveryLoop(options: { intervalMs?: number; limit?: number } = {}): () => Promise<void> {
  const poll = Number(process.env.DELIVERY_POLL_MS);
  const intervalMs = options.intervalMs ?? (Number.isFinite(poll) && poll > 0 ? poll : 2000);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    let again = false;
    try {
      again = (await deliverDue({ limit: options.limit })).sent > 0;
    } catch (error) {
      console.error('Delivery round failed:', error);
    }
    schedule(again ? 0 : intervalMs);
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round();
    }, ms);
  };
  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
