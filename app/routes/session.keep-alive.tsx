import type { ActionFunctionArgs } from '@remix-run/node';
import { getSignedIn } from '~/utils/session.server';

/** "Stay signed in": any signed-in request moves the idle expiry on; this one does only that. */
export async function action({ request }: ActionFunctionArgs) {
  const signedIn = await getSignedIn(request);
  return signedIn ? Response.json({ ok: true }) : Response.json({ ok: false }, { status: 401 });
}
