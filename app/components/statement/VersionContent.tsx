import { useTranslation } from 'react-i18next';
import type { Answers } from '~/domain/statement/answers';
import { statement } from '~/domain/statement/definition';
import { AnswerSummary } from './AnswerSummary';

/** The easy-read copy of one version: on screen, in print, and in the PDF. */
export function VersionContent({ number, date, answers }: { number: number; date: string; answers: Answers }) {
  const { t } = useTranslation('statement');
  return (
    <>
      <h1>{t('version.heading', { number })}</h1>
      <p className="lead">{t('version.date', { date })}</p>
      {statement.map((section) => (
        <section key={section.id} className="version-section" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{t(`sections.${section.id}.title`)}</h2>
          {section.questions.map((question) => (
            <div key={question.id} className="version-question">
              <h3>{t(question.kind === 'sort' ? `questions.${question.id}.resultTitle` : `questions.${question.id}.title`)}</h3>
              <AnswerSummary question={question} answer={answers[question.id]} sectionId={section.id} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
