import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Picture } from '~/components/picture/Picture';
import { sortResult, type Answer } from '~/domain/statement/answers';
import type { Question } from '~/domain/statement/definition';

/** The picture sort as three lists (and what was skipped), each card with a change link. */
export function SortResult({
  question,
  answer,
  sectionId,
  changeLinks = true,
}: {
  question: Question;
  answer: Answer | null;
  sectionId: string;
  changeLinks?: boolean;
}) {
  const { t } = useTranslation('statement');
  const groups = sortResult(question, answer ?? undefined);
  const topic = (code: string) => question.topics?.find((x) => x.code === code);
  // On its own page the groups sit under the h1; in a summary they sit under the question's h3.
  const Heading = changeLinks ? 'h2' : 'h4';
  return (
    <div className="sort-result">
      {(['first', 'second', 'third', 'unsorted'] as const).map((group) => (
        <section key={group} className={`sort-result__group sort-result__group--${group}`} aria-labelledby={`sort-${group}`}>
          <Heading id={`sort-${group}`}>{t(`sort.groups.${group}`)}</Heading>
          {groups[group].length === 0 ? (
            <p>{t('sort.none')}</p>
          ) : (
            <ul className="sort-result__list" role="list">
              {groups[group].map((code) => (
                <li key={code} className="sort-result__card">
                  <Picture name={topic(code)!.picture} size="small" />
                  <span className="sort-result__label">{t(`topics.${code}`)}</span>
                  {changeLinks ? (
                    <Link to={`/statement/${sectionId}/${question.id}/${code}?returnTo=result`} className="sort-result__change">
                      {t('buttons.change')}
                      <span className="visually-hidden"> {t(`topics.${code}`)}</span>
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
