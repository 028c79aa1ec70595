import type { LoaderFunctionArgs } from '@remix-run/node';
import { apiError, shareBundleForSystem, unauthorised } from '~/delivery/pull.server';
import { organisationForBearer } from '~/delivery/tokens.server';

/**
 * GET /api/v1/shares/:id: one of the token's organisation's shares as a FHIR Bundle. While
 * consent covers it, its content; once withdrawn or expired, only that. Another organisation's
 * share is "not found", the same as no share at all.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisationId = await organisationForBearer(request);
  if (!organisationId) return unauthorised(request);
  const bundle = await shareBundleForSystem(organisationId, params.id ?? '');
  if (!bundle) return apiError(404, 'not_found');
  return Response.json(bundle, { headers: { 'Content-Type': 'application/fhir+json; charset=utf-8', 'Cache-Control': 'no-store' } });
}
