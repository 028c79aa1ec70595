import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '~/components/button/Button';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { ContactRules } from '~/components/sharing/SharedStatement';
import { Textarea, countCharacters } from '~/components/textarea/Textarea';
import { contactRulesFor, replyToShare } from '~/domain/sharing/shares.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'casework:reply.title', i18n: ['casework', 'statement'] };

const replyLimit = 500;
const schema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'casework:reply.errors.empty')
    .refine((v) => countCharacters(v) <= replyLimit, 'casework:reply.errors.tooLong'),
});

async function rulesOr404(request: Request, id: string | undefined, permission: 'read:share:assigned' | 'write:reply:assigned') {
  const { account } = await requirePermission(request, permission);
  const rules = await contactRulesFor(account, id ?? '');
  if (!rules) throw data(null, { status: 404 });
  // Consent has ended: the statement page says so and when.
  if (rules.ended) throw redirect(`/worker/shares/${id}`);
  return { account, rules };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rules } = await rulesOr404(request, params.id, 'read:share:assigned');
  return { id: params.id!, rules };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { account } = await rulesOr404(request, params.id, 'write:reply:assigned');
  const result = parseForm(await request.formData(), schema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  if (!(await replyToShare(account, params.id!, result.data.body))) return redirect(`/worker/shares/${params.id}`);
  return redirect(`/worker/shares/${params.id}?replied=1`);
}

export default function Reply() {
  const { t } = useTranslation('casework');
  const { id, rules } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.errors ?? {};
  if (rules.ended) return null;
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, (key) => t(key, { count: replyLimit }))} />
      <h1>{t('reply.title')}</h1>
      <p className="lead">{t('reply.intro')}</p>
      <ContactRules safeWays={rules.safeWays} never={rules.never} shared={rules.shared} />
      <Form method="post" noValidate>
        <Textarea
          id="body"
          name="body"
          label={t('reply.label')}
          hint={t('reply.hint')}
          maxLength={replyLimit}
          error={errors.body ? t(errors.body, { count: replyLimit }) : undefined}
          defaultValue={failure?.values.body ?? ''}
        />
        <Button>{t('reply.send')}</Button>
      </Form>
      <p>
        <Link to={`/worker/shares/${id}`}>{t('reply.cancel')}</Link>
      </p>
    </>
  );
}
