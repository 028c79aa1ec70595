import type { InputHTMLAttributes } from 'react';
import { ErrorMessage } from '../fieldset/ErrorMessage';
import { describedByIds } from '../fieldset/field-ids';

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  id: string;
  name: string;
  label: string;
  /** One question a page: the label holds the page's only `h1`. */
  isPageHeading?: boolean;
  hint?: string;
  error?: string;
}

/** A labelled text input with its hint and error message joined to it. */
export function TextInput({ id, name, label, isPageHeading, hint, error, className, ...input }: TextInputProps) {
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
      <input
        id={id}
        name={name}
        type="text"
        className={[error ? 'input input--error' : 'input', className].filter(Boolean).join(' ')}
        aria-describedby={describedByIds(id, { hint, error })}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}
