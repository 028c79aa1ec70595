import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { deliveryLog, retryEvent } from '~/delivery/outbox.server';
import { recordAudit } from '~/domain/audit.server';
import { organisationOf } from '~/domain/staff.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import type { RouteHandle } from '~/utils/page-state';
import { clientAddress } from '~/utils/request.server';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'integration:log.title', i18n: ['integration'] };

/** How many of the newest messages the page lists. */
const shown = 100;

/** Event types hold dots, which i18next reads as nesting: each gets a plain key. */
const typeKeys: Record<string, string> = {
  'share.created': 'shareCreated',
  'share.version-added': 'versionAdded',
  'consent.changed': 'changed',
  'consent.withdrawn': 'withdrawn',
  'consent.expired': 'expired',
};

async function ownOrganisation(request: Request, permission: 'read:organisation:own' | 'write:organisation:own') {
  const { account } = await requirePermission(request, permission);
  const organisation = await organisationOf(account);
  if (!organisation) throw new Response(null, { status: 403 });
  return { account, organisationId: organisation.id };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisationId } = await ownOrganisation(request, 'read:organisation:own');
  const lng = await languageOf(request);
  const when = (iso: string | null) => (iso ? formatDateTime(lng, iso) : null);
  const events = await deliveryLog(organisationId, shown);
  // A share's events arrive in order: once a later one has arrived, an earlier one is never sent again.
  const overtaken = (e: (typeof events)[number]) =>
    events.some((later) => later.share_id === e.share_id && later.sequence > e.sequence && later.status === 'delivered');
  return {
    events: events.map((e) => ({
      id: e.id,
      typeKey: typeKeys[e.type] ?? 'other',
      status: e.status,
      attempts: e.attempts,
      lastError: e.last_error,
      // A message still being tried after a failure, or given up on, can be sent again now.
      canRetry: (e.status === 'dead' || (e.status === 'pending' && e.last_error !== null)) && !overtaken(e),
      createdAt: when(e.created_at)!,
      deliveredAt: when(e.delivered_at),
      nextAttemptAt: e.status === 'pending' ? when(e.next_attempt_at) : null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { account, organisationId } = await ownOrganisation(request, 'write:organisation:own');
  const form = await request.formData();
  if (form.get('intent') !== 'retry') throw new Response(null, { status: 400 });
  const eventId = String(form.get('event') ?? '');
  if (await retryEvent(organisationId, eventId)) {
    // The same event, with the same webhook-id, is sent again; the share's later events wait behind it.
    await recordAudit({ event: 'event-resent', account, subject: eventId, address: clientAddress(context) });
    return redirect('/admin/integrations/log?retried=1');
  }
  // Refused for one of the organisation's own events: a later message about the share arrived meanwhile.
  if ((await deliveryLog(organisationId, shown)).some((e) => e.id === eventId)) return redirect('/admin/integrations/log?retried=0');
  throw new Response(null, { status: 404 });
}

export default function DeliveryLog() {
  const { t } = useTranslation('integration');
  const { events } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get('retried') === '1' ? (
        <NotificationBanner type="success" title={t('done.title')}>
          <p>{t('log.retried')}</p>
        </NotificationBanner>
      ) : null}
      {params.get('retried') === '0' ? (
        <NotificationBanner title={t('log.notRetriedTitle')}>
          <p>{t('log.notRetried')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('log.title')}</h1>
      <p className="lead">{t('log.intro', { number: shown })}</p>
      {events.length === 0 ? <p>{t('log.none')}</p> : null}
      {events.map((event) => (
        <section key={event.id} aria-labelledby={`event-${event.id}`} data-event>
          <h2 id={`event-${event.id}`}>{t('log.eventHeading', { type: t(`log.types.${event.typeKey}`), date: event.createdAt })}</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('log.status')}</dt>
              <dd className="summary-list__value">{t(`log.statuses.${event.status}`)}</dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('log.attempts')}</dt>
              <dd className="summary-list__value">{event.attempts}</dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('log.lastError')}</dt>
              <dd className="summary-list__value" dir={event.lastError ? 'ltr' : undefined}>
                {event.lastError ?? t('log.noError')}
              </dd>
            </div>
            {event.deliveredAt ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">{t('log.deliveredAt')}</dt>
                <dd className="summary-list__value">{event.deliveredAt}</dd>
              </div>
            ) : null}
            {event.nextAttemptAt ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">{t('log.nextAttemptAt')}</dt>
                <dd className="summary-list__value">{event.nextAttemptAt}</dd>
              </div>
            ) : null}
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('log.messageId')}</dt>
              <dd className="summary-list__value" dir="ltr">
                <code>{event.id}</code>
              </dd>
            </div>
          </dl>
          {event.canRetry ? (
            <Form method="post">
              <input type="hidden" name="intent" value="retry" />
              <input type="hidden" name="event" value={event.id} />
              <Button variant="secondary">
                {t('log.retry')}
                <span className="visually-hidden"> {t('log.retryFor', { id: event.id })}</span>
              </Button>
            </Form>
          ) : null}
        </section>
      ))}
      <p>
        <Link to="/admin/integrations">{t('log.back')}</Link>
      </p>
    </>
  );
}
