import { useTranslation } from 'react-i18next';
import { Fieldset } from '~/components/fieldset/Fieldset';
import { Picture } from '~/components/picture/Picture';
import { PictureChoice } from '~/components/picture-choice/PictureChoice';
import { TextInput } from '~/components/text-input/TextInput';
import { Textarea } from '~/components/textarea/Textarea';
import type { Answer } from '~/domain/statement/answers';
import type { Question } from '~/domain/statement/definition';
import { useAutosave } from './Autosave';

interface QuestionFieldsProps {
  question: Question;
  answer: Answer | null;
  errors: Record<string, string>;
  /** What the person sent, when the page came back with errors: it goes back in the fields. */
  values?: { text?: string; reason?: string; codes?: string[]; mostImportant?: string[] } | Record<string, string | string[]>;
}

/** The fields of one question, by its kind: own words, picture cards, outcomes, or who-and-why. */
export function QuestionFields({ question, answer, errors, values }: QuestionFieldsProps) {
  const { t } = useTranslation('statement');
  const { onTyping, statusElement } = useAutosave(question.id);
  const v = (values ?? {}) as { text?: string; reason?: string; codes?: string[]; mostImportant?: string[] };
  const text = v.text ?? answer?.text ?? '';
  const reason = v.reason ?? answer?.reason ?? '';
  const codes = v.codes ?? answer?.codes ?? [];
  const most = v.mostImportant ?? answer?.mostImportant ?? [];
  const error = (field: string) => (errors[field] ? t(errors[field]!, { count: question.maxLength }) : undefined);
  const q = `questions.${question.id}`;

  if (question.kind === 'text' && question.maxLength <= 100) {
    return (
      <TextInput
        id="text"
        name="text"
        label={t(`${q}.title`)}
        isPageHeading
        hint={`${t(`${q}.hint`)} ${t('limit', { count: question.maxLength })}`}
        error={error('text')}
        defaultValue={text}
        autoComplete="off"
      />
    );
  }

  const ownWords = (id: 'text' | 'reason', label: string, isPageHeading = false, hint?: string) => (
    <Textarea
      id={id}
      name={id}
      label={label}
      isPageHeading={isPageHeading}
      hint={hint}
      error={error(id)}
      maxLength={question.maxLength}
      defaultValue={id === 'text' ? text : reason}
      onChange={(event) => onTyping(id, event.target.value)}
    />
  );

  if (question.kind === 'text') {
    return (
      <>
        {ownWords('text', t(`${q}.title`), true, t(`${q}.hint`))}
        {statusElement}
      </>
    );
  }

  if (question.kind === 'who-and-why') {
    return (
      <Fieldset legend={t(`${q}.title`)} isPageHeading>
        <p className="hint">{t(`${q}.hint`)}</p>
        {ownWords('text', t(`${q}.whoLabel`))}
        {ownWords('reason', t(`${q}.whyLabel`))}
        {statusElement}
      </Fieldset>
    );
  }

  return (
    <>
      <PictureChoice
        id="codes"
        name="codes"
        type="checkbox"
        legend={t(`${q}.title`)}
        isPageHeading
        hint={t(`${q}.hint`)}
        error={error('codes')}
        selected={codes}
        cards={(question.cards ?? []).map((card) => ({
          value: card.code,
          label: t(`cards.${question.id}.${card.code}`),
          picture: <Picture name={card.picture} />,
          extra:
            question.kind === 'outcomes' ? (
              <div className="checkboxes__item checkboxes--small">
                <input
                  className="checkboxes__input"
                  type="checkbox"
                  id={`most-${card.code}`}
                  name="mostImportant"
                  value={card.code}
                  defaultChecked={most.includes(card.code)}
                />
                <label className="checkboxes__label" htmlFor={`most-${card.code}`}>
                  {t('mostImportant.label')}
                  <span className="visually-hidden">: {t(`cards.${question.id}.${card.code}`)}</span>
                </label>
              </div>
            ) : undefined,
        }))}
      />
      {ownWords('text', t('ownWords.label'), false, t('ownWords.hint'))}
      {statusElement}
    </>
  );
}
