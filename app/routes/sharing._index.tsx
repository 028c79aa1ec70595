import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { WorkerCard } from '~/components/sharing/ConsentFields';
import { deliveryStatusForShare } from '~/delivery/outbox.server';
import { markRepliesSeen, sharesOfAdult } from '~/domain/sharing/shares.server';
import { formatDateTime, formatDay } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'sharing:list.title', i18n: ['sharing', 'statement'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:share:own');
  const lng = await languageOf(request);
  const shares = await sharesOfAdult(account.id);
  const delivery = new Map(await Promise.all(shares.map(async (s) => [s.id, await deliveryStatusForShare(s.id)] as const)));
  // The person is reading their replies now: the next visit shows only newer ones as new.
  for (const share of shares) if (share.replies.some((r) => r.unread)) await markRepliesSeen(account.id, share.id);
  return {
    shares: shares.map((s) => ({
      ...s,
      delivery: delivery.get(s.id) ?? 'none',
      until: s.until ? formatDay(lng, s.until) : null,
      createdAt: formatDateTime(lng, s.createdAt),
      endedAt: s.endedAt ? formatDateTime(lng, s.endedAt) : null,
      reads: s.access.filter((a) => a.action === 'opened').map((a) => ({ who: a.who, at: formatDateTime(lng, a.at), version: a.version })),
      access: s.access.map((a) => ({ ...a, at: formatDateTime(lng, a.at) })),
      replies: s.replies.map((r) => ({ ...r, at: formatDateTime(lng, r.at) })),
    })),
  };
}

export default function WhoCanSee() {
  const { t } = useTranslation(['sharing', 'statement']);
  const { shares } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const banner = params.get('shared') ? 'shared' : params.get('changed') ? 'changed' : params.get('withdrawn') ? 'withdrawn' : null;
  return (
    <>
      {banner ? (
        <NotificationBanner type="success" title={t('list.done')}>
          <p>{t(`list.${banner}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('list.title')}</h1>
      {shares.length === 0 ? <p className="lead">{t('list.none')}</p> : <p className="lead">{t('list.intro')}</p>}
      {shares.map((share) => (
        <section key={share.id} className="share-card" aria-labelledby={`share-${share.id}`}>
          <h2 id={`share-${share.id}`}>{t('list.shareHeading', { name: share.worker.name })}</h2>
          <WorkerCard {...share.worker} />
          <p>
            <strong>
              {share.status === 'active'
                ? t('list.statusActive')
                : t(share.status === 'withdrawn' ? 'list.statusWithdrawn' : 'list.statusExpired', { date: share.endedAt })}
            </strong>
          </p>
          <h3>{t('list.whatHeading')}</h3>
          <ul>
            {share.sections.map((id) => (
              <li key={id}>{t(`statement:sections.${id}.title`)}</li>
            ))}
          </ul>
          <p>{share.includeTeam ? t('list.withTeam', { team: share.worker.team }) : t('list.onlyWorker', { name: share.worker.name })}</p>
          <p>{share.until ? t('list.until', { date: share.until }) : t('list.untilStopped')}</p>
          <p>{share.includeNewVersions ? t('list.newVersionsYes') : t('list.newVersionsNo')}</p>
          {share.delivery === 'delivered' || share.delivery === 'failed' ? <p>{t(`list.delivery.${share.delivery}`)}</p> : null}

          <h3>{t('list.readHeading')}</h3>
          {share.reads.length === 0 ? (
            <p>{t('list.notRead')}</p>
          ) : (
            <ul>
              {share.reads.map((r, i) => (
                <li key={i}>{t('list.readBy', { name: r.who, date: r.at })}</li>
              ))}
            </ul>
          )}

          {share.replies.length > 0 ? (
            <>
              <h3>{t('list.repliesHeading')}</h3>
              {share.replies.map((reply) => (
                <div key={reply.id} className="reply">
                  <p className="hint">
                    {t('list.replyFrom', { name: reply.from, date: reply.at })}
                    {reply.unread ? <strong className="tag">{t('list.new')}</strong> : null}
                  </p>
                  <blockquote className="answer__words">{reply.body}</blockquote>
                </div>
              ))}
            </>
          ) : null}

          <details className="details">
            <summary>{t('list.logSummary')}</summary>
            <ul>
              {share.access.map((a, i) => (
                <li key={i}>{t(`list.log.${a.action}`, { name: a.who, date: a.at })}</li>
              ))}
            </ul>
          </details>

          {share.status === 'active' ? (
            <div className="button-group">
              <Link to={`/sharing/${share.id}/change`} className="button button--secondary">
                {t('list.change')}
                <span className="visually-hidden"> {t('list.withName', { name: share.worker.name })}</span>
              </Link>
              <Link to={`/sharing/${share.id}/withdraw`} className="button button--warning">
                {t('list.withdraw')}
                <span className="visually-hidden"> {t('list.withName', { name: share.worker.name })}</span>
              </Link>
            </div>
          ) : null}
        </section>
      ))}
      <p>
        <Link to="/connect">{t('list.connect')}</Link>
      </p>
      <Form method="post" action="/not-safe">
        <button type="submit" className="button button--warning">
          {t('notSafe.button')}
        </button>
      </Form>
    </>
  );
}
