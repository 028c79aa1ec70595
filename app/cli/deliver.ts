/**
 * `npm run deliver`: sends queued events to organisations' case-management systems until stopped
 * (SIGTERM or Ctrl+C), beside or instead of the loop inside the server. Two senders never send the
 * same event at once (each event is leased), so running both is safe.
 *
 * `npm run deliver -- --once` sends what is due now, then exits.
 */
import { deliverDue, startDeliveryLoop } from '../delivery/deliver.server';
import { closePdfBrowser } from '../delivery/printable-copy.server';
import { getDb } from '../utils/db.server';
import { migrateToLatest } from '../utils/migrate.server';
import { stopOnSignals } from '../utils/shutdown.server';

async function drainOnce(): Promise<void> {
  const total = { sent: 0, failed: 0 };
  // Each round may make the next event of a share due, so rounds go on until one does nothing.
  for (;;) {
    const { sent, failed } = await deliverDue();
    total.sent += sent;
    total.failed += failed;
    if (sent === 0) break;
  }
  console.log(`Delivered ${total.sent}; ${total.failed} attempts failed and will be tried again later.`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--once');
  if (unknown.length > 0) {
    console.error(`Unknown option: ${unknown.join(' ')}\nUsage: npm run deliver [-- --once]`);
    process.exitCode = 2;
    return;
  }
  const db = getDb();
  await migrateToLatest(db);
  if (args.includes('--once')) {
    await drainOnce();
    await closePdfBrowser();
    await db.destroy();
    return;
  }
  const stop = startDeliveryLoop();
  console.log('Delivering events; stop with Ctrl+C.');
  // The round in progress finishes (its event is sent or its lease runs out), then the PDF browser and the database close.
  stopOnSignals(async () => {
    await stop();
    await closePdfBrowser();
    await db.destroy();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
