import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Account, AuditEventName } from '../../../db/schema';
import { ErrorSummary, fieldErrors } from '~/components/error-summary/ErrorSummary';
import { NotificationBanner } from '~/components/notification-banner/NotificationBanner';
import {
  addEndpoint,
  enableEndpoint,
  endpointsOf,
  newEndpointSchema,
  removeEndpoint,
  rotateSecret,
  sendTest,
} from '~/delivery/endpoints.server';
import { apiTokensOf, createApiToken, newTokenSchema, revokeOrganisationToken } from '~/delivery/tokens.server';
import { recordAudit } from '~/domain/audit.server';
import { organisationOf, publicOrigin } from '~/domain/staff.server';
import { formatDateTime } from '~/i18n/dates';
import { languageOf } from '~/i18n/i18next.server';
import { parseForm } from '~/utils/forms';
import type { RouteHandle } from '~/utils/page-state';
import { clientAddress } from '~/utils/request.server';
import { requirePermission } from '~/utils/session.server';
import { AddEndpointForm } from './AddEndpointForm';
import { Addresses } from './Addresses';
import { SecretBanner, TestBanner, TokenBanner } from './Banners';
import { EndpointList } from './EndpointList';
import { TokenSection } from './TokenSection';

export const handle: RouteHandle = { titleKey: 'integration:title', i18n: ['integration'] };

/** The admin's own organisation: every query below is keyed by it, never by an id from the page. */
async function ownOrganisationId(account: Account): Promise<string> {
  const organisation = await organisationOf(account);
  if (!organisation) throw new Response(null, { status: 403 });
  return organisation.id;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await requirePermission(request, 'read:organisation:own');
  const organisationId = await ownOrganisationId(account);
  const lng = await languageOf(request);
  const origin = publicOrigin(request);
  return {
    endpoints: (await endpointsOf(organisationId)).map((e) => ({
      ...e,
      createdAt: formatDateTime(lng, e.createdAt),
      previousSecretUntil: e.previousSecretUntil ? formatDateTime(lng, e.previousSecretUntil) : null,
    })),
    tokens: (await apiTokensOf(organisationId)).map((token) => ({
      ...token,
      createdAt: formatDateTime(lng, token.createdAt),
      lastUsedAt: token.lastUsedAt ? formatDateTime(lng, token.lastUsedAt) : null,
    })),
    addresses: {
      questionnaire: `${origin}/fhir/Questionnaire/in-my-words-statement`,
      cards: `${origin}/fhir/CodeSystem/in-my-words-cards`,
      pull: `${origin}/api/v1/shares`,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { account } = await requirePermission(request, 'write:organisation:own');
  const organisationId = await ownOrganisationId(account);
  const audit = (event: AuditEventName, subject: string) => recordAudit({ event, account, subject, address: clientAddress(context) });
  const form = await request.formData();
  const intent = form.get('intent');
  const endpointId = String(form.get('endpoint') ?? '');
  const notFound = () => new Response(null, { status: 404 });
  if (intent === 'add-endpoint') {
    const result = parseForm(form, newEndpointSchema);
    if (!result.ok) return data({ form: 'add-endpoint', errors: result.errors, values: result.values }, { status: 400 });
    const added = await addEndpoint(organisationId, result.data.url);
    if (!added.ok) return data({ form: 'add-endpoint', errors: added.errors, values: result.data }, { status: 400 });
    await audit('endpoint-added', added.id);
    return { shown: 'secret' as const, url: added.url, secret: added.secret, rotated: false };
  }
  if (intent === 'rotate') {
    const rotated = await rotateSecret(organisationId, endpointId);
    if (!rotated) throw notFound();
    await audit('endpoint-changed', endpointId);
    return { shown: 'secret' as const, ...rotated, rotated: true };
  }
  if (intent === 'test') {
    const result = await sendTest(organisationId, endpointId);
    if (!result) throw notFound();
    return { shown: 'test' as const, ...result };
  }
  if (intent === 'enable' || intent === 'remove') {
    const done = intent === 'enable' ? await enableEndpoint(organisationId, endpointId) : await removeEndpoint(organisationId, endpointId);
    if (!done) throw notFound();
    await audit(intent === 'enable' ? 'endpoint-changed' : 'endpoint-removed', endpointId);
    return redirect(`/admin/integrations?done=${intent === 'enable' ? 'enabled' : 'removed'}`);
  }
  if (intent === 'create-token') {
    const result = parseForm(form, newTokenSchema);
    if (!result.ok) return data({ form: 'create-token', errors: result.errors, values: result.values }, { status: 400 });
    const { id, token } = await createApiToken(organisationId, result.data.label);
    await audit('token-made', id);
    return { shown: 'token' as const, label: result.data.label, token };
  }
  if (intent === 'revoke-token') {
    const tokenId = String(form.get('token') ?? '');
    if (!(await revokeOrganisationToken(organisationId, tokenId))) throw notFound();
    await audit('token-revoked', tokenId);
    return redirect('/admin/integrations?done=revoked');
  }
  throw new Response(null, { status: 400 });
}

const doneMessages = new Set(['enabled', 'removed', 'revoked']);

export default function IntegrationsPage() {
  const { t } = useTranslation('integration');
  const { endpoints, tokens, addresses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = result && 'errors' in result ? result : null;
  const errors: Record<string, string> = failure?.errors ?? {};
  const values: Partial<Record<string, string>> = failure?.values ?? {};
  const shown = result && 'shown' in result ? result : null;
  const done = params.get('done');
  return (
    <>
      {shown?.shown === 'secret' ? <SecretBanner url={shown.url} secret={shown.secret} rotated={shown.rotated} /> : null}
      {shown?.shown === 'token' ? <TokenBanner label={shown.label} token={shown.token} /> : null}
      {shown?.shown === 'test' ? <TestBanner url={shown.url} status={shown.status} error={shown.error} ok={shown.ok} /> : null}
      {done && doneMessages.has(done) && !result ? (
        <NotificationBanner type="success" title={t('done.title')}>
          <p>{t(`done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={fieldErrors(errors, t)} />
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <p>
        <Link to="/admin/integrations/log">{t('logLink')}</Link>
      </p>
      <EndpointList endpoints={endpoints} />
      <AddEndpointForm
        key={shown?.shown === 'secret' ? shown.secret : 'add'}
        error={failure?.form === 'add-endpoint' ? errors.url : undefined}
        value={failure?.form === 'add-endpoint' ? values.url : undefined}
      />
      <TokenSection
        key={shown?.shown === 'token' ? shown.token : 'tokens'}
        tokens={tokens}
        error={failure?.form === 'create-token' ? errors.label : undefined}
        value={failure?.form === 'create-token' ? values.label : undefined}
      />
      <Addresses {...addresses} />
      <p>
        <Link to="/admin">{t('back')}</Link>
      </p>
    </>
  );
}
