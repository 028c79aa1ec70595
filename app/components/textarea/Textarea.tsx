import { useEffect, useRef, useState, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../fieldset/ErrorMessage';
import { describedByIds } from '../fieldset/field-ids';

interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'maxLength'> {
  id: string;
  name: string;
  label: string;
  isPageHeading?: boolean;
  hint?: string;
  error?: string;
  /** The most characters the answer may have. Shown before it is reached, never enforced by cutting off typing. */
  maxLength: number;
}

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** Counts characters the way a person sees them, so an emoji or a Bengali conjunct is not counted twice. */
export function countCharacters(text: string): number {
  if (!graphemes) return Array.from(text).length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/**
 * A textarea with a character count (GOV.UK behaviour). The limit is stated in the page before
 * any script runs. With JavaScript the count updates as the person types; screen readers hear it
 * only after a pause, so it does not talk over their typing. Typing past the limit is allowed
 * (people paste, then trim); the form says how many to remove.
 */
export function Textarea({ id, name, label, isPageHeading, hint, error, maxLength, defaultValue, onChange, ...rest }: TextareaProps) {
  const { t } = useTranslation();
  const [length, setLength] = useState(countCharacters(String(defaultValue ?? '')));
  const [announced, setAnnounced] = useState('');
  const [enhanced, setEnhanced] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    setEnhanced(true);
    return () => clearTimeout(timer.current);
  }, []);

  const remaining = maxLength - length;
  const countText =
    remaining >= 0 ? t('common:characterCount.remaining', { count: remaining }) : t('common:characterCount.over', { count: -remaining });

  const labelElement = (
    <label htmlFor={id} className={isPageHeading ? 'label label--heading' : 'label'}>
      {label}
    </label>
  );
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      {isPageHeading ? <h1 className="label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      <textarea
        id={id}
        name={name}
        rows={5}
        className={error || remaining < 0 ? 'textarea textarea--error' : 'textarea'}
        aria-describedby={describedByIds(id, { hint, error, extra: `${id}-info` })}
        aria-invalid={error ? true : undefined}
        defaultValue={defaultValue}
        onChange={(event) => {
          const next = countCharacters(event.target.value);
          setLength(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            const left = maxLength - next;
            setAnnounced(
              left >= 0 ? t('common:characterCount.remaining', { count: left }) : t('common:characterCount.over', { count: -left }),
            );
          }, 1000);
          onChange?.(event);
        }}
        {...rest}
      />
      <p id={`${id}-info`} className={remaining < 0 ? 'character-count character-count--over' : 'character-count'}>
        {enhanced ? countText : t('common:characterCount.limit', { count: maxLength })}
      </p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </div>
    </div>
  );
}
