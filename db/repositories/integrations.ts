import type { Kysely } from 'kysely';
import type { ApiToken, Database, Share, WebhookEndpoint } from '../schema';

/*
 * Case-management systems an organisation connects: webhook endpoints it pushes to, tokens
 * systems pull with, and the organisation's shares as a pulling system sees them. Every query
 * that reads or changes one row names the organisation too, so an id from another organisation
 * finds nothing.
 */

/* ---------------------------------------------------------------- webhook endpoints */

/** Adds an endpoint. */
export async function insertEndpoint(db: Kysely<Database>, endpoint: WebhookEndpoint): Promise<void> {
  await db.insertInto('webhook_endpoint').values(endpoint).execute();
}

/** An organisation's endpoints, oldest first. */
export async function listEndpoints(db: Kysely<Database>, organisationId: string): Promise<WebhookEndpoint[]> {
  return db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** One of the organisation's endpoints. */
export async function findEndpoint(db: Kysely<Database>, organisationId: string, id: string): Promise<WebhookEndpoint | undefined> {
  return db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Replaces an endpoint's secret, keeping the one before it valid until the given time. */
export async function updateEndpointSecrets(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  secrets: Pick<WebhookEndpoint, 'secret' | 'previous_secret' | 'previous_secret_expires_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoint')
    .set(secrets)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Turns an endpoint on (with no reason) or off (with the reason). */
export async function setEndpointStatus(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  status: WebhookEndpoint['status'],
  reason: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoint')
    .set({ status, disabled_reason: reason })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes an endpoint (its delivery attempts keep their record, without it). */
export async function deleteEndpoint(db: Kysely<Database>, organisationId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoint')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/* ---------------------------------------------------------------- API tokens */

/** Adds a token (by its hash). */
export async function insertApiToken(db: Kysely<Database>, token: ApiToken): Promise<void> {
  await db.insertInto('api_token').values(token).execute();
}

/** An organisation's tokens that still work, oldest first. */
export async function listApiTokens(db: Kysely<Database>, organisationId: string): Promise<ApiToken[]> {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** A token that still works, by the sha-256 of what a system sent. */
export async function findWorkingApiToken(db: Kysely<Database>, tokenHash: string): Promise<ApiToken | undefined> {
  return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

/** Records when a token was last used. */
export async function touchApiToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Stops a token working; false when it was not the organisation's or had stopped already. */
export async function revokeApiToken(db: Kysely<Database>, organisationId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/* ---------------------------------------------------------------- shares, for a pulling system */

/** A share with what a list needs to say when it last changed, and no content. */
export type ShareListRow = Share & { latest_version: number | null; latest_version_at: string | null; latest_consent_at: string | null };

/**
 * One page of an organisation's shares in a stable order (created_at, then id), starting after
 * the given key. New shares always sort after those already seen, so a cursor never skips one.
 */
export async function listOrganisationSharesPage(
  db: Kysely<Database>,
  organisationId: string,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<ShareListRow[]> {
  let query = db
    .selectFrom('share')
    .selectAll('share')
    .select((eb) => [
      eb
        .selectFrom('share_version')
        .select((v) => v.fn.max('version_number').as('n'))
        .whereRef('share_id', '=', 'share.id')
        .as('latest_version'),
      eb
        .selectFrom('share_version')
        .select((v) => v.fn.max('created_at').as('at'))
        .whereRef('share_id', '=', 'share.id')
        .as('latest_version_at'),
      eb
        .selectFrom('consent_record')
        .select((c) => c.fn.max('at').as('at'))
        .whereRef('share_id', '=', 'share.id')
        .as('latest_consent_at'),
    ])
    .where('share.organisation_id', '=', organisationId);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('share.created_at', '>', after.createdAt),
        eb.and([eb('share.created_at', '=', after.createdAt), eb('share.id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('share.created_at', 'asc').orderBy('share.id', 'asc').limit(limit).execute();
  // PostgreSQL may return max() of an integer as a string.
  return rows.map((r) => ({ ...r, latest_version: r.latest_version === null ? null : Number(r.latest_version) }));
}

/** One of the organisation's shares. */
export async function findOrganisationShare(db: Kysely<Database>, organisationId: string, id: string): Promise<Share | undefined> {
  return db.selectFrom('share').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}
