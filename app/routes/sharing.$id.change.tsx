import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { ConsentFields, WorkerCard } from '~/components/sharing/ConsentFields';
import { parseConsent } from '~/domain/sharing/consent';
import { changeShare, shareOfAdult, ukToday } from '~/domain/sharing/shares.server';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'sharing:change.title', i18n: ['sharing', 'statement'] };

/** One of the person's own active shares; anything else is simply not found. */
async function activeShare(accountId: string, id: string | undefined) {
  const share = await shareOfAdult(accountId, id ?? '');
  if (!share || share.status !== 'active') throw data(null, { status: 404 });
  return share;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'write:share:own');
  const share = await activeShare(account.id, params.id);
  return {
    worker: share.worker,
    values: {
      sections: share.sections,
      audience: share.includeTeam ? 'team' : 'worker',
      period: share.until ? 'date' : 'stopped',
      until: share.until ?? '',
      newVersions: share.includeNewVersions ? 'yes' : 'no',
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:share:own');
  const share = await activeShare(account.id, params.id);
  const result = parseConsent(await request.formData(), ukToday(), Boolean(share.worker.team));
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  if (!(await changeShare(account.id, share.id, result.terms))) throw data(null, { status: 404 });
  return redirect('/sharing?changed=1');
}

export default function ChangeShare() {
  const { t } = useTranslation('sharing');
  const { worker, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('change.title')}</h1>
      <WorkerCard {...worker} />
      <p>{t('change.intro', { name: worker.name })}</p>
      <Form method="post" noValidate>
        <ConsentFields values={failure?.values ?? values} errors={errors} workerName={worker.name} team={worker.team} />
        <Button>{t('change.submit')}</Button>
      </Form>
      <p>
        <Link to="/sharing">{t('change.cancel')}</Link>
      </p>
    </>
  );
}
