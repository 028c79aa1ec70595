import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { TextInput } from '~/components/text-input/TextInput';
import { codeProblems, normaliseCode } from '~/domain/sharing/codes';
import { lookUpCode } from '~/domain/sharing/shares.server';
import type { RouteHandle } from '~/utils/page-state';
import { isCodeEntryBlocked, recordWrongCode } from '~/utils/rate-limit.server';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'sharing:connect.title', i18n: ['sharing'] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'write:share:own');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:share:own');
  const form = await request.formData();
  const typed = String(form.get('code') ?? '').slice(0, 40);
  if (await isCodeEntryBlocked(account.id)) return data({ errors: { code: codeProblems.blocked }, code: typed }, { status: 429 });
  if (!typed.trim()) return data({ errors: { code: 'sharing:errors.codeEmpty' }, code: typed }, { status: 400 });
  const found = await lookUpCode(typed);
  if (found.status !== 'ok') {
    if (found.status !== 'mistyped') await recordWrongCode(account.id);
    return data({ errors: { code: codeProblems[found.status] }, code: typed }, { status: 400 });
  }
  return redirect(`/connect/${normaliseCode(typed)}`);
}

export default function ConnectPage() {
  const { t } = useTranslation('sharing');
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <Form method="post" noValidate>
        <TextInput
          id="code"
          name="code"
          label={t('connect.title')}
          isPageHeading
          hint={t('connect.hint')}
          error={errors.code ? t(errors.code) : undefined}
          defaultValue={failure?.code ?? ''}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="connection-code-input"
        />
        <Button>{t('connect.submit')}</Button>
      </Form>
      <p>{t('connect.noCode')}</p>
    </>
  );
}
