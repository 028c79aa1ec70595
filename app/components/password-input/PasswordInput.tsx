import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../fieldset/ErrorMessage';
import { describedByIds } from '../fieldset/field-ids';

interface PasswordInputProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** `new-password` when choosing one, `current-password` when signing in (WCAG 3.3.8). */
  autoComplete: 'new-password' | 'current-password';
}

/**
 * A password field that password managers fill and people can paste into (WCAG 3.3.8), with a
 * "Show password" button once JavaScript runs (GOV.UK password input). The button says what it
 * will do; a polite message says what it did.
 */
export function PasswordInput({ id, name, label, hint, error, autoComplete }: PasswordInputProps) {
  const { t } = useTranslation();
  const [enhanced, setEnhanced] = useState(false);
  const [shown, setShown] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      <div className="password-input">
        <input
          id={id}
          name={name}
          type={shown ? 'text' : 'password'}
          className={error ? 'input input--error password-input__input' : 'input password-input__input'}
          autoComplete={autoComplete}
          spellCheck={false}
          autoCapitalize="none"
          aria-describedby={describedByIds(id, { hint, error })}
          aria-invalid={error ? true : undefined}
        />
        {enhanced ? (
          <button
            type="button"
            className="button button--secondary password-input__toggle"
            aria-controls={id}
            onClick={() => setShown((v) => !v)}
          >
            {shown ? t('common:password.hide') : t('common:password.show')}
          </button>
        ) : null}
      </div>
      <div className="visually-hidden" aria-live="polite">
        {enhanced ? (shown ? t('common:password.shownAnnouncement') : t('common:password.hiddenAnnouncement')) : ''}
      </div>
    </div>
  );
}
