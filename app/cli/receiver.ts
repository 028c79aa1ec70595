/**
 * `npm run receiver`: the reference receiver, for trying the portal's webhooks and as the example
 * for integrators (app/delivery/receiver.server.ts). It verifies each signature, keeps each event
 * once, and shows what arrived at http://localhost:4000/.
 *
 *   RECEIVER_SECRET     the endpoint's signing secret (whsec_…); comma-separated during a rotation
 *   RECEIVER_PORT       the port (4000)
 *   RECEIVER_HOST       the address to listen on (127.0.0.1)
 *   RECEIVER_FILE       a JSON file that keeps what arrived across restarts (none)
 *   RECEIVER_FAIL_FIRST refuse the first n attempts of each event with 503, to watch retries (0)
 */
import { startReceiver } from '../delivery/receiver.server';

const secrets = (process.env.RECEIVER_SECRET ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
if (secrets.length === 0) {
  console.error('Set RECEIVER_SECRET to the signing secret the portal showed when the endpoint was registered (whsec_…).');
  process.exit(2);
}

const receiver = await startReceiver({
  secrets,
  port: Number(process.env.RECEIVER_PORT ?? 4000),
  host: process.env.RECEIVER_HOST ?? '127.0.0.1',
  file: process.env.RECEIVER_FILE || undefined,
  failFirst: Number(process.env.RECEIVER_FAIL_FIRST ?? 0),
  onAttempt: (attempt) => console.log(`${attempt.at}  ${attempt.outcome.padEnd(17)} ${attempt.id ?? '(no webhook-id)'}`),
});
console.log(`Reference receiver listening at ${receiver.url}/ (POST events to any path; GET / shows them).`);

const shutDown = () => void receiver.close().then(() => process.exit(0));
process.once('SIGTERM', shutDown);
process.once('SIGINT', shutDown);
