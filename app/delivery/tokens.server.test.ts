// @vitest-environment node
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as TokensModule from './tokens.server';
import { temporaryIntegrationDatabase } from './integration-test-database';

const database = temporaryIntegrationDatabase('tokens');
let tokens: typeof TokensModule;

beforeAll(async () => {
  tokens = await import('./tokens.server');
});

const bearer = (token: string | null) =>
  new Request('http://localhost/api/v1/shares', { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });

async function storedRow(id: string) {
  return database.getDb().selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('API tokens', () => {
  it('are shown once and stored only as their sha-256', async () => {
    const organisationId = await database.makeOrganisation();
    const { id, token } = await tokens.createApiToken(organisationId, 'Case system');
    expect(token).toMatch(/^imw_[A-Za-z0-9_-]{43}$/);
    const row = await storedRow(id);
    expect(row.token_hash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(await tokens.apiTokensOf(organisationId)).toEqual([{ id, label: 'Case system', createdAt: row.created_at, lastUsedAt: null }]);
  });

  it('let a system in as their organisation, and record when they were used', async () => {
    const organisationId = await database.makeOrganisation();
    const { id, token } = await tokens.createApiToken(organisationId, 'Poller');
    const now = new Date('2026-12-01T09:30:00.000Z');
    expect(await tokens.organisationForBearer(bearer(token), now)).toBe(organisationId);
    expect((await storedRow(id)).last_used_at).toBe(now.toISOString());
    // The scheme is case-insensitive (RFC 7235); the token is not.
    expect(await tokens.organisationForBearer(new Request('http://localhost/', { headers: { Authorization: `bearer ${token}` } }))).toBe(
      organisationId,
    );
    expect(await tokens.organisationForBearer(bearer(token.toUpperCase()))).toBeNull();
  });

  it('let nobody in without a token, with an unknown one, or with anything but Bearer', async () => {
    expect(await tokens.organisationForBearer(bearer(null))).toBeNull();
    expect(await tokens.organisationForBearer(bearer(''))).toBeNull();
    expect(await tokens.organisationForBearer(bearer(`imw_${crypto.randomBytes(32).toString('base64url')}`))).toBeNull();
    const organisationId = await database.makeOrganisation();
    const { token } = await tokens.createApiToken(organisationId, 'Basic');
    expect(
      await tokens.organisationForBearer(new Request('http://localhost/', { headers: { Authorization: `Basic ${token}` } })),
    ).toBeNull();
  });

  it('stop working when revoked, and only their own organisation can revoke them', async () => {
    const organisationId = await database.makeOrganisation();
    const otherOrganisationId = await database.makeOrganisation();
    const { id, token } = await tokens.createApiToken(organisationId, 'To revoke');

    expect(await tokens.revokeOrganisationToken(otherOrganisationId, id)).toBe(false);
    expect(await tokens.organisationForBearer(bearer(token))).toBe(organisationId);
    expect(await tokens.apiTokensOf(otherOrganisationId)).toEqual([]);

    expect(await tokens.revokeOrganisationToken(organisationId, id)).toBe(true);
    expect(await tokens.organisationForBearer(bearer(token))).toBeNull();
    expect(await tokens.apiTokensOf(organisationId)).toEqual([]);
    expect(await tokens.revokeOrganisationToken(organisationId, id)).toBe(false);
  });

  it('need a label the admin can tell apart, of 80 characters or fewer', () => {
    expect(tokens.newTokenSchema.safeParse({ label: '  ' }).error?.issues[0]?.message).toBe('integration:errors.labelEmpty');
    expect(tokens.newTokenSchema.safeParse({ label: 'x'.repeat(81) }).error?.issues[0]?.message).toBe('integration:errors.labelLong');
    expect(tokens.newTokenSchema.parse({ label: ' Mosaic ' })).toEqual({ label: 'Mosaic' });
  });
});
