// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxStatus } from '../../db/schema';
import { openDeliveryWorld, type DeliveryWorld } from '../../tests/fixtures/delivery';

let world: DeliveryWorld;

beforeAll(async () => {
  world = await openDeliveryWorld('outbox');
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function setStatus(eventId: string, status: OutboxStatus) {
  await world.db.getDb().updateTable('outbox_event').set({ status }).where('id', '=', eventId).execute();
}

async function count(table: 'share' | 'share_version' | 'outbox_event', shareId: string) {
  const column = table === 'share' ? 'id' : 'share_id';
  return (await world.db.getDb().selectFrom(table).select('id').where(column, '=', shareId).execute()).length;
}

describe('queuing an event', () => {
  it('writes the event in the same transaction as the share: both or neither', async () => {
    const failing = world.db
      .getDb()
      .transaction()
      .execute(async (trx) => {
        const { share } = await world.share({}, trx);
        await world.outbox.enqueueEvent(trx, share, 'share.created');
        expect(await world.delivery.listEventsOfShare(trx, share.id)).toHaveLength(1);
        throw new Error(`the share ${share.id} could not be finished`);
      });
    const error = await failing.catch((e: Error) => e);
    const failedShareId = /the share (\S+) could not/.exec(String(error))?.[1];
    expect(failedShareId).toBeDefined();
    expect(await count('share', failedShareId!)).toBe(0);
    expect(await count('share_version', failedShareId!)).toBe(0);
    expect(await count('outbox_event', failedShareId!)).toBe(0);

    const shareId = await world.db
      .getDb()
      .transaction()
      .execute(async (trx) => {
        const { share } = await world.share({}, trx);
        await world.outbox.enqueueEvent(trx, share, 'share.created');
        return share.id;
      });
    expect(await count('share', shareId)).toBe(1);
    const [event] = await world.events(shareId);
    expect(event).toMatchObject({
      type: 'share.created',
      status: 'pending',
      attempts: 0,
      sequence: 1,
      last_error: null,
      delivered_at: null,
    });
    expect(event!.id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(event!.next_attempt_at <= new Date().toISOString()).toBe(true);
  });

  it('numbers each share’s events in order and stores the Bundle encrypted', async () => {
    const { share } = await world.share({ answers: { name: world.answer({ text: 'Outbox Olwen' }) } });
    const other = await world.share();
    const first = await world.enqueue(share, 'share.created');
    await world.enqueue(other.share, 'share.created');
    const second = await world.enqueue(share, 'share.version-added');
    const third = await world.enqueue(share, 'consent.withdrawn');

    expect((await world.events(share.id)).map((e) => [e.id, e.sequence, e.type])).toEqual([
      [first, 1, 'share.created'],
      [second, 2, 'share.version-added'],
      [third, 3, 'consent.withdrawn'],
    ]);
    expect((await world.events(other.share.id)).map((e) => e.sequence)).toEqual([1]);

    const row = (await world.delivery.findOutboxEvent(world.db.getDb(), first))!;
    expect(row.payload).not.toContain('Outbox Olwen');
    const bundle = world.outbox.eventBundle(row)!;
    expect(bundle.identifier?.value).toBe(first);
    expect(world.fhir.eventTypeOf(bundle)).toBe('share.created');
    expect(JSON.stringify(bundle)).toContain('Outbox Olwen');
    // Sealed for this event only: the payload copied to another event does not open.
    expect(() => world.outbox.eventBody({ id: second, payload: row.payload })).toThrow();
  });
});

describe('the delivery log, retrying and the person’s delivery status', () => {
  it('lists an organisation’s events newest first, without payloads', async () => {
    const { share, organisationId } = await world.share();
    const elsewhere = await world.share();
    const first = await world.enqueue(share, 'share.created');
    await world.enqueue(elsewhere.share, 'share.created');
    const second = await world.enqueue(share, 'consent.withdrawn');

    const log = await world.outbox.deliveryLog(organisationId);
    expect(log.map((e) => e.id)).toEqual([second, first]);
    expect(log[0]).toMatchObject({ type: 'consent.withdrawn', status: 'pending', attempts: 0, last_error: null, delivered_at: null });
    expect(log[0]).not.toHaveProperty('payload');
    expect(await world.outbox.deliveryLog(organisationId, 1)).toHaveLength(1);
  });

  it('sends a dead event again only for its own organisation, and never out of order', async () => {
    const { share, organisationId } = await world.share();
    const first = await world.enqueue(share, 'share.created');
    const second = await world.enqueue(share, 'consent.withdrawn');
    await world.db
      .getDb()
      .updateTable('outbox_event')
      .set({ status: 'dead', attempts: 12, last_error: 'gone' })
      .where('id', '=', first)
      .execute();

    expect(await world.outbox.retryEvent(await world.organisation(), first)).toBe(false);
    expect(await world.outbox.retryEvent(organisationId, 'msg_nosuchevent')).toBe(false);
    expect(await world.outbox.retryEvent(organisationId, first)).toBe(true);
    const [revived] = await world.events(share.id);
    expect(revived).toMatchObject({ status: 'pending', attempts: 0 });

    // Once the later withdrawal has been delivered, the share can no longer be sent: it would arrive after it.
    await setStatus(first, 'dead');
    await setStatus(second, 'delivered');
    expect(await world.outbox.retryEvent(organisationId, first)).toBe(false);
    expect(await world.outbox.retryEvent(organisationId, second)).toBe(false);
  });

  it('tells the person whether the newest event reached their worker’s system', async () => {
    const { share } = await world.share();
    expect(await world.outbox.deliveryStatusForShare(share.id)).toBe('none');
    const first = await world.enqueue(share, 'share.created');
    expect(await world.outbox.deliveryStatusForShare(share.id)).toBe('pending');
    await setStatus(first, 'delivered');
    expect(await world.outbox.deliveryStatusForShare(share.id)).toBe('delivered');
    const second = await world.enqueue(share, 'share.version-added');
    await setStatus(second, 'dead');
    expect(await world.outbox.deliveryStatusForShare(share.id)).toBe('failed');
  });
});

describe('deleting an account', () => {
  it('removes the person’s words from the outbox but keeps the withdrawal', async () => {
    const { share } = await world.share({ answers: { name: world.answer({ text: 'Purged Penelope' }) } });
    const kept = await world.share();
    const delivered = await world.enqueue(share, 'share.created');
    await setStatus(delivered, 'delivered');
    await world.enqueue(share, 'share.version-added');
    const withdrawal = await world.enqueue(share, 'consent.withdrawn');
    const untouched = await world.enqueue(kept.share, 'share.created');

    await world.db
      .getDb()
      .transaction()
      .execute((trx) => world.outbox.purgeContentOfShares(trx, [share.id]));

    const events = await world.events(share.id);
    expect(events.map((e) => [e.id, e.type, e.status])).toEqual([
      [delivered, 'share.created', 'delivered'],
      [withdrawal, 'consent.withdrawn', 'pending'],
    ]);
    const row = (id: string) => world.delivery.findOutboxEvent(world.db.getDb(), id);
    expect(world.outbox.eventBody((await row(delivered))!)).toBeNull();
    expect(world.outbox.eventBundle((await row(withdrawal))!)).not.toBeNull();
    expect(world.outbox.eventBundle((await row(untouched))!)).not.toBeNull();
    for (const event of [delivered, withdrawal]) expect(world.outbox.eventBody((await row(event))!) ?? '').not.toContain('Purged Penelope');
  });
});
