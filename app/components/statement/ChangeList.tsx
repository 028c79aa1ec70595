import { useTranslation } from 'react-i18next';
import type { Change } from '~/domain/statement/diff';
import { questionOrder } from '~/domain/statement/definition';

function titleKey(questionId: string) {
  const q = questionOrder.find((x) => x.question.id === questionId)?.question;
  return q?.kind === 'sort' ? `questions.${questionId}.resultTitle` : `questions.${questionId}.title`;
}

/** What changed between two versions, question by question, in easy read. */
export function ChangeList({ changes }: { changes: Change[] }) {
  const { t } = useTranslation('statement');
  if (changes.length === 0) return <p>{t('history.noChanges')}</p>;
  const byQuestion = new Map<string, Change[]>();
  for (const change of changes) byQuestion.set(change.question, [...(byQuestion.get(change.question) ?? []), change]);
  const rating = (value: string | null) =>
    value === null
      ? t('history.rating.none')
      : value === 'skipped' || value === 'unknown'
        ? t(`history.rating.${value}`)
        : t(`scale.${value}`);
  return (
    <div className="changes">
      {[...byQuestion.entries()].map(([questionId, list]) => (
        <section key={questionId} className="changes__question" aria-labelledby={`change-${questionId}`}>
          <h3 id={`change-${questionId}`}>{t(titleKey(questionId))}</h3>
          <ul>
            {list.map((change, i) => (
              <li key={i}>
                {change.kind === 'added' ? t('history.added', { card: t(`cards.${questionId}.${change.code}`) }) : null}
                {change.kind === 'removed' ? t('history.removed', { card: t(`cards.${questionId}.${change.code}`) }) : null}
                {change.kind === 'most-important-added' ? t('history.mostAdded', { card: t(`cards.${questionId}.${change.code}`) }) : null}
                {change.kind === 'most-important-removed'
                  ? t('history.mostRemoved', { card: t(`cards.${questionId}.${change.code}`) })
                  : null}
                {change.kind === 'status'
                  ? t('history.status', {
                      before: t(`history.state.${change.before ?? 'none'}`),
                      after: t(`history.state.${change.after ?? 'none'}`),
                    })
                  : null}
                {change.kind === 'rating'
                  ? t('history.ratingChanged', {
                      topic: t(`topics.${change.topic}`),
                      before: rating(change.before),
                      after: rating(change.after),
                    })
                  : null}
                {change.kind === 'words' ? (
                  <>
                    {t('history.wordsChanged')}
                    <dl className="changes__words">
                      <dt>{t('history.before')}</dt>
                      <dd>{change.before || t('history.empty')}</dd>
                      <dt>{t('history.after')}</dt>
                      <dd>{change.after || t('history.empty')}</dd>
                    </dl>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
