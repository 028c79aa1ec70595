// @vitest-environment node
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../app/utils/db.server';
import { migrateToLatest } from '../../app/utils/migrate.server';
import type { Database, Share } from '../schema';
import { insertAccount } from './accounts';
import {
  deleteEndpoint,
  findEndpoint,
  findOrganisationShare,
  findWorkingApiToken,
  insertApiToken,
  insertEndpoint,
  listApiTokens,
  listEndpoints,
  listOrganisationSharesPage,
  revokeApiToken,
  setEndpointStatus,
  touchApiToken,
  updateEndpointSecrets,
} from './integrations';
import { insertOrganisation } from './organisations';
import { insertConsentRecord, insertShare, insertShareVersion } from './sharing';

/**
 * The integration queries on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (in a
 * database of their own, made and dropped here, so they never meet another test's tables).
 */
async function onSqlite(run: (db: Kysely<Database>) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imw-integrations-repo-'));
  const db = createDb({ sqliteFile: path.join(dir, 'test.sqlite') });
  try {
    await migrateToLatest(db);
    await run(db);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string, run: (db: Kysely<Database>) => Promise<void>) {
  const name = `imw_integrations_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const db = createDb({ databaseUrl: own.toString() });
  try {
    await migrateToLatest(db);
    await run(db);
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
}

const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

async function exercise(db: Kysely<Database>) {
  const [mine, theirs] = [randomUUID(), randomUUID()];
  for (const id of [mine, theirs]) await insertOrganisation(db, { id, name: `Council ${id.slice(0, 4)}`, created_at: at(0) });

  // Endpoints: every change names the organisation, so another organisation's id changes nothing.
  const endpoint = {
    id: randomUUID(),
    organisation_id: mine,
    url: 'https://cases.example.org/hook',
    secret: 'sealed-1',
    previous_secret: null,
    previous_secret_expires_at: null,
    status: 'active' as const,
    disabled_reason: null,
    created_at: at(1),
  };
  await insertEndpoint(db, endpoint);
  expect(await listEndpoints(db, theirs)).toEqual([]);
  expect(await findEndpoint(db, theirs, endpoint.id)).toBeUndefined();
  const secrets = { secret: 'sealed-2', previous_secret: 'sealed-1', previous_secret_expires_at: at(59) };
  expect(await updateEndpointSecrets(db, theirs, endpoint.id, secrets)).toBe(false);
  expect(await updateEndpointSecrets(db, mine, endpoint.id, secrets)).toBe(true);
  expect(await setEndpointStatus(db, theirs, endpoint.id, 'disabled', 'no')).toBe(false);
  expect(await setEndpointStatus(db, mine, endpoint.id, 'disabled', 'It answered 410.')).toBe(true);
  expect(await findEndpoint(db, mine, endpoint.id)).toMatchObject({ ...secrets, status: 'disabled', disabled_reason: 'It answered 410.' });
  expect(await deleteEndpoint(db, theirs, endpoint.id)).toBe(false);
  expect(await deleteEndpoint(db, mine, endpoint.id)).toBe(true);
  expect(await listEndpoints(db, mine)).toEqual([]);

  // Tokens: found by hash until revoked, and revoked only by their own organisation.
  const token = {
    id: randomUUID(),
    organisation_id: mine,
    token_hash: randomUUID(),
    label: 'Case system',
    created_at: at(2),
    last_used_at: null,
    revoked_at: null,
  };
  await insertApiToken(db, token);
  expect((await findWorkingApiToken(db, token.token_hash))?.id).toBe(token.id);
  await touchApiToken(db, token.id, at(3));
  expect((await listApiTokens(db, mine))[0]?.last_used_at).toBe(at(3));
  expect(await revokeApiToken(db, theirs, token.id, at(4))).toBe(false);
  expect(await revokeApiToken(db, mine, token.id, at(4))).toBe(true);
  expect(await findWorkingApiToken(db, token.token_hash)).toBeUndefined();
  expect(await listApiTokens(db, mine)).toEqual([]);

  // Shares: pages in (created_at, id) order after a key, each with its newest version and consent.
  const worker = randomUUID();
  await insertAccount(db, {
    id: worker,
    role: 'worker',
    username: null,
    email: `${worker}@x.example`,
    display_name: 'W',
    password_hash: null,
    organisation_id: mine,
    language: 'en',
    created_at: at(0),
  });
  const share = (id: string, createdAt: string, organisationId = mine): Share => ({
    id,
    adult_id: null,
    worker_id: worker,
    organisation_id: organisationId,
    sections: 'about-me',
    include_team: 0,
    include_new_versions: 1,
    until: null,
    purpose: 'safeguarding-support',
    status: 'active',
    created_at: createdAt,
    ended_at: null,
    urgent_at: null,
  });
  // Two made in the same millisecond: the id decides between them.
  const ids = ['b0000000-0000-4000-8000-000000000000', 'a0000000-0000-4000-8000-000000000000', 'c0000000-0000-4000-8000-000000000000'];
  await insertShare(db, share(ids[0]!, at(10)));
  await insertShare(db, share(ids[1]!, at(10)));
  await insertShare(db, share(ids[2]!, at(11)));
  await insertShare(db, share(randomUUID(), at(5), theirs));
  for (const number of [1, 2]) {
    await insertShareVersion(db, {
      id: randomUUID(),
      share_id: ids[2]!,
      version_number: number,
      snapshot: 'x',
      created_at: at(11 + number),
    });
  }
  await insertConsentRecord(db, {
    id: randomUUID(),
    share_id: ids[2]!,
    action: 'changed',
    sections: 'about-me',
    include_team: 0,
    include_new_versions: 1,
    until: null,
    purpose: 'safeguarding-support',
    at: at(20),
  });

  const first = await listOrganisationSharesPage(db, mine, null, 2);
  expect(first.map((r) => r.id)).toEqual([ids[1], ids[0]]);
  const rest = await listOrganisationSharesPage(db, mine, { createdAt: first[1]!.created_at, id: first[1]!.id }, 2);
  expect(rest.map((r) => r.id)).toEqual([ids[2]]);
  expect(rest[0]).toMatchObject({ latest_version: 2, latest_version_at: at(13), latest_consent_at: at(20) });
  expect(first[0]).toMatchObject({ latest_version: null, latest_version_at: null, latest_consent_at: null });

  expect((await findOrganisationShare(db, mine, ids[0]!))?.id).toBe(ids[0]);
  expect(await findOrganisationShare(db, theirs, ids[0]!)).toBeUndefined();
}

describe('integration queries', () => {
  it('run on SQLite', async () => {
    await onSqlite(exercise);
  });

  const url = process.env.TEST_DATABASE_URL;
  it.skipIf(!url)('run on PostgreSQL', async () => {
    await onPostgres(url!, exercise);
  });
});
