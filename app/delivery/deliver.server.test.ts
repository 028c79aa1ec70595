// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDeliveryWorld, type DeliveryWorld } from '../../tests/fixtures/delivery';
import { chromiumPath } from '~/utils/chromium';
import type { Bundle, DocumentReference } from './fhir-types';
import { startReceiver } from './receiver.server';
import { newSigningSecret } from './sender.server';

let world: DeliveryWorld;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  world = await openDeliveryWorld('deliver', { DELIVERY_SCHEDULE: undefined, DELIVERY_TIMEOUT_SECONDS: undefined });
}, 60_000);

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  // Each test counts only its own events: what an earlier test left queued must not be sent in a later one.
  await world.db.getDb().deleteFrom('delivery_attempt').execute();
  await world.db.getDb().deleteFrom('outbox_event').execute();
  delete process.env.DELIVERY_SCHEDULE;
  delete process.env.DELIVERY_TIMEOUT_SECONDS;
  process.env.DELIVERY_COPY = 'html';
});

afterAll(async () => {
  await world?.close();
});

/** A moment `seconds` from now: the tests move the delivery clock instead of waiting. */
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

async function receiver(options: { failFirst?: number; secrets?: string[] } = {}) {
  const secret = newSigningSecret();
  const started = await startReceiver({ secrets: options.secrets ?? [secret], failFirst: options.failFirst });
  closers.push(() => started.close());
  return { ...started, secret };
}

/** A plain server that answers every request with `status` and `headers`, counting requests. */
async function answering(status: number, headers: Record<string, string> = {}) {
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests += 1;
    request.resume();
    if (status === 0) return; // never answers
    response.writeHead(status, headers).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, requests: () => requests };
}

/** A share with an endpoint at `url`, and its first event queued. */
async function sharedWith(url: string | null, secret?: string) {
  const made = await world.share();
  const endpoint = url ? await world.endpoint(made.organisationId, url, { secret }) : null;
  const eventId = await world.enqueue(made.share, 'share.created');
  return { ...made, endpoint, eventId };
}

async function event(id: string) {
  return (await world.delivery.findOutboxEvent(world.db.getDb(), id))!;
}

async function attempts(id: string) {
  return world.delivery.listDeliveryAttempts(world.db.getDb(), id);
}

describe('retrying', () => {
  it('sends a given-up event again, on the admin’s word, with the same webhook-id, and the share’s next event waits behind it', async () => {
    process.env.DELIVERY_SCHEDULE = '10';
    const target = await receiver({ failFirst: 2 });
    const { share, organisationId, eventId } = await sharedWith(target.url, target.secret);
    for (const seconds of [0, 60]) await world.deliver.deliverDue({ now: later(seconds) });
    expect(await event(eventId)).toMatchObject({ status: 'dead', attempts: 2 });

    // The receiver is back; a later event of the same share is queued before the admin resends.
    const withdrawal = await world.enqueue(share, 'consent.withdrawn');
    expect(await world.outbox.retryEvent(await world.organisation(), eventId)).toBe(false);
    expect(await world.outbox.retryEvent(organisationId, eventId)).toBe(true);

    expect(await world.deliver.deliverDue({ now: later(120) })).toEqual({ sent: 1, failed: 0 });
    expect(target.received.map((e) => e.id)).toEqual([eventId]);
    // The withdrawal waited behind the resent event: it was not even tried in that round.
    expect(target.attempts.map((a) => a.id)).toEqual([eventId, eventId, eventId]);
    // The receiver refuses each event's first 2 attempts, so the withdrawal needs a longer schedule to arrive.
    process.env.DELIVERY_SCHEDULE = '10,20,30';
    for (const seconds of [180, 300, 420]) await world.deliver.deliverDue({ now: later(seconds) });
    expect(target.received.map((e) => e.id)).toEqual([eventId, withdrawal]);
    expect(await event(eventId)).toMatchObject({ status: 'delivered' });
  });

  it('delivers exactly once on the 4th attempt when the receiver refuses the first 3, with the same webhook-id every time', async () => {
    const target = await receiver({ failFirst: 3 });
    const { eventId } = await sharedWith(target.url, target.secret);

    expect(await world.deliver.deliverDue()).toEqual({ sent: 0, failed: 1 });
    // Not due again until its backoff has passed.
    expect(await world.deliver.deliverDue({ now: later(5) })).toEqual({ sent: 0, failed: 0 });
    expect(await world.deliver.deliverDue({ now: later(86_400) })).toEqual({ sent: 0, failed: 1 });
    expect(await world.deliver.deliverDue({ now: later(2 * 86_400) })).toEqual({ sent: 0, failed: 1 });
    expect(await world.deliver.deliverDue({ now: later(3 * 86_400) })).toEqual({ sent: 1, failed: 0 });
    expect(await world.deliver.deliverDue({ now: later(4 * 86_400) })).toEqual({ sent: 0, failed: 0 });

    expect(target.attempts.map((a) => [a.id, a.outcome])).toEqual([
      [eventId, 'failed-on-purpose'],
      [eventId, 'failed-on-purpose'],
      [eventId, 'failed-on-purpose'],
      [eventId, 'stored'],
    ]);
    expect(target.received.map((e) => e.id)).toEqual([eventId]);
    expect(await event(eventId)).toMatchObject({ status: 'delivered', attempts: 4, last_error: null });
    expect((await attempts(eventId)).map((a) => a.status_code)).toEqual([503, 503, 503, 200]);
  });

  it('waits at least as long as the schedule says, with jitter, and as long as Retry-After asks', async () => {
    const slow = await answering(503, { 'retry-after': '7200' });
    const { eventId } = await sharedWith(slow.url);
    const before = Date.now();
    await world.deliver.deliverDue();
    const next = Date.parse((await event(eventId)).next_attempt_at);
    expect(next - before).toBeGreaterThanOrEqual(7200 * 1000);
    expect(await world.deliver.deliverDue({ now: later(3600) })).toEqual({ sent: 0, failed: 0 });
    expect(slow.requests()).toBe(1);

    const { backoffSeconds, defaultSchedule } = world.deliver;
    expect(defaultSchedule.reduce((a, b) => a + b, 0) / 86_400).toBeCloseTo(3.15, 1);
    expect(backoffSeconds(1, [30], () => 0)).toBe(15);
    expect(backoffSeconds(1, [30], () => 0.999)).toBeCloseTo(30, 0);
    expect(backoffSeconds(2, [30])).toBeNull();
  });

  it('gives an event up after the last scheduled attempt, and then sends the share’s next event', async () => {
    process.env.DELIVERY_SCHEDULE = '10,20';
    const target = await receiver({ failFirst: 3 });
    const { share, eventId } = await sharedWith(target.url, target.secret);
    const withdrawal = await world.enqueue(share, 'consent.withdrawn');

    for (const seconds of [0, 60, 120]) await world.deliver.deliverDue({ now: later(seconds) });
    expect(await event(eventId)).toMatchObject({ status: 'dead', attempts: 3, last_error: 'The receiver answered 503.' });
    expect(await world.outbox.deliveryStatusForShare(share.id)).toBe('pending');

    // The receiver refuses each event's first 3 attempts, so the withdrawal needs a longer schedule to arrive.
    process.env.DELIVERY_SCHEDULE = '10,20,30,40';
    for (const seconds of [180, 240, 300, 360]) await world.deliver.deliverDue({ now: later(seconds) });
    expect(target.received.map((e) => e.id)).toEqual([withdrawal]);
    expect(await world.outbox.deliveryStatusForShare(share.id)).toBe('delivered');
  });

  it('counts a receiver that does not answer in time as a failed attempt', async () => {
    process.env.DELIVERY_TIMEOUT_SECONDS = '0.3';
    const silent = await answering(0);
    const { eventId } = await sharedWith(silent.url);
    expect(await world.deliver.deliverDue()).toEqual({ sent: 0, failed: 1 });
    expect(await event(eventId)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'No answer within 0.3 seconds.' });
    expect((await attempts(eventId))[0]).toMatchObject({ status_code: null, error: 'No answer within 0.3 seconds.' });
  });

  it('never follows a redirect', async () => {
    const target = await receiver();
    const redirecting = await answering(302, { location: `${target.url}/` });
    const { eventId } = await sharedWith(redirecting.url);
    expect(await world.deliver.deliverDue()).toEqual({ sent: 0, failed: 1 });
    expect(target.attempts).toEqual([]);
    expect((await attempts(eventId))[0]).toMatchObject({ status_code: 302, error: expect.stringMatching(/never followed/) });
  });
});

describe('endpoints', () => {
  it('disables an endpoint that answers 410 Gone and keeps the event for the next one', async () => {
    const gone = await answering(410);
    const { eventId, endpoint, organisationId } = await sharedWith(gone.url);
    expect(await world.deliver.deliverDue()).toEqual({ sent: 0, failed: 1 });
    const disabled = (await world.delivery.findWebhookEndpoint(world.db.getDb(), endpoint!.id))!;
    expect(disabled).toMatchObject({ status: 'disabled', disabled_reason: expect.stringMatching(/410 Gone/) });
    expect(await event(eventId)).toMatchObject({ status: 'pending', attempts: 0 });
    // With no active endpoint the event waits (for the pull API) without using attempts.
    expect(await world.deliver.deliverDue({ now: later(86_400) })).toEqual({ sent: 0, failed: 0 });
    expect(gone.requests()).toBe(1);

    const target = await receiver();
    await world.endpoint(organisationId, target.url, { secret: target.secret });
    expect(await world.deliver.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(target.received.map((e) => e.id)).toEqual([eventId]);
  });

  it('leaves events pending, without using attempts, while an organisation has no endpoint', async () => {
    const { eventId } = await sharedWith(null);
    await world.deliver.deliverDue({ now: later(10 * 86_400) });
    expect(await event(eventId)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await attempts(eventId)).toEqual([]);
  });

  it('sends to every active endpoint, and again only to one that failed', async () => {
    const good = await receiver();
    const flaky = await receiver({ failFirst: 1 });
    const { eventId, organisationId } = await sharedWith(good.url, good.secret);
    await world.endpoint(organisationId, flaky.url, { secret: flaky.secret });
    expect(await world.deliver.deliverDue()).toEqual({ sent: 0, failed: 1 });
    expect(await world.deliver.deliverDue({ now: later(3600) })).toEqual({ sent: 1, failed: 0 });
    expect(good.attempts.map((a) => a.outcome)).toEqual(['stored']);
    expect(flaky.attempts.map((a) => a.outcome)).toEqual(['failed-on-purpose', 'stored']);
    expect(await event(eventId)).toMatchObject({ status: 'delivered' });
  });

  it('signs with the previous secret too while it is still valid, and not after', async () => {
    const [previous, current] = [newSigningSecret(), newSigningSecret()];
    const stillOld = await receiver({ secrets: [previous] });
    const made = await world.share();
    await world.endpoint(made.organisationId, stillOld.url, { secret: current, previousSecret: previous });
    const first = await world.enqueue(made.share, 'share.created');
    expect(await world.deliver.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(stillOld.received.map((e) => e.id)).toEqual([first]);

    const expired = await world.share();
    await world.endpoint(expired.organisationId, stillOld.url, {
      secret: current,
      previousSecret: previous,
      previousUntil: later(-60).toISOString(),
    });
    await world.enqueue(expired.share, 'share.created');
    expect(await world.deliver.deliverDue()).toEqual({ sent: 0, failed: 1 });
    expect(stillOld.attempts.at(-1)?.outcome).toBe('refused');
  });
});

describe('the printable copy', () => {
  it.skipIf(!chromiumPath())(
    'is queued as HTML with the share and sent as a PDF, the same body on every attempt',
    async () => {
      process.env.DELIVERY_COPY = 'pdf';
      const target = await receiver({ failFirst: 1 });
      const { eventId } = await sharedWith(target.url, target.secret);
      const copyOf = (bundle: Bundle) =>
        bundle.entry!.map((e) => e.resource).find((r): r is DocumentReference => r?.resourceType === 'DocumentReference')!.content[0]!
          .attachment;
      // The share's transaction made no PDF: the browser is not waited for while the database is locked.
      expect(copyOf(world.outbox.eventBundle(await event(eventId))!).contentType).toBe('text/html');

      expect(await world.deliver.deliverDue()).toEqual({ sent: 0, failed: 1 });
      const kept = world.outbox.eventBundle(await event(eventId))!;
      expect(copyOf(kept)).toMatchObject({ contentType: 'application/pdf', title: 'document-1.pdf' });
      expect(Buffer.from(copyOf(kept).data!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

      expect(await world.deliver.deliverDue({ now: later(86_400) })).toEqual({ sent: 1, failed: 0 });
      expect(target.received.map((e) => e.id)).toEqual([eventId]);
      expect(target.received[0]!.bundle).toEqual(kept);
    },
    60_000,
  );
});

describe('order and safety', () => {
  it('never delivers a withdrawal before the share it withdraws, even while the share keeps failing', async () => {
    const target = await receiver({ failFirst: 4 });
    const { share, eventId } = await sharedWith(target.url, target.secret);
    const withdrawal = await world.enqueue(share, 'consent.withdrawn');

    for (let day = 0; day <= 4; day++) await world.deliver.deliverDue({ now: later(day * 86_400) });
    expect(target.received.map((e) => e.id)).toEqual([eventId]);
    expect(target.attempts.filter((a) => a.id === withdrawal)).toEqual([]);

    for (let day = 5; day <= 12; day++) await world.deliver.deliverDue({ now: later(day * 86_400) });
    expect(target.received.map((e) => [e.id, e.type])).toEqual([
      [eventId, 'share.created'],
      [withdrawal, 'consent.withdrawn'],
    ]);
    const firstWithdrawalAttempt = target.attempts.findIndex((a) => a.id === withdrawal);
    const shareStored = target.attempts.findIndex((a) => a.id === eventId && a.outcome === 'stored');
    expect(firstWithdrawalAttempt).toBeGreaterThan(shareStored);
  });

  it('sends an event once even when two senders run at the same moment', async () => {
    const target = await receiver();
    const { eventId } = await sharedWith(target.url, target.secret);
    const results = await Promise.all([world.deliver.deliverDue(), world.deliver.deliverDue(), world.deliver.deliverDue()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(target.attempts.map((a) => a.id)).toEqual([eventId]);
  });

  it('runs in the background until stopped', async () => {
    const target = await receiver();
    const { eventId } = await sharedWith(target.url, target.secret);
    const stop = world.deliver.startDeliveryLoop({ intervalMs: 50 });
    try {
      for (let i = 0; i < 100 && target.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await stop();
    }
    expect(target.received.map((e) => e.id)).toEqual([eventId]);
  });
});
