import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const debounceMs = 1500;

/**
 * With JavaScript, long answers save while the person types (after a pause), and the status is
 * announced politely. If the connection drops, the words stay in the field and the next pause
 * or "Save and continue" tries again: nothing typed is lost.
 */
export function useAutosave(questionId: string) {
  const { t } = useTranslation('statement');
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  function onTyping(field: 'text' | 'reason', value: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      try {
        const response = await fetch('/statement/autosave', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ question: questionId, field, value }),
        });
        setStatus(response.ok ? t('autosave.saved') : t('autosave.failed'));
      } catch {
        setStatus(t('autosave.failed'));
      }
    }, debounceMs);
  }

  const statusElement = (
    <p className="autosave-status" role="status" aria-live="polite" data-read-aloud="skip">
      {status}
    </p>
  );
  return { onTyping, statusElement };
}
