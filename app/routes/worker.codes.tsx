import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { formatCode } from '~/domain/sharing/codes';
import { createConnectionCode, openCodesOf } from '~/domain/sharing/shares.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import type { RouteHandle } from '~/utils/page-state';
import { qrCodeDataUri } from '~/utils/qr-code.server';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'casework:codes.title', i18n: ['casework'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'write:code:own');
  const lng = await languageOf(request);
  return {
    open: (await openCodesOf(account)).map((c) => ({
      createdAt: formatDateTime(lng, c.createdAt),
      expiresAt: formatDateTime(lng, c.expiresAt),
    })),
  };
}

/** A new code is shown once, with a link and a QR code holding the same link. */
export async function action({ request }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:code:own');
  const { code, expiresAt } = await createConnectionCode(account);
  const origin = process.env.PUBLIC_ORIGIN ?? new URL(request.url).origin;
  const link = `${origin}/connect/${code}`;
  const qr = await qrCodeDataUri(link);
  return { code: formatCode(code), link, qr, expiresAt: formatDateTime(await languageOf(request), expiresAt) };
}

export default function Codes() {
  const { t } = useTranslation('casework');
  const { open } = useLoaderData<typeof loader>();
  const made = useActionData<typeof action>();
  return (
    <>
      <h1>{t('codes.title')}</h1>
      {made ? (
        <section aria-labelledby="new-code" className="share-card">
          <h2 id="new-code">{t('codes.newHeading')}</h2>
          <p className="connection-code">{made.code}</p>
          <p>{t('codes.readAloud')}</p>
          <p>{t('codes.expires', { date: made.expiresAt })}</p>
          <h3>{t('codes.linkHeading')}</h3>
          <p>
            <a href={made.link}>{made.link}</a>
          </p>
          <h3>{t('codes.qrHeading')}</h3>
          <img className="qr-code" src={made.qr} alt={t('codes.qrLabel')} width={192} height={192} />
          <p>{t('codes.onceOnly')}</p>
        </section>
      ) : (
        <>
          <p className="lead">{t('codes.intro')}</p>
          <p>{t('codes.rules')}</p>
        </>
      )}
      <Form method="post">
        <Button variant={made ? 'secondary' : 'primary'}>{t('codes.make')}</Button>
      </Form>
      <h2>{t('codes.openHeading')}</h2>
      {open.length === 0 ? (
        <p>{t('codes.noneOpen')}</p>
      ) : (
        <ul>
          {open.map((c, i) => (
            <li key={i}>{t('codes.openItem', { created: c.createdAt, expires: c.expiresAt })}</li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/worker">{t('codes.back')}</Link>
      </p>
    </>
  );
}
