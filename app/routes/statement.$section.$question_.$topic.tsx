import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { Picture } from '~/components/picture/Picture';
import { PictureChoice } from '~/components/picture-choice/PictureChoice';
import { QuestionButtons } from '~/components/statement/QuestionButtons';
import { StatementNav } from '~/components/statement/StatementNav';
import { parseRating, type Intent } from '~/domain/statement/answers';
import { findQuestion, scales } from '~/domain/statement/definition';
import { loadDraft, saveAnswer } from '~/domain/statement/store.server';
import { languageOf } from '~/i18n/i18next.server';
import { requirePermission } from '~/utils/session.server';

export const handle = { i18n: ['statement'] };

function topicOr404(params: { section?: string; question?: string; topic?: string }) {
  const found = findQuestion(params.section ?? '', params.question ?? '');
  const index = found?.question.topics?.findIndex((t) => t.code === params.topic) ?? -1;
  if (!found || found.question.kind !== 'sort' || index < 0) throw data(null, { status: 404 });
  return { ...found, topic: found.question.topics![index]!, index };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:statement:own');
  const { section, question, topic, index } = topicOr404(params);
  const answer = (await loadDraft(account.id))[question.id];
  const returnTo = new URL(request.url).searchParams.get('returnTo') === 'result';
  return {
    sectionId: section.id,
    questionId: question.id,
    topicCode: topic.code,
    index,
    rating: answer?.ratings[topic.code] ?? null,
    returnTo,
    titleKey: `statement:topics.${topic.code}`,
  };
}

/** Reads the posted card into the picture sort's answer in this person's draft. */
async function readPosted(request: Request, params: { section?: string; question?: string; topic?: string }, accountId: string) {
  const { section, question, topic, index } = topicOr404(params);
  const form = await request.formData();
  const intent = (['save', 'skip', 'unknown'].includes(String(form.get('intent'))) ? form.get('intent') : 'save') as Intent;
  const previous = (await loadDraft(accountId))[question.id];
  const result = parseRating(question, topic.code, form, intent, previous, {
    language: await languageOf(request),
    by: 'self',
    now: new Date().toISOString(),
  });
  const following = question.topics![index + 1];
  const resultPage = `/statement/${section.id}/${question.id}`;
  const next = form.get('returnTo') === 'result' || !following ? resultPage : `${resultPage}/${following.code}`;
  return { question, result, next };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:statement:own', {
    // Signed out for inactivity with this card open: keep the choice.
    keepWords: async ({ id }) => {
      const { question, result } = await readPosted(request, params, id);
      if (result.ok) await saveAnswer(id, question.id, result.answer);
    },
  });
  const { question, result, next } = await readPosted(request, params, account.id);
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  await saveAnswer(account.id, question.id, result.answer);
  return redirect(next);
}

export default function SortCard() {
  const { t } = useTranslation('statement');
  const { sectionId, questionId, topicCode, index, rating, returnTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { question } = findQuestion(sectionId, questionId)!;
  const topic = question.topics!.find((x) => x.code === topicCode)!;
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      <StatementNav sectionId={sectionId} />
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <p className="step">{t('sort.cardCount', { current: index + 1, total: question.topics!.length })}</p>
      {/* A new card is a new form: without the key, React would keep the last card's choice. */}
      <Form method="post" noValidate className="question" key={topicCode}>
        {returnTo ? <input type="hidden" name="returnTo" value="result" /> : null}
        <div className="sort-card">
          <Picture name={topic.picture} size="large" />
          <PictureChoice
            id="rating"
            name="rating"
            type="radio"
            legend={t(`sort.question.${topic.scale}`, { topic: t(`topics.${topic.code}`) })}
            isPageHeading
            error={errors.rating ? t(errors.rating) : undefined}
            selected={rating ? [rating] : []}
            cards={scales[topic.scale].map((s) => ({ value: s.code, label: t(`scale.${s.code}`), picture: <Picture name={s.picture} /> }))}
          />
        </div>
        <QuestionButtons />
      </Form>
    </>
  );
}
