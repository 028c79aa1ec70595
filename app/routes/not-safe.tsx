import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { helpNumbersFor, reportNotSafe } from '~/domain/sharing/shares.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'sharing:notSafe.title', i18n: ['sharing'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:share:own');
  return { numbers: await helpNumbersFor(account.id) };
}

/** Saying "I am not safe now" shows where help is at once, and marks every share urgent. */
export async function action({ request }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:share:own');
  const { sharesMarked } = await reportNotSafe(account.id);
  return { told: sharesMarked > 0 };
}

export default function NotSafe() {
  const { t } = useTranslation('sharing');
  const { numbers } = useLoaderData<typeof loader>();
  const reported = useActionData<typeof action>();
  return (
    <>
      <h1>{t('notSafe.title')}</h1>
      <p className="lead">{t('notSafe.emergency')}</p>
      <ul className="help-numbers">
        <li>
          <a href="tel:999">{t('notSafe.call999')}</a>
        </li>
        <li>{t('notSafe.text999')}</li>
        {numbers.map((n) => (
          <li key={n.number}>
            {n.name}: <a href={`tel:${n.number.replace(/[^+0-9]/g, '')}`}>{n.number}</a>
          </li>
        ))}
      </ul>
      {reported?.told ? (
        <NotificationBanner type="success" title={t('notSafe.toldTitle')}>
          <p>{t('notSafe.told')}</p>
        </NotificationBanner>
      ) : reported ? (
        <p>{t('notSafe.noWorker')}</p>
      ) : (
        <Form method="post">
          <p>{t('notSafe.tellWorker')}</p>
          <Button variant="warning">{t('notSafe.button')}</Button>
        </Form>
      )}
      <p>{t('notSafe.exit')}</p>
    </>
  );
}
