/**
 * The delivery part of `npm run bench` (also `tsx tests/bench/delivery.ts` on its own): queues
 * 1,000 events on a temporary database (250 shares, each made, given two new versions and
 * withdrawn), drains them to the reference receiver on this machine, and prints how fast, with
 * a count of events lost and doubled. It prints figures; it is not a test.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutboxEventType, Share } from '../../db/schema';

const shares = Number(process.env.BENCH_DELIVERY_SHARES ?? 250);
const types: OutboxEventType[] = ['share.created', 'share.version-added', 'share.version-added', 'consent.withdrawn'];

export async function benchDelivery(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imw-bench-delivery-'));
  const saved = { SQLITE_FILE: process.env.SQLITE_FILE, DATA_DIR: process.env.DATA_DIR, DELIVERY_COPY: process.env.DELIVERY_COPY };
  process.env.SQLITE_FILE = path.join(dir, 'bench.sqlite');
  process.env.DATA_DIR = dir;
  // The HTML copy: the PDF would measure Chromium, not delivery.
  process.env.DELIVERY_COPY = 'html';

  // Loaded after the environment names the temporary database.
  const { getDb } = await import('~/utils/db.server');
  const { migrateToLatest } = await import('~/utils/migrate.server');
  const { seal } = await import('~/domain/sealed.server');
  const { enqueueEvent } = await import('~/delivery/outbox.server');
  const { deliverDue } = await import('~/delivery/deliver.server');
  const { startReceiver } = await import('~/delivery/receiver.server');
  const { newSigningSecret } = await import('~/delivery/sender.server');
  const { insertAccount } = await import('../../db/repositories/accounts');
  const { insertOrganisation } = await import('../../db/repositories/organisations');
  const { insertConsentRecord, insertShare, insertShareVersion } = await import('../../db/repositories/sharing');
  const { countEventsByStatus, insertWebhookEndpoint } = await import('../../db/repositories/delivery');

  const db = getDb();
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const organisationId = randomUUID();
  const workerId = randomUUID();
  await insertOrganisation(db, { id: organisationId, name: 'Bench Council', created_at: now });
  await insertAccount(db, {
    id: workerId,
    role: 'worker',
    username: null,
    email: 'bench@council.example',
    display_name: 'Bench Worker',
    password_hash: null,
    organisation_id: organisationId,
    language: 'en',
    created_at: now,
  });
  const secret = newSigningSecret();
  const receiver = await startReceiver({ secrets: [secret] });
  const endpointId = randomUUID();
  await insertWebhookEndpoint(db, {
    id: endpointId,
    organisation_id: organisationId,
    url: receiver.url,
    secret: seal(secret, endpointId),
    previous_secret: null,
    previous_secret_expires_at: null,
    status: 'active',
    disabled_reason: null,
    created_at: now,
  });

  const answer = {
    status: 'answered',
    codes: ['feel-safe'],
    text: 'I want to stay in my flat',
    reason: '',
    mostImportant: [],
    ratings: {},
    language: 'en',
    by: 'self',
    at: now,
  };
  const queued = new Set<string>();
  const enqueueStarted = performance.now();
  for (let i = 0; i < shares; i++) {
    const share: Share = {
      id: randomUUID(),
      adult_id: null,
      worker_id: workerId,
      organisation_id: organisationId,
      sections: 'about-me,outcomes',
      include_team: 0,
      include_new_versions: 1,
      until: null,
      purpose: 'safeguarding-support',
      status: 'active',
      created_at: now,
      ended_at: null,
      urgent_at: null,
    };
    for (const [index, type] of types.entries()) {
      // Each event in its own transaction with what it describes, as the portal writes them.
      const id = await db.transaction().execute(async (trx) => {
        if (index === 0) {
          await insertShare(trx, share);
          await insertConsentRecord(trx, {
            id: randomUUID(),
            share_id: share.id,
            action: 'given',
            sections: share.sections,
            include_team: 0,
            include_new_versions: 1,
            until: null,
            purpose: share.purpose,
            at: now,
          });
        }
        if (type === 'share.version-added' || index === 0) {
          const snapshot = {
            number: index + 1,
            language: 'en',
            confirmedAt: now,
            answers: { name: { ...answer, codes: [], text: `Person ${i}` }, outcomes: answer },
          };
          await insertShareVersion(trx, {
            id: randomUUID(),
            share_id: share.id,
            version_number: index + 1,
            snapshot: seal(JSON.stringify(snapshot), share.id),
            created_at: now,
          });
        }
        return enqueueEvent(trx, share, type);
      });
      queued.add(id);
    }
  }
  const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;

  const drainStarted = performance.now();
  let rounds = 0;
  for (;;) {
    rounds += 1;
    const { sent, failed } = await deliverDue({ limit: 500 });
    if (sent === 0 && failed === 0) break;
  }
  const drainSeconds = (performance.now() - drainStarted) / 1000;

  const counts = await countEventsByStatus(db);
  const arrived = new Set(receiver.received.map((event) => event.id));
  const lost = [...queued].filter((id) => !arrived.has(id)).length;
  const doubled = receiver.received.length - arrived.size;
  const repeats = receiver.attempts.filter((a) => a.outcome === 'duplicate').length;
  await receiver.close();
  await db.destroy();
  const global = globalThis as { __db?: unknown; __raw?: unknown };
  delete global.__db;
  delete global.__raw;
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(
    `\nDelivery (${queued.size} events for ${shares} shares to the reference receiver on this machine, SQLite, ${os.cpus().length} cores)`,
  );
  console.table([
    {
      'queued (events/s)': Math.round(queued.size / enqueueSeconds),
      'drained (events/s)': Math.round(queued.size / drainSeconds),
      'drain s': drainSeconds.toFixed(2),
      rounds,
      delivered: counts.delivered ?? 0,
      'still pending': counts.pending ?? 0,
      dead: counts.dead ?? 0,
      'repeats dropped': repeats,
    },
  ]);
  console.log(`lost: ${lost}${doubled ? `, stored twice: ${doubled}` : ''}`);
  if (lost > 0 || doubled > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchDelivery().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
