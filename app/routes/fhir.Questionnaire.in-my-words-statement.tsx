import { questionnaire } from '~/delivery/fhir.server';

/**
 * The statement's questions as a FHIR Questionnaire, at the stable address every delivered
 * QuestionnaireResponse names, so a receiving system can show each answer with its question.
 * Public: it holds the portal's questions only, never anybody's answers.
 */
export function loader() {
  return Response.json(questionnaire(), {
    headers: {
      'Content-Type': 'application/fhir+json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      // Read by other organisations' systems and tools, some of them in a browser.
      'Access-Control-Allow-Origin': '*',
    },
  });
}
