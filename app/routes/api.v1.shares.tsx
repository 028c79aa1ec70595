import type { LoaderFunctionArgs } from '@remix-run/node';
import { apiError, listSharesForSystem, unauthorised } from '~/delivery/pull.server';
import { organisationForBearer } from '~/delivery/tokens.server';

/**
 * GET /api/v1/shares: a page of the token's organisation's shares (status and dates, never
 * content), oldest first, with a cursor for the next page. See docs/integration.md.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const organisationId = await organisationForBearer(request);
  if (!organisationId) return unauthorised(request);
  const params = new URL(request.url).searchParams;
  const page = await listSharesForSystem(organisationId, { cursor: params.get('cursor'), limit: params.get('limit') });
  if (!page.ok) return apiError(400, page.problem === 'cursor' ? 'invalid_cursor' : 'invalid_limit');
  return Response.json({ items: page.items, nextCursor: page.nextCursor }, { headers: { 'Cache-Control': 'no-store' } });
}
