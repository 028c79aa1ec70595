import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const pressesToExit = 3;
const pressWindowMs = 5000;

/**
 * Exit this page (the GOV.UK pattern). Without JavaScript it is a plain link to a neutral site.
 * With JavaScript, it replaces this page in the history (so Back does not return here), covers
 * the page at once while the neutral site loads, and also works by pressing Shift 3 times.
 * It cannot erase browsing history; the Staying safe online page says so.
 */
export function ExitThisPage({ href }: { href: string }) {
  const { t } = useTranslation();
  const [presses, setPresses] = useState(0);
  const [leaving, setLeaving] = useState(false);
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const count = useRef(0);

  useEffect(() => {
    function exit() {
      setLeaving(true);
      window.location.replace(href);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Shift' || event.repeat) return;
      clearTimeout(timer.current);
      // The count lives in a ref so that leaving happens once, outside any state updater
      // (React may run updaters twice).
      const next = count.current + 1;
      if (next >= pressesToExit) {
        count.current = 0;
        setPresses(0);
        exit();
        return;
      }
      count.current = next;
      setPresses(next);
      setMessage(t('common:exit.pressesLeft', { count: pressesToExit - next }));
      timer.current = setTimeout(() => {
        count.current = 0;
        setPresses(0);
        setMessage(t('common:exit.timedOut'));
      }, pressWindowMs);
    }
    // Coming Back from the neutral site can restore this page from the cache, overlay and all.
    function onPageShow(event: PageTransitionEvent) {
      if (event.persisted) setLeaving(false);
    }
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pageshow', onPageShow);
      clearTimeout(timer.current);
    };
  }, [href, t]);

  return (
    <div className="exit-this-page" data-exit-this-page>
      <a
        href={href}
        rel="nofollow noreferrer"
        className="button button--warning exit-this-page__button"
        draggable={false}
        onClick={(event) => {
          event.preventDefault();
          setLeaving(true);
          window.location.replace(href);
        }}
      >
        <span className="visually-hidden">{t('common:exit.emergency')} </span>
        {t('common:exit.button')}
      </a>
      <div className="exit-this-page__indicator" data-presses={presses} aria-hidden="true">
        {Array.from({ length: pressesToExit }, (_, i) => (
          <span key={i} className={i < presses ? 'exit-this-page__light exit-this-page__light--on' : 'exit-this-page__light'} />
        ))}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {message}
      </div>
      {leaving ? (
        <div className="exit-this-page__overlay" role="alert">
          {t('common:exit.loading')}
        </div>
      ) : null}
    </div>
  );
}
