import type { ReactNode } from 'react';
import { Fieldset } from '../fieldset/Fieldset';
import { ErrorMessage } from '../fieldset/ErrorMessage';
import { describedByIds } from '../fieldset/field-ids';

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
  /** Extra content beside the words, such as a picture. */
  picture?: ReactNode;
}

export interface ChoiceGroupProps {
  /** The id of the first option: the error summary links here. */
  id: string;
  name: string;
  legend: string;
  isPageHeading?: boolean;
  hint?: string;
  error?: string;
  options: ChoiceOption[];
  small?: boolean;
}

interface ChoiceListProps extends ChoiceGroupProps {
  type: 'radio' | 'checkbox';
  isChecked: (value: string) => boolean;
}

/** Shared by radios and checkboxes: one fieldset, a legend, and a list of labelled controls. */
export function ChoiceList({ id, name, legend, isPageHeading, hint, error, options, type, isChecked, small }: ChoiceListProps) {
  const base = type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <Fieldset legend={legend} isPageHeading={isPageHeading} describedBy={describedByIds(id, { hint, error })}>
        {hint ? (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className={small ? `${base} ${base}--small` : base}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className={`${base}__item`} key={option.value}>
                <input
                  className={`${base}__input`}
                  id={optionId}
                  name={name}
                  type={type}
                  value={option.value}
                  defaultChecked={isChecked(option.value)}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                />
                <label className={`${base}__label`} htmlFor={optionId}>
                  {option.picture}
                  <span>{option.label}</span>
                </label>
                {option.hint ? (
                  <p className={`hint ${base}__hint`} id={`${optionId}-hint`}>
                    {option.hint}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

/** Choose one: a radio group in a fieldset whose legend can be the page's heading. */
export function Radios({ value, ...props }: ChoiceGroupProps & { value?: string }) {
  return <ChoiceList {...props} type="radio" isChecked={(v) => v === value} />;
}
