import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, vi } from 'vitest';
import { insertAccount } from '../../db/repositories/accounts';
import { insertOrganisation } from '../../db/repositories/organisations';
import type { Account } from '../../db/schema';
// Type-only imports load nothing: the modules are imported in beforeAll, after the environment is set.
import type * as DbModule from '~/utils/db.server';
import { openTestDatabase, type TestDatabase } from '../../tests/fixtures/test-database';

/**
 * A fresh database (SQLite, or PostgreSQL in the `postgres` test project) for one test file of the integration modules
 * (endpoints, tokens, pull), with helpers that make organisations and people in it. Each test
 * makes its own organisation, so the tests share one database without seeing each other's rows.
 */
export function temporaryIntegrationDatabase(prefix: string) {
  const saved = {
    SQLITE_FILE: process.env.SQLITE_FILE,
    DATA_DIR: process.env.DATA_DIR,
    DATA_ENCRYPTION_KEYS: process.env.DATA_ENCRYPTION_KEYS,
    DATABASE_URL: process.env.DATABASE_URL,
    DELIVERY_COPY: process.env.DELIVERY_COPY,
  };
  let database: TestDatabase | null = null;
  const handle = { db: null as unknown as typeof DbModule };

  beforeAll(async () => {
    database = await openTestDatabase(prefix);
    // The modules read these when they load, so they are set first and the modules loaded afresh.
    delete process.env.SQLITE_FILE;
    delete process.env.DATABASE_URL;
    Object.assign(process.env, database.env);
    // A Bundle's printable copy would need Chromium; these tests are about who may read what.
    process.env.DELIVERY_COPY = 'none';
    delete process.env.DATA_ENCRYPTION_KEYS;
    const global = globalThis as { __db?: unknown; __raw?: unknown };
    delete global.__db;
    delete global.__raw;
    vi.resetModules();
    handle.db = await import('~/utils/db.server');
    const { migrateToLatest } = await import('~/utils/migrate.server');
    await migrateToLatest(handle.db.getDb());
  }, 60_000);

  afterAll(async () => {
    await handle.db?.getDb().destroy();
    // Forget the handle kept on globalThis, so nothing else in this worker uses the closed database.
    const global = globalThis as { __db?: unknown; __raw?: unknown };
    delete global.__db;
    delete global.__raw;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await database?.drop();
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
