import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { insertAccount } from '../../db/repositories/accounts';
import { insertOrganisation } from '../../db/repositories/organisations';
import type { Account } from '../../db/schema';
// Type-only imports load nothing: the modules are imported in beforeAll, after the environment is set.
import type * as DbModule from '~/utils/db.server';
import { freshTestDatabase } from '../../tests/fixtures/test-database';

/**
 * A fresh database (SQLite, or PostgreSQL in the `postgres` test project) for one test file of the integration modules
 * (endpoints, tokens, pull), with helpers that make organisations and people in it. Each test
 * makes its own organisation, so the tests share one database without seeing each other's rows.
 */
export function temporaryIntegrationDatabase(prefix: string) {
  const savedCopy = process.env.DELIVERY_COPY;
  let database: Awaited<ReturnType<typeof freshTestDatabase>> | null = null;
  const handle = { db: null as unknown as typeof DbModule };

  beforeAll(async () => {
    database = await freshTestDatabase(prefix);
    // A Bundle's printable copy would need Chromium; these tests are about who may read what.
    process.env.DELIVERY_COPY = 'none';
    handle.db = await import('~/utils/db.server');
    const { migrateToLatest } = await import('~/utils/migrate.server');
    await migrateToLatest(handle.db.getDb());
  }, 60_000);

  afterAll(async () => {
    if (savedCopy === undefined) delete process.env.DELIVERY_COPY;
    else process.env.DELIVERY_COPY = savedCopy;
    await database?.close(handle.db ?? undefined);
  });

  const getDb = () => handle.db.getDb();

  async function makeOrganisation(): Promise<string> {
    const id = randomUUID();
    await insertOrganisation(getDb(), { id, name: `Council ${id.slice(0, 4)}`, created_at: new Date().toISOString() });
    return id;
  }

  async function makeAccount(role: Account['role'], organisationId: string | null): Promise<Account> {
    const id = randomUUID();
    const account: Account = {
      id,
      role,
      username: role === 'adult' ? `adult-${id}` : null,
      email: role === 'adult' ? null : `${id}@council.example`,
      display_name: role === 'adult' ? 'Jo' : 'Wendy Worker',
      password_hash: null,
      organisation_id: organisationId,
      language: 'en',
      created_at: new Date().toISOString(),
      job_title: role === 'worker' ? 'Social worker' : '',
      team: role === 'worker' ? 'North' : '',
      totp_secret: null,
      setup_token: null,
      setup_expires_at: null,
    };
    await insertAccount(getDb(), account);
    return account;
  }

  return { getDb, makeOrganisation, makeAccount };
}
