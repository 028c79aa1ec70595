import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { Picture } from '~/components/picture/Picture';
import { QuestionFields } from '~/components/statement/QuestionFields';
import { QuestionButtons } from '~/components/statement/QuestionButtons';
import { SortResult } from '~/components/statement/SortResult';
import { StatementNav } from '~/components/statement/StatementNav';
import { emptyAnswer, parseAnswer, type Answer, type AnswerStatus, type Intent } from '~/domain/statement/answers';
import { findQuestion, nextPath } from '~/domain/statement/definition';
import { loadDraft, saveAnswer } from '~/domain/statement/store.server';
import { languageOf } from '~/i18n/i18next.server';
import { requirePermission } from '~/utils/session.server';

export const handle = { i18n: ['statement'] };

function questionOr404(params: { section?: string; question?: string }) {
  const found = findQuestion(params.section ?? '', params.question ?? '');
  if (!found) throw data(null, { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:statement:own');
  const { section, question } = questionOr404(params);
  const answers = await loadDraft(account.id);
  const returnTo = new URL(request.url).searchParams.get('returnTo') === '/statement/check' ? '/statement/check' : null;
  const titleKey = question.kind === 'sort' ? `statement:questions.${question.id}.resultTitle` : `statement:questions.${question.id}.title`;
  return { sectionId: section.id, questionId: question.id, answer: answers[question.id] ?? null, titleKey, returnTo };
}

/** Reads the posted page into an answer for this person's draft. */
async function readPosted(request: Request, params: { section?: string; question?: string }, accountId: string) {
  const { section, question } = questionOr404(params);
  const form = await request.formData();
  const intent = (['save', 'skip', 'unknown'].includes(String(form.get('intent'))) ? form.get('intent') : 'save') as Intent;
  const previous = (await loadDraft(accountId))[question.id];
  const context = { language: await languageOf(request), by: 'self' as const, now: new Date().toISOString() };
  const returnTo = form.get('returnTo') === '/statement/check' ? '/statement/check' : nextPath(section.id, question.id);
  // The picture sort's own page only moves on: each card was saved on its own page.
  if (question.kind === 'sort') {
    const status: AnswerStatus = intent === 'skip' ? 'skipped' : 'unknown';
    const answer: Answer | null = intent === 'save' ? null : { ...(previous ?? emptyAnswer(context)), status, at: context.now };
    return { question, result: { ok: true as const, answer }, next: nextPath(section.id, question.id) };
  }
  return { question, result: parseAnswer(question, form, intent, previous, context), next: returnTo };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:statement:own', {
    // Signed out for inactivity with this page open: keep what they wrote, even if it needs putting right.
    keepWords: async ({ id }) => {
      const { question, result } = await readPosted(request, params, id);
      const answer = result.ok ? result.answer : result.draft;
      if (answer) await saveAnswer(id, question.id, answer);
    },
  });
  const { question, result, next } = await readPosted(request, params, account.id);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  if (result.answer) await saveAnswer(account.id, question.id, result.answer);
  return redirect(next);
}

export default function QuestionPage() {
  const { t } = useTranslation('statement');
  const { sectionId, questionId, answer, returnTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { question } = findQuestion(sectionId, questionId)!;
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      <StatementNav sectionId={sectionId} />
      <ErrorSummary errors={fieldErrors(errors, (key) => t(key, { count: question.maxLength }))} />
      {/* A new question is a new form: without the key, React would keep the last page's ticks and words. */}
      <Form method="post" noValidate className="question" key={questionId}>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <div className="easy-read">
          <Picture name={question.picture} size="large" />
          <div className="easy-read__words">
            {question.kind === 'sort' ? (
              <>
                <h1>{t(`questions.${questionId}.resultTitle`)}</h1>
                <SortResult question={question} answer={answer} sectionId={sectionId} />
              </>
            ) : (
              <QuestionFields question={question} answer={answer} errors={errors} values={failure?.values} />
            )}
          </div>
        </div>
        <QuestionButtons />
      </Form>
    </>
  );
}
