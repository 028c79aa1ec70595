import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { auditPageNumber, auditRetentionDays, organisationAuditPage } from '~/domain/audit.server';
import { listStaff, organisationOf } from '~/domain/staff.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'staff:audit.title', i18n: ['staff'] };

/** The security events of the admin's own organisation's workers and admins, newest first, a page at a time. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:organisation:own');
  const organisation = await organisationOf(account);
  if (!organisation) throw new Response(null, { status: 403 });
  const page = auditPageNumber(new URL(request.url).searchParams.get('page'));
  const lng = await languageOf(request);
  const names = new Map((await listStaff(organisation.id)).map((person) => [person.id, person.name]));
  const { events, more } = await organisationAuditPage(organisation.id, page);
  return {
    page,
    more,
    retentionDays: auditRetentionDays,
    events: events.map((e) => ({
      id: e.id,
      date: formatDateTime(lng, e.at, 'medium'),
      who: (e.account_id && names.get(e.account_id)) ?? null,
      event: e.event,
      outcome: e.outcome,
      method: e.method,
      subject: (e.subject && names.get(e.subject)) ?? null,
      address: e.address,
    })),
  };
}

export default function AuditLog() {
  const { t } = useTranslation('staff');
  const { page, more, retentionDays, events } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro', { days: retentionDays })}</p>
      {events.length === 0 ? <p>{t('audit.none')}</p> : null}
      {events.length === 0 ? null : (
        <ul className="event-list" data-audit-events>
          {events.map((e) => (
            <li key={e.id} className="event-list__item">
              <span>
                {t('audit.line', {
                  date: e.date,
                  who: e.who ?? t('audit.someone'),
                  what: t(`audit.events.${e.event}`),
                  outcome: t(`audit.outcomes.${e.outcome}`),
                })}
                {e.method ? ` ${t('audit.method', { method: t(`audit.methods.${e.method}`) })}` : null}
                {e.subject ? ` ${t('audit.subject', { name: e.subject })}` : null} <span dir="ltr">({e.address})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {page > 1 || more ? (
        <nav aria-label={t('audit.pages')}>
          <ul className="pagination">
            {page > 1 ? (
              <li>
                <Link to={page === 2 ? '/admin/audit' : `/admin/audit?page=${page - 1}`}>{t('audit.newer')}</Link>
              </li>
            ) : null}
            {more ? (
              <li>
                <Link to={`/admin/audit?page=${page + 1}`}>{t('audit.older')}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <p>
        <Link to="/admin">{t('audit.back')}</Link>
      </p>
    </>
  );
}
