import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Account, AuditEventName } from '../../../db/schema';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import { TextInput } from '~/components/text-input/TextInput';
import { recordAudit } from '~/domain/audit.server';
import { helpNumbersFromForm, readHelpNumbers } from '~/domain/help-numbers';
import {
  createStaffAccount,
  listStaff,
  newStaffSchema,
  organisationOf,
  publicOrigin,
  renewSetUpLink,
  saveHelpNumbers,
  setUpLink,
} from '~/domain/staff.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { clientAddress } from '~/utils/request.server';
import { requirePermission } from '~/utils/session.server';
import { AddStaffForm } from './AddStaffForm';
import { HelpNumbersForm } from './HelpNumbersForm';
import { StaffList } from './StaffList';

export const handle: RouteHandle = { titleKey: 'staff:admin.title', i18n: ['staff'] };

/** The admin's own organisation: every query below is keyed by it, never by an id from the page. */
async function ownOrganisation(account: Account) {
  const organisation = await organisationOf(account);
  if (!organisation) throw new Response(null, { status: 403 });
  return organisation;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:organisation:own');
  const organisation = await ownOrganisation(account);
  const lng = await languageOf(request);
  const now = new Date().toISOString();
  const staff = (await listStaff(organisation.id)).map(({ setUpExpiresAt, ...person }) => ({
    ...person,
    linkWorksUntil: setUpExpiresAt && setUpExpiresAt > now ? formatDateTime(lng, setUpExpiresAt) : null,
  }));
  return { organisation: organisation.name, staff, helpNumbers: readHelpNumbers(organisation.help_numbers) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:organisation:own');
  const audit = (event: AuditEventName, subject?: string) => recordAudit({ event, account, subject, address: clientAddress(context) });
  const organisation = await ownOrganisation(account);
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'add-staff') {
    const result = parseForm(form, newStaffSchema);
    if (!result.ok) return data({ form: 'add-staff', errors: result.errors, values: result.values }, { status: 400 });
    const created = await createStaffAccount({ ...result.data, organisationId: organisation.id, language: await languageOf(request) });
    if (!created.ok) return data({ form: 'add-staff', errors: created.errors, values: result.data }, { status: 400 });
    await audit('staff-added', created.account.id);
    return { form: 'added', name: created.account.display_name, link: setUpLink(publicOrigin(request), created.setUpToken) };
  }
  if (intent === 'new-link') {
    const person = (await listStaff(organisation.id)).find((p) => p.id === form.get('account'));
    const token = person ? await renewSetUpLink(organisation.id, person.id) : null;
    if (!person || !token) throw new Response(null, { status: 404 });
    await audit('set-up-link-renewed', person.id);
    return { form: 'added', name: person.name, link: setUpLink(publicOrigin(request), token) };
  }
  if (intent === 'help-numbers') {
    const result = helpNumbersFromForm(form);
    if (!result.ok) return data({ form: 'help-numbers', errors: result.errors, values: result.values }, { status: 400 });
    await saveHelpNumbers(organisation.id, result.numbers);
    await audit('help-numbers-changed');
    return redirect('/admin?saved=help');
  }
  throw new Response(null, { status: 400 });
}

export default function AdminPage() {
  const { t } = useTranslation('staff');
  const { organisation, staff, helpNumbers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = result && 'errors' in result ? result : null;
  const errors: Record<string, string> = failure?.errors ?? {};
  const values: Partial<Record<string, string>> = failure?.values ?? {};
  return (
    <>
      {result && 'link' in result ? (
        <NotificationBanner type="success" title={t('admin.addedTitle', { name: result.name })}>
          <p>{t('admin.added', { name: result.name })}</p>
          <TextInput id="setup-link" name="setup-link" label={t('admin.linkLabel')} value={result.link} readOnly dir="ltr" />
        </NotificationBanner>
      ) : null}
      {params.get('saved') === 'help' && !result ? (
        <NotificationBanner type="success" title={t('admin.done')}>
          <p>{t('admin.helpSaved')}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.organisation', { organisation })}</p>
      <p>
        <Link to="/admin/integrations">{t('integration:title')}</Link>
      </p>
      <p>
        <Link to="/admin/audit">{t('audit.title')}</Link>
      </p>
      <p>
        <Link to="/staff/account">{t('account.link')}</Link>
      </p>
      <StaffList staff={staff} />
      <AddStaffForm
        errors={failure?.form === 'add-staff' ? errors : {}}
        values={failure?.form === 'add-staff' ? values : {}}
        key={result && 'link' in result ? result.link : 'add'}
      />
      <HelpNumbersForm
        numbers={helpNumbers}
        errors={failure?.form === 'help-numbers' ? errors : {}}
        values={failure?.form === 'help-numbers' ? values : null}
      />
    </>
  );
}
