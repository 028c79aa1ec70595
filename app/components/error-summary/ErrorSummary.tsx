import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  /** The id of the field, so the summary can link straight to it. */
  fieldId: string;
  /** The message, already in the person's language. */
  message: string;
}

/** An action's errors (field → i18n key) as the summary's list, in the page's language. */
export function fieldErrors(errors: Record<string, string>, translate: (key: string) => string): FieldError[] {
  return Object.entries(errors).map(([fieldId, key]) => ({ fieldId, message: translate(key) }));
}

/**
 * The GOV.UK error summary: it takes focus when the page loads, so a screen reader reads it
 * first; the inner `role="alert"` makes the announcement reliable when it appears without a
 * page load; each message links to its field and moves focus there.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} data-error-summary aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="error-summary__title" id="error-summary-title">
          {t('common:errorSummary.title')}
        </h2>
        <ul className="error-summary__list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  const field = document.getElementById(error.fieldId);
                  if (!field) return;
                  event.preventDefault();
                  // Scroll to the question (legend or label), not just the input, as GOV.UK does.
                  const label =
                    field.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${error.fieldId}"]`);
                  (label ?? field).scrollIntoView();
                  field.focus({ preventScroll: true });
                }}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
