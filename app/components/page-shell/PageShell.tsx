import { Link, useLocation } from '@remix-run/react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '~/domain/preferences';
import { languages } from '~/i18n/languages';
import { ExitThisPage } from '../exit-this-page/ExitThisPage';
import { ReadAloud } from '../read-aloud/ReadAloud';
import { SkipLink } from '../skip-link/SkipLink';
import { TimeoutWarning } from '../timeout-warning/TimeoutWarning';
import { RouteAnnouncer } from './RouteAnnouncer';

interface PageShellProps {
  children: ReactNode;
  exitUrl: string;
  lng: string;
  title: string;
  preferences?: Preferences;
  session?: { idleSeconds: number; warningSeconds: number; role: string } | null;
}

/**
 * The frame of every page: skip link, exit, header, main, footer. Accessibility that every page
 * needs lives here, so no page has to remember it.
 */
export function PageShell({ children, exitUrl, lng, title, preferences, session }: PageShellProps) {
  const { t } = useTranslation();
  const current = languages.find((l) => l.code === lng) ?? languages[0];
  const location = useLocation();
  // Marks the page as running its scripts (tests wait for it; styles may use it).
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  const here = location.pathname === '/language' ? '/' : `${location.pathname}${location.search}`;
  return (
    <>
      <SkipLink />
      <aside className="exit-bar" aria-label={t('common:exit.region')}>
        <div className="width-container exit-bar__inner">
          <ExitThisPage href={exitUrl} />
        </div>
      </aside>
      <header className="header">
        <div className="width-container header__inner">
          <Link to="/" className="header__brand">
            {t('common:brand')}
          </Link>
        </div>
        <nav className="header__nav" aria-label={t('common:nav.label')}>
          <ul className="width-container header__nav-list">
            <li>
              <Link to={`/language?returnTo=${encodeURIComponent(here)}`} className="header__nav-link">
                <span>{t('common:nav.language')}</span>
                <span className="visually-hidden">: </span>
                <span className="header__nav-current" lang={current.code}>
                  {current.nativeName}
                </span>
              </Link>
            </li>
            <li>
              {session?.role === 'worker' ? (
                <Link to="/worker" className="header__nav-link">
                  {t('common:nav.inbox')}
                </Link>
              ) : session?.role === 'admin' ? (
                <Link to="/admin" className="header__nav-link">
                  {t('common:nav.admin')}
                </Link>
              ) : session ? (
                <Link to="/statement" className="header__nav-link">
                  {t('common:nav.statement')}
                </Link>
              ) : (
                <Link to="/sign-in" className="header__nav-link">
                  {t('common:nav.signIn')}
                </Link>
              )}
            </li>
            <li>
              <Link to="/preferences" className="header__nav-link">
                {t('common:nav.preferences')}
              </Link>
            </li>
            <li>
              <Link to="/staying-safe" className="header__nav-link">
                {t('common:nav.safety')}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <div className="width-container">
        {preferences?.readAloud === 'off' || preferences?.dataSaver === 'on' ? null : <ReadAloud lng={lng} />}
        <main id="main-content" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <h2 className="visually-hidden">{t('common:footer.heading')}</h2>
          <ul className="footer__links">
            <li>
              <Link to="/staying-safe">{t('common:nav.safety')}</Link>
            </li>
            <li>
              <Link to="/glossary">{t('common:footer.glossary')}</Link>
            </li>
            <li>
              <Link to="/about-pictures">{t('common:footer.pictures')}</Link>
            </li>
          </ul>
          <p className="footer__emergency">{t('common:footer.emergency')}</p>
        </div>
      </footer>
      <RouteAnnouncer title={title} />
      {session ? <TimeoutWarning idleSeconds={session.idleSeconds} warningSeconds={session.warningSeconds} /> : null}
    </>
  );
}
