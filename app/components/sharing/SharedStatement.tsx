import { useTranslation } from 'react-i18next';
import type { Answer, Answers } from '~/domain/statement/answers';
import { statement } from '~/domain/statement/definition';
import { AnswerSummary } from '../statement/AnswerSummary';

/** Who wrote an answer and in which language, said in the reader's language. */
function Authorship({ answer }: { answer: Answer | undefined }) {
  const { t, i18n } = useTranslation('casework');
  if (!answer || answer.status !== 'answered' || (!answer.text && !answer.reason)) return null;
  const language = new Intl.DisplayNames([i18n.language], { type: 'language' }).of(answer.language) ?? answer.language;
  return <p className="hint">{t(`statement.author.${answer.by}`, { language })}</p>;
}

/** The safe-contact rules, shown first and boxed, so no one contacts the person in a way that puts them at risk. */
export function ContactRules({ safeWays, never, shared }: { safeWays: Answer | null; never: Answer | null; shared: boolean }) {
  const { t } = useTranslation(['casework', 'statement']);
  const contact = statement.find((s) => s.id === 'contact')!;
  return (
    <section className="contact-rules" aria-labelledby="contact-rules">
      <h2 id="contact-rules">{t('casework:statement.contactHeading')}</h2>
      {shared ? (
        contact.questions.map((question) => (
          <div key={question.id}>
            <h3>{t(`statement:questions.${question.id}.title`)}</h3>
            <AnswerSummary
              question={question}
              answer={(question.id === 'safeWays' ? safeWays : never) ?? undefined}
              sectionId={contact.id}
              reader="worker"
            />
            <Authorship answer={(question.id === 'safeWays' ? safeWays : never) ?? undefined} />
          </div>
        ))
      ) : (
        <p>{t('casework:statement.contactNotShared')}</p>
      )}
    </section>
  );
}

/** The sections a person shared, with coded answers in the reader's language and own words as written. */
export function SharedStatement({ answers, sections }: { answers: Answers; sections: string[] }) {
  const { t } = useTranslation(['casework', 'statement']);
  return (
    <>
      {statement
        .filter((section) => sections.includes(section.id))
        .map((section) => (
          <section key={section.id} className="version-section" aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{t(`statement:sections.${section.id}.title`)}</h2>
            {section.questions.map((question) => (
              <div key={question.id} className="version-question">
                <h3>
                  {t(
                    question.kind === 'sort'
                      ? `statement:questions.${question.id}.resultTitle`
                      : `statement:questions.${question.id}.title`,
                  )}
                </h3>
                <AnswerSummary question={question} answer={answers[question.id]} sectionId={section.id} reader="worker" />
                <Authorship answer={answers[question.id]} />
              </div>
            ))}
          </section>
        ))}
    </>
  );
}
