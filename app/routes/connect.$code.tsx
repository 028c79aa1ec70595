import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { ConsentFields, WorkerCard } from '~/components/sharing/ConsentFields';
import { codeProblems } from '~/domain/sharing/codes';
import { parseConsent } from '~/domain/sharing/consent';
import { lookUpCode, shareWithWorker, ukToday } from '~/domain/sharing/shares.server';
import { versionsOf } from '~/domain/statement/store.server';
import type { RouteHandle } from '~/utils/page-state';
import { recordWrongCode } from '~/utils/rate-limit.server';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { i18n: ['sharing', 'statement'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'write:share:own');
  const found = await lookUpCode(params.code ?? '');
  if (found.status !== 'ok') {
    if (found.status !== 'mistyped') await recordWrongCode(account.id);
    return data(
      { titleKey: 'sharing:connect.problemTitle', problem: codeProblems[found.status], worker: null, hasVersion: false },
      { status: 404 },
    );
  }
  const hasVersion = (await versionsOf(account.id)).length > 0;
  return { titleKey: 'sharing:consent.title', problem: null, worker: found.card, hasVersion };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:share:own');
  const found = await lookUpCode(params.code ?? '');
  if (found.status !== 'ok') return redirect(`/connect/${encodeURIComponent(params.code ?? '')}`);
  const result = parseConsent(await request.formData(), ukToday(), Boolean(found.worker.team));
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const shared = await shareWithWorker(account.id, params.code ?? '', result.terms);
  if (!shared.ok) return redirect(`/connect/${encodeURIComponent(params.code ?? '')}`);
  return redirect(`/sharing?shared=${shared.shareId}`);
}

export default function ConsentPage() {
  const { t } = useTranslation('sharing');
  const { problem, worker, hasVersion } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  if (!worker) {
    return (
      <>
        <h1>{t('connect.problemTitle')}</h1>
        <p className="lead">{t(problem!)}</p>
        <p>
          <Link to="/connect">{t('connect.tryAgain')}</Link>
        </p>
      </>
    );
  }
  if (!hasVersion) {
    return (
      <>
        <h1>{t('consent.title')}</h1>
        <WorkerCard {...worker} />
        <p className="lead">{t('consent.needVersion')}</p>
        <p>{t('consent.codeKept')}</p>
        <Link to="/statement/check" className="button">
          {t('consent.checkAnswers')}
        </Link>
      </>
    );
  }
  const errors: Record<string, string> = failure?.errors ?? {};
  const values = failure?.values ?? { sections: [], audience: '', period: '', until: '', newVersions: '' };
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('consent.title')}</h1>
      <p className="lead">{t('consent.about', { name: worker.name })}</p>
      <WorkerCard {...worker} />
      <h2>{t('consent.purposeHeading')}</h2>
      <p>{t('consent.purpose', { name: worker.name })}</p>
      <p>{t('consent.yourChoice')}</p>
      <Form method="post" noValidate>
        <ConsentFields values={values} errors={errors} workerName={worker.name} team={worker.team} />
        <Button>{t('consent.submit')}</Button>
      </Form>
      <p>
        <Link to="/statement">{t('consent.notNow')}</Link>
      </p>
    </>
  );
}
