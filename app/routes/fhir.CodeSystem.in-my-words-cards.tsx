import { cardCodeSystem } from '~/delivery/fhir.server';

/**
 * The picture cards a person can choose, as a FHIR CodeSystem, so a receiving system can turn
 * each delivered code into its words. Public: it holds the portal's own words only.
 */
export function loader() {
  return Response.json(cardCodeSystem(), {
    headers: {
      'Content-Type': 'application/fhir+json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      // Read by other organisations' systems and tools, some of them in a browser.
      'Access-Control-Allow-Origin': '*',
    },
  });
}
