import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { endSession } from '~/utils/session.server';

/** Signing out ends the session on the server, not only in the browser. */
export async function action({ request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const reason = url.searchParams.get('reason') === 'timeout' ? 'timeout' : 'signed-out';
  return redirect(`/signed-out?reason=${reason}`, { headers: { 'Set-Cookie': await endSession(request) } });
}

export function loader() {
  return redirect('/');
}
