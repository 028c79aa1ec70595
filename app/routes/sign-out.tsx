import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { safeReturnPath } from '~/utils/redirect.server';
import { clientAddress } from '~/utils/request.server';
import { endSession } from '~/utils/session.server';

/** Signing out ends the session on the server, not only in the browser. */
export async function action({ request, context }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const reason = url.searchParams.get('reason') === 'timeout' ? 'timeout' : 'signed-out';
  const returnTo = reason === 'timeout' ? safeReturnPath(url.searchParams.get('returnTo'), '') : '';
  const query = returnTo ? `reason=${reason}&returnTo=${encodeURIComponent(returnTo)}` : `reason=${reason}`;
  return redirect(`/signed-out?${query}`, { headers: { 'Set-Cookie': await endSession(request, clientAddress(context)) } });
}

export function loader() {
  return redirect('/');
}
