import { useTranslation } from 'react-i18next';
import type { Answer } from '~/domain/statement/answers';
import type { Question } from '~/domain/statement/definition';
import { SortResult } from './SortResult';

/**
 * One answer as the person gave it: coded cards in the reader's language, own words exactly as
 * written and marked with the language they were written in.
 */
export function AnswerSummary({
  question,
  answer,
  sectionId,
  reader = 'person',
}: {
  question: Question;
  answer: Answer | undefined;
  sectionId: string;
  /** Who reads it: the person ("You skipped this") or their worker ("The person skipped this"). */
  reader?: 'person' | 'worker';
}) {
  const { t } = useTranslation(['statement', 'casework']);
  const status = (key: 'notAnswered' | 'skipped' | 'unknown') =>
    t(reader === 'worker' ? `casework:statement.status.${key}` : `statement:status.${key}`);
  if (!answer) return <p className="answer__status">{status('notAnswered')}</p>;
  if (answer.status === 'skipped') return <p className="answer__status">{status('skipped')}</p>;
  if (answer.status === 'unknown') return <p className="answer__status">{status('unknown')}</p>;
  if (question.kind === 'sort') return <SortResult question={question} answer={answer} sectionId={sectionId} changeLinks={false} />;
  return (
    <div className="answer">
      {answer.codes.length > 0 ? (
        <ul className="answer__cards">
          {answer.codes.map((code) => (
            <li key={code}>
              {t(`cards.${question.id}.${code}`)}
              {answer.mostImportant.includes(code) ? <strong className="tag">{t('mostImportant.tag')}</strong> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {answer.text ? (
        <blockquote className="answer__words" lang={answer.language}>
          {question.kind === 'who-and-why' ? <span className="answer__label">{t(`questions.${question.id}.whoLabel`)} </span> : null}
          {answer.text}
        </blockquote>
      ) : null}
      {answer.reason ? (
        <blockquote className="answer__words" lang={answer.language}>
          <span className="answer__label">{t(`questions.${question.id}.whyLabel`)} </span>
          {answer.reason}
        </blockquote>
      ) : null}
    </div>
  );
}
