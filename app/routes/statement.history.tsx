import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ChangeList } from '~/components/statement/ChangeList';
import { diffAnswers } from '~/domain/statement/diff';
import { versionOf, versionsOf } from '~/domain/statement/store.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'statement:history.title', i18n: ['statement'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:statement:own');
  const lng = await languageOf(request);
  const versions = await versionsOf(account.id);
  const url = new URL(request.url);
  const latest = versions[0]?.number ?? 0;
  const to = Number(url.searchParams.get('to') ?? latest);
  const from = Number(url.searchParams.get('from') ?? latest - 1);
  const [a, b] = await Promise.all([versionOf(account.id, from), versionOf(account.id, to)]);
  return {
    versions: versions.map((v) => ({ number: v.number, date: formatDateTime(lng, v.createdAt) })),
    compare: a && b ? { from, to, changes: diffAnswers(a.answers, b.answers) } : null,
  };
}

export default function History() {
  const { t } = useTranslation('statement');
  const { versions, compare } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('history.title')}</h1>
      {versions.length === 0 ? <p>{t('history.none')}</p> : <p className="lead">{t('history.intro')}</p>}
      <ul className="version-list">
        {versions.map((v) => (
          <li key={v.number}>
            <Link to={`/statement/versions/${v.number}`}>{t('history.version', { number: v.number })}</Link> – {v.date}
          </li>
        ))}
      </ul>
      {versions.length > 1 ? (
        <>
          <h2>{t('history.compareHeading')}</h2>
          <Form method="get" className="compare-form">
            {(['from', 'to'] as const).map((name) => (
              <div className="form-group" key={name}>
                <label className="label" htmlFor={`compare-${name}`}>
                  {t(`history.${name}`)}
                </label>
                <select id={`compare-${name}`} name={name} className="select" defaultValue={compare?.[name]}>
                  {versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      {t('history.version', { number: v.number })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit" className="button button--secondary">
              {t('history.compare')}
            </button>
          </Form>
          {compare ? (
            <section aria-labelledby="changes-heading">
              <h2 id="changes-heading">{t('history.changesHeading', { from: compare.from, to: compare.to })}</h2>
              <ChangeList changes={compare.changes} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
