import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as StoreModule from '~/domain/statement/store.server';
import type * as CryptoModule from '~/utils/crypto.server';
import type * as DbModule from '~/utils/db.server';

// The command, run as an operator would, against a real database with statements in it.
let dir: string;
let store: typeof StoreModule;
let crypto: typeof CryptoModule;
let db: typeof DbModule;
let accountId: string;
const saved = { SQLITE_FILE: process.env.SQLITE_FILE, DATA_DIR: process.env.DATA_DIR, KEYS: process.env.DATA_ENCRYPTION_KEYS };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imw-rotate-'));
  process.env.SQLITE_FILE = path.join(dir, 'test.sqlite');
  process.env.DATA_DIR = dir;
  delete process.env.DATA_ENCRYPTION_KEYS;
  vi.resetModules();
  store = await import('~/domain/statement/store.server');
  crypto = await import('~/utils/crypto.server');
  db = await import('~/utils/db.server');
  await (await import('~/utils/migrate.server')).migrateToLatest(db.getDb());
  const account = await (await import('~/domain/accounts.server')).createAdultWithPassword('rotating-person', 'a long password', 'en');
  accountId = account!.id;
});

afterAll(async () => {
  await db.getDb().destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, value] of Object.entries({
    SQLITE_FILE: saved.SQLITE_FILE,
    DATA_DIR: saved.DATA_DIR,
    DATA_ENCRYPTION_KEYS: saved.KEYS,
  })) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
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
