import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { questionPath, statement } from '~/domain/statement/definition';

/** "Step 3 of 8" and the list of parts to jump between (the current one marked for screen readers too). */
export function StatementNav({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation('statement');
  const index = statement.findIndex((s) => s.id === sectionId);
  return (
    <>
      <p className="step" data-read-aloud="skip">
        {t('step', { current: index + 1, total: statement.length })}
      </p>
      <details className="sections-nav">
        <summary>{t('sectionsNav.heading')}</summary>
        <nav aria-label={t('sectionsNav.heading')}>
          <ol>
            {statement.map((section) => (
              <li key={section.id}>
                <Link to={questionPath(section.id, section.questions[0]!.id)} aria-current={section.id === sectionId ? 'step' : undefined}>
                  {t(`sections.${section.id}.title`)}
                </Link>
              </li>
            ))}
            <li>
              <Link to="/statement/check">{t('check.title')}</Link>
            </li>
          </ol>
        </nav>
      </details>
    </>
  );
}
