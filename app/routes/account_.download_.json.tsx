import type { LoaderFunctionArgs } from '@remix-run/node';
import { everythingAbout } from '~/domain/rights.server';
import { requirePermission } from '~/utils/session.server';

/** Everything held about the signed-in person, as a JSON file (the right to a copy in a machine-readable form). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:account:own');
  const everything = await everythingAbout(account.id);
  if (!everything) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(everything, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="document-data.json"',
      'Cache-Control': 'no-store',
    },
  });
}
