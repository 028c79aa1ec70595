import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { WorkerCard } from '~/components/sharing/ConsentFields';
import { shareOfAdult, withdrawShare } from '~/domain/sharing/shares.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'sharing:withdraw.title', i18n: ['sharing'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'write:share:own');
  const share = await shareOfAdult(account.id, params.id ?? '');
  if (!share || share.status !== 'active') throw data(null, { status: 404 });
  return { worker: share.worker };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:share:own');
  if (!(await withdrawShare(account.id, params.id ?? ''))) throw data(null, { status: 404 });
  return redirect('/sharing?withdrawn=1');
}

export default function WithdrawShare() {
  const { t } = useTranslation('sharing');
  const { worker } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('withdraw.title')}</h1>
      <WorkerCard {...worker} />
      <p className="lead">{t('withdraw.what', { name: worker.name })}</p>
      <p>{t('withdraw.remember', { name: worker.name })}</p>
      <p>{t('withdraw.again')}</p>
      <Form method="post">
        <Button variant="warning">{t('withdraw.submit')}</Button>
      </Form>
      <p>
        <Link to="/sharing">{t('withdraw.cancel')}</Link>
      </p>
    </>
  );
}
