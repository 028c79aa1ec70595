import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as StoreModule from '~/domain/statement/store.server';
import type * as CryptoModule from '~/utils/crypto.server';
import type * as DbModule from '~/utils/db.server';
import { freshTestDatabase } from '../../tests/fixtures/test-database';

// The command, run as an operator would, against a real database with statements in it.
let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let store: typeof StoreModule;
let crypto: typeof CryptoModule;
let db: typeof DbModule;
let accountId: string;

beforeAll(async () => {
  database = await freshTestDatabase('rotate');
  store = await import('~/domain/statement/store.server');
  crypto = await import('~/utils/crypto.server');
  db = await import('~/utils/db.server');
  await (await import('~/utils/migrate.server')).migrateToLatest(db.getDb());
  const account = await (await import('~/domain/accounts.server')).createAdultWithPassword('rotating-person', 'a long password', 'en');
  accountId = account!.id;
});

afterAll(async () => {
  await database?.close(db);
});

describe('npm run keys:rotate', () => {
  it('moves every stored statement to a new key, and nothing is lost', async () => {
    const { emptyAnswer } = await import('~/domain/statement/answers');
    await store.saveAnswer(
      accountId,
      'anythingElse',
      emptyAnswer({ language: 'ur', by: 'self', now: new Date().toISOString() }, { text: 'میری بات سنیں' }),
    );
    expect(await store.confirmVersion(accountId, 'ur')).toBe(1);
    const before = await db.getDb().selectFrom('statement_version').select('snapshot').executeTakeFirstOrThrow();
    const oldKey = crypto.keyIdOf(before.snapshot);

    const output = execFileSync('npx', ['tsx', 'app/cli/rotate-key.ts'], { env: { ...process.env }, encoding: 'utf8' });
    expect(output).toMatch(/Re-encrypted 2 values/);

    const after = await db.getDb().selectFrom('statement_version').select('snapshot').executeTakeFirstOrThrow();
    expect(crypto.keyIdOf(after.snapshot)).not.toBe(oldKey);
    store.resetKeyring();
    expect((await store.versionOf(accountId, 1))?.answers.anythingElse?.text).toBe('میری بات سنیں');
    expect((await store.loadDraft(accountId)).anythingElse?.text).toBe('میری بات سنیں');
  }, 60_000);
});
