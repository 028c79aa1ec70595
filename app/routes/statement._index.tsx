import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Picture } from '~/components/picture/Picture';
import { questionPath, statement } from '~/domain/statement/definition';
import { loadDraft, versionsOf } from '~/domain/statement/store.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'statement:title', i18n: ['statement', 'sharing'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:statement:own');
  const answers = await loadDraft(account.id);
  const versions = await versionsOf(account.id);
  const done = Object.fromEntries(statement.map((s) => [s.id, s.questions.every((q) => answers[q.id])]));
  return { username: account.username, done, started: Object.keys(answers).length > 0, latestVersion: versions[0]?.number ?? null };
}

export default function StatementHome() {
  const { t } = useTranslation(['statement', 'sharing']);
  const { username, done, started, latestVersion } = useLoaderData<typeof loader>();
  const first = statement[0]!;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('home.signedInAs', { username })}</p>
      <p>{t('home.intro')}</p>
      <p>{t('home.noRush')}</p>
      <Link to={questionPath(first.id, first.questions[0]!.id)} className="button">
        {started ? t('home.continue') : t('home.start')}
      </Link>
      <h2>{t('sectionsNav.heading')}</h2>
      <ol className="task-list">
        {statement.map((section, index) => (
          <li key={section.id} className="task-list__item">
            <Picture name={section.picture} size="small" />
            <Link to={questionPath(section.id, section.questions[0]!.id)}>
              {t('step', { current: index + 1, total: statement.length })}: {t(`sections.${section.id}.title`)}
            </Link>
            <strong className="tag">{done[section.id] ? t('home.done') : t('home.notDone')}</strong>
          </li>
        ))}
      </ol>
      <p>
        <Link to="/statement/check">{t('check.title')}</Link>
      </p>
      {latestVersion ? (
        <p>
          <Link to="/statement/history">{t('history.title')}</Link>
        </p>
      ) : null}
      <h2>{t('sharing:home.heading')}</h2>
      <ul className="link-list">
        <li>
          <Link to="/connect">{t('sharing:home.connect')}</Link>
        </li>
        <li>
          <Link to="/sharing">{t('sharing:home.whoCanSee')}</Link>
        </li>
      </ul>
      <Form method="post" action="/not-safe">
        <button type="submit" className="button button--warning">
          {t('sharing:notSafe.button')}
        </button>
      </Form>
      <p>
        <Link to="/account">{t('home.account')}</Link>
      </p>
      <Form method="post" action="/sign-out">
        <button type="submit" className="button button--secondary">
          {t('home.signOut')}
        </button>
      </Form>
    </>
  );
}
