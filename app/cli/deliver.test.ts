// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeliveryWorld, type DeliveryWorld } from '../../tests/fixtures/delivery';
import { startReceiver, type Receiver } from '~/delivery/receiver.server';
import { newSigningSecret } from '~/delivery/sender.server';

// `npm run deliver` as its own process, against a real database, killed the hard way part-way
// through sending and started again.
let world: DeliveryWorld;
const receivers: Receiver[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  world = await openDeliveryWorld('deliver-cli');
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(receivers.map((r) => r.close()));
  await world?.close();
});

/** Starts the command as an operator would (`tsx app/cli/deliver.ts`), in one process so SIGKILL reaches it. */
function deliverProcess(args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/deliver.ts', ...args], {
    env: {
      ...process.env,
      DELIVERY_POLL_MS: '100',
      // A short lease, so the restarted process may take the event soon after the first one died.
      DELIVERY_LEASE_SECONDS: '4',
      DELIVERY_TIMEOUT_SECONDS: '3',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function queued(receiver: Receiver, secret: string) {
  const made = await world.share();
  await world.endpoint(made.organisationId, receiver.url, { secret });
  return world.enqueue(made.share, 'share.created');
}

describe('npm run deliver', () => {
  it('loses nothing when killed mid-send: after a restart each event arrives, and a repeat carries the same webhook-id', async () => {
    // One receiver keeps the event and then never answers (the sender dies before it hears "200"),
    // the other never answers before keeping it (the sender dies before it is sent at all).
    const [afterSecret, beforeSecret] = [newSigningSecret(), newSigningSecret()];
    const storedThenHeld = await startReceiver({ secrets: [afterSecret], hold: { first: 1, when: 'after-storing' } });
    const heldBeforeStoring = await startReceiver({ secrets: [beforeSecret], hold: { first: 1, when: 'before-storing' } });
    receivers.push(storedThenHeld, heldBeforeStoring);
    const first = await queued(storedThenHeld, afterSecret);
    const second = await queued(heldBeforeStoring, beforeSecret);

    const killed = deliverProcess();
    await until(() => storedThenHeld.attempts.length === 1 && heldBeforeStoring.attempts.length === 1, 'both requests to be under way');
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(killed.child.signalCode).toBe('SIGKILL');
    const status = async (id: string) => (await world.delivery.findOutboxEvent(world.db.getDb(), id))!.status;
    // Neither death recorded anything: both events are still waiting.
    expect([await status(first), await status(second)]).toEqual(['pending', 'pending']);

    const restarted = deliverProcess();
    await until(async () => (await status(first)) === 'delivered' && (await status(second)) === 'delivered', 'both events to be delivered');
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);

    expect(storedThenHeld.attempts.map((a) => [a.id, a.outcome])).toEqual([
      [first, 'held'],
      [first, 'duplicate'],
    ]);
    expect(storedThenHeld.received.map((e) => e.id)).toEqual([first]);
    expect(heldBeforeStoring.attempts.map((a) => [a.id, a.outcome])).toEqual([
      [second, 'held'],
      [second, 'stored'],
    ]);
    expect(heldBeforeStoring.received.map((e) => e.id)).toEqual([second]);
  }, 45_000);

  it('with --once, sends what is due and exits', async () => {
    const secret = newSigningSecret();
    const receiver = await startReceiver({ secrets: [secret] });
    receivers.push(receiver);
    const eventId = await queued(receiver, secret);
    const once = deliverProcess(['--once']);
    expect(await once.exited).toBe(0);
    expect(once.output()).toMatch(/Delivered [1-9]\d*;/);
    expect(receiver.received.map((e) => e.id)).toEqual([eventId]);
  }, 30_000);

  it('stops on SIGTERM, closing what it opened, and exits 0 within 10 seconds', async () => {
    const run = deliverProcess();
    await until(() => run.output().includes('Delivering events'), 'the sender to start');
    const signalled = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exited, run.output()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
  }, 60_000);
});
