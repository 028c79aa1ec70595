import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { ContactRules, SharedStatement } from '~/components/sharing/SharedStatement';
import { ChangeList } from '~/components/statement/ChangeList';
import { PrintButton } from '~/components/statement/PrintButton';
import { openForWorker } from '~/domain/sharing/shares.server';
import { formatDateTime, formatDay } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { i18n: ['casework', 'statement'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:share:assigned');
  const view = await openForWorker(account, params.id ?? '');
  // Not this worker's to see (or no such share): the same answer either way, so nothing leaks.
  if (!view) throw data(null, { status: 404 });
  const lng = await languageOf(request);
  if (view.kind === 'ended') {
    return data(
      { titleKey: 'casework:ended.title', ended: { status: view.status, at: formatDateTime(lng, view.at) }, open: null },
      { status: 410 },
    );
  }
  return {
    titleKey: 'casework:statement.title',
    ended: null,
    open: {
      ...view,
      confirmedAt: formatDateTime(lng, view.snapshot.confirmedAt),
      until: view.until ? formatDay(lng, view.until) : null,
      urgentAt: view.urgentAt ? formatDateTime(lng, view.urgentAt) : null,
      replies: view.replies.map((r) => ({ ...r, at: formatDateTime(lng, r.at) })),
    },
  };
}

export default function SharedStatementPage() {
  const { t } = useTranslation(['casework', 'statement']);
  const { ended, open } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (ended || !open) {
    return (
      <>
        <h1>{t('casework:ended.title')}</h1>
        <p className="lead">
          {t(ended?.status === 'expired' ? 'casework:ended.expired' : 'casework:ended.withdrawn', { date: ended?.at })}
        </p>
        <p>{t('casework:ended.what')}</p>
        <p>
          <Link to="/worker">{t('casework:statement.back')}</Link>
        </p>
      </>
    );
  }
  const { snapshot } = open;
  return (
    <>
      {params.get('replied') ? (
        <NotificationBanner type="success" title={t('casework:reply.sentTitle')}>
          <p>{t('casework:reply.sent')}</p>
        </NotificationBanner>
      ) : null}
      {open.urgentAt ? (
        <div className="warning-text" role="note">
          <strong>{t('casework:statement.urgent', { date: open.urgentAt })}</strong>
        </div>
      ) : null}
      <h1>
        {open.label.name
          ? t('casework:statement.headingNamed', { name: open.label.name })
          : t('casework:statement.heading', { ref: open.label.ref })}
      </h1>
      <p className="lead">{t('casework:statement.version', { number: snapshot.number, date: open.confirmedAt })}</p>
      <p>{open.until ? t('casework:statement.until', { date: open.until }) : t('casework:statement.untilStopped')}</p>
      <p>{t('casework:statement.purpose')}</p>
      <ContactRules
        safeWays={snapshot.answers.safeWays ?? null}
        never={snapshot.answers.never ?? null}
        shared={open.sections.includes('contact')}
      />
      {open.changes ? (
        <section aria-labelledby="changes">
          <h2 id="changes">{t('casework:statement.changesHeading', { number: open.lastReadNumber })}</h2>
          <ChangeList changes={open.changes} />
        </section>
      ) : null}
      <SharedStatement answers={snapshot.answers} sections={open.sections.filter((s) => s !== 'contact')} />
      {open.replies.length > 0 ? (
        <section aria-labelledby="replies">
          <h2 id="replies">{t('casework:statement.repliesHeading')}</h2>
          {open.replies.map((r, i) => (
            <div key={i}>
              <p className="hint">{t('casework:statement.replyFrom', { name: r.from, date: r.at })}</p>
              <blockquote className="answer__words">{r.body}</blockquote>
            </div>
          ))}
        </section>
      ) : null}
      <div className="button-group no-print">
        <Link to={`/worker/shares/${open.id}/reply`} className="button">
          {t('casework:statement.reply')}
        </Link>
        <PrintButton />
      </div>
      <p className="no-print">
        <Link to="/worker">{t('casework:statement.back')}</Link>
      </p>
    </>
  );
}
