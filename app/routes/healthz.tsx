import { pingDatabase } from '../../db/repositories/health';
import { getDb } from '~/utils/db.server';

/** For load balancers and the test runner: the server is up and the database answers. */
export async function loader() {
  await pingDatabase(getDb());
  return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
}
