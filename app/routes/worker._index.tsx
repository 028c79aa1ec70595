import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { inboxOf } from '~/domain/sharing/shares.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'casework:inbox.title', i18n: ['casework'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:share:assigned');
  const lng = await languageOf(request);
  const items = await inboxOf(account);
  return {
    name: account.display_name,
    items: items.map((item) => ({
      ...item,
      updatedAt: formatDateTime(lng, item.updatedAt),
      urgentAt: item.urgentAt ? formatDateTime(lng, item.urgentAt) : null,
    })),
  };
}

export default function Inbox() {
  const { t } = useTranslation('casework');
  const { name, items } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p className="lead">{t('inbox.signedInAs', { name })}</p>
      <p>
        <Link to="/staff/account">{t('staff:account.link')}</Link>
      </p>
      <p>
        <Link to="/worker/codes" className="button">
          {t('inbox.newCode')}
        </Link>
      </p>
      {items.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <ul className="inbox-list">
          {items.map((item) => (
            <li key={item.id} className="inbox-list__item">
              <Link to={`/worker/shares/${item.id}`}>
                {item.label.name
                  ? t('inbox.itemNamed', { name: item.label.name, ref: item.label.ref })
                  : t('inbox.item', { ref: item.label.ref })}
              </Link>
              {item.urgentAt ? <strong className="tag tag--urgent">{t('inbox.urgent')}</strong> : null}
              {item.unread ? <strong className="tag">{t('inbox.unread')}</strong> : null}
              <p className="hint">
                {t('inbox.version', { number: item.version, date: item.updatedAt })}
                {item.sharedWith ? ` ${t('inbox.viaTeam', { name: item.sharedWith })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" action="/sign-out">
        <button type="submit" className="button button--secondary">
          {t('inbox.signOut')}
        </button>
      </Form>
    </>
  );
}
