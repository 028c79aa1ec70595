import { useLocation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Sends what is typed in the page's answer fields to the draft, so a sign-out loses nothing. */
async function saveTypedWords() {
  const fields = document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
    'form.question textarea, form.question input[type="text"]',
  );
  const question = window.location.pathname.split('/')[3];
  await Promise.allSettled(
    [...fields]
      .filter((f) => f.value && (f.name === 'text' || f.name === 'reason'))
      .map((f) =>
        fetch('/statement/autosave', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ question, field: f.name, value: f.value }),
          keepalive: true,
        }),
      ),
  );
}

/**
 * Warns before signing out after inactivity (WCAG 2.2.1): a modal dialog, announced when it
 * opens, with one button to stay signed in. When time runs out it saves what the person typed,
 * then signs out on the server.
 */
export function TimeoutWarning({ idleSeconds, warningSeconds }: { idleSeconds: number; warningSeconds: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [secondsLeft, setSecondsLeft] = useState(warningSeconds);
  const [deadline, setDeadline] = useState(() => Date.now() + idleSeconds * 1000);

  useEffect(() => setDeadline(Date.now() + idleSeconds * 1000), [location.key, idleSeconds]);

  useEffect(() => {
    const tick = setInterval(async () => {
      const left = Math.round((deadline - Date.now()) / 1000);
      if (left <= warningSeconds && dialog.current && !dialog.current.open) dialog.current.showModal();
      setSecondsLeft(Math.max(0, left));
      if (left <= 0) {
        clearInterval(tick);
        await saveTypedWords();
        const form = document.createElement('form');
        form.method = 'post';
        // Signing in again comes back to this page.
        form.action = `/sign-out?reason=timeout&returnTo=${encodeURIComponent(window.location.pathname)}`;
        document.body.appendChild(form);
        form.submit();
      }
    }, 1000);
    return () => clearInterval(tick);
  }, [deadline, warningSeconds]);

  async function staySignedIn() {
    const response = await fetch('/session/keep-alive', { method: 'POST' }).catch(() => null);
    if (response?.ok) {
      // Near the session's absolute end the server gives less than the idle timeout.
      const body = (await response.json().catch(() => ({}))) as { secondsLeft?: unknown };
      const seconds = typeof body.secondsLeft === 'number' ? Math.min(body.secondsLeft, idleSeconds) : idleSeconds;
      setDeadline(Date.now() + seconds * 1000);
      dialog.current?.close();
    }
  }

  // Whole minutes, rounded up, so every language can say it with its own plural forms.
  const minutesLeft = Math.max(1, Math.ceil(secondsLeft / 60));
  return (
    <dialog
      ref={dialog}
      className="timeout-warning"
      aria-labelledby="timeout-title"
      aria-describedby="timeout-body"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="timeout-title">{t('common:timeout.title')}</h2>
      <p id="timeout-body">{t('common:timeout.body', { count: minutesLeft })}</p>
      <p>{t('common:timeout.saved')}</p>
      <button type="button" className="button" onClick={staySignedIn}>
        {t('common:timeout.stay')}
      </button>
    </dialog>
  );
}
