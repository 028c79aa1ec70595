import type { ActionFunctionArgs } from '@remix-run/node';
import { getSignedIn, secondsLeftOf } from '~/utils/session.server';

/**
 * "Stay signed in": any signed-in request moves the idle expiry on; this one does only that, and
 * says how long the session now has (less than the idle timeout near its absolute end).
 */
export async function action({ request }: ActionFunctionArgs) {
  const signedIn = await getSignedIn(request);
  return signedIn ? Response.json({ ok: true, secondsLeft: secondsLeftOf(signedIn) }) : Response.json({ ok: false }, { status: 401 });
}
