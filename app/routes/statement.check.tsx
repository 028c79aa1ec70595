import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AnswerSummary } from '~/components/statement/AnswerSummary';
import { questionOrder, questionPath } from '~/domain/statement/definition';
import { confirmVersion, loadDraft } from '~/domain/statement/store.server';
import { languageOf } from '~/i18n/i18next.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'statement:check.title', i18n: ['statement'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:statement:own');
  return { answers: await loadDraft(account.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:statement:own');
  const number = await confirmVersion(account.id, await languageOf(request));
  if (!number) return redirect('/statement');
  return redirect(`/statement/versions/${number}?confirmed=1`);
}

export default function CheckAnswers() {
  const { t } = useTranslation('statement');
  const { answers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('check.title')}</h1>
      <p className="lead">{t('check.intro')}</p>
      <dl className="summary-list">
        {questionOrder.map(({ section, question }) => (
          <div className="summary-list__row" key={question.id}>
            <dt className="summary-list__key">
              {t(question.kind === 'sort' ? `questions.${question.id}.resultTitle` : `questions.${question.id}.title`)}
            </dt>
            <dd className="summary-list__value">
              <AnswerSummary question={question} answer={answers[question.id]} sectionId={section.id} />
            </dd>
            <dd className="summary-list__actions">
              <Link to={`${questionPath(section.id, question.id)}${question.kind === 'sort' ? '' : '?returnTo=/statement/check'}`}>
                {t('buttons.change')}
                <span className="visually-hidden">
                  {' '}
                  {t(question.kind === 'sort' ? `questions.${question.id}.resultTitle` : `questions.${question.id}.title`)}
                </span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t('check.confirmHeading')}</h2>
      <p>{t('check.confirmBody')}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t('check.confirm')}
        </button>
      </Form>
    </>
  );
}
