import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '~/components/button/Button';
import { Checkboxes } from '~/components/checkboxes/Checkboxes';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { EasyReadSection } from '~/components/easy-read/EasyReadSection';
import type { PictureName } from '~/components/picture/catalog';
import { deleteAdult } from '~/domain/rights.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { clientAddress } from '~/utils/request.server';
import { endSession, requirePermission } from '~/utils/session.server';

export const handle: RouteHandle = { titleKey: 'rights:delete.title', i18n: ['rights'] };

/** Nothing is deleted until the person has ticked that they understand it cannot be undone. */
const confirmSchema = z.object({
  understand: z.literal('yes', { errorMap: () => ({ message: 'rights:delete.error' }) }),
});

// What will happen, one idea (and one picture) at a time, before the form: easy read first.
const consequences: { key: string; picture: PictureName; lines: string[] }[] = [
  // The audit trail of sign-ins stays until its retention period ends (ADR 16): the page says so.
  { key: 'statement', picture: 'note', lines: ['statementBody', 'signInsBody'] },
  { key: 'sharing', picture: 'people', lines: ['sharingBody'] },
  { key: 'worker', picture: 'work', lines: ['workerBody', 'notesBody'] },
  { key: 'undo', picture: 'warning', lines: ['undoBody'] },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'read:account:own');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:account:own');
  const result = parseForm(await request.formData(), confirmSchema);
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  await deleteAdult(account.id);
  // The session row went with the account; this clears the cookie too.
  return redirect('/account-deleted', { headers: { 'Set-Cookie': await endSession(request, clientAddress(context)) } });
}

export default function DeleteAccountPage() {
  const { t } = useTranslation('rights');
  const failure = useActionData<typeof action>();
  const errors: Record<string, string> = failure?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('delete.title')}</h1>
      <p className="lead">{t('delete.intro')}</p>
      {consequences.map((item) => (
        <EasyReadSection key={item.key} id={`delete-${item.key}`} picture={item.picture} heading={t(`delete.${item.key}Heading`)}>
          {item.lines.map((line) => (
            <p key={line}>{t(`delete.${line}`)}</p>
          ))}
        </EasyReadSection>
      ))}
      <EasyReadSection id="delete-copy" picture="book" heading={t('delete.copyHeading')}>
        <p>{t('delete.copyBody')}</p>
        <p>
          <Link to="/account/download">{t('delete.copyLink')}</Link>
        </p>
      </EasyReadSection>
      <Form method="post" noValidate>
        <Checkboxes
          id="understand"
          name="understand"
          legend={t('delete.legend')}
          error={errors.understand ? t(errors.understand) : undefined}
          options={[{ value: 'yes', label: t('delete.understand') }]}
        />
        <div className="button-group">
          <Button variant="warning">{t('delete.submit')}</Button>
          <Link to="/account">{t('delete.keep')}</Link>
        </div>
      </Form>
    </>
  );
}
