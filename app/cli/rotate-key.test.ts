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

  it('keeps a write a running server made with the old key after re-encryption, and refuses to remove that key while it is used', async () => {
    const { emptyAnswer } = await import('~/domain/statement/answers');
    const rotation = await import('~/utils/key-rotation.server');
    const { dataDir } = database;
    const answer = (text: string) => emptyAnswer({ language: 'en', by: 'self', now: new Date().toISOString() }, { text });
    const draftKey = async () =>
      crypto.keyIdOf(
        (await db.getDb().selectFrom('statement_draft').select('answers').where('account_id', '=', accountId).executeTakeFirstOrThrow())
          .answers,
      );

    const oldKeyring = crypto.loadKeyring({ dataDir });
    const { newKeyId } = crypto.rotateKeyFile(dataDir);
    // This process loaded its keys before the rotation; its very next write uses the new key, with no restart.
    await store.saveAnswer(accountId, 'anythingElse', answer('written after the new key was added'));
    expect(await draftKey()).toBe(newKeyId);

    await rotation.reencryptAll(db.getDb(), crypto.loadKeyring({ dataDir }));
    // A server that read the keys just before the rotation writes with the old key after re-encryption finished.
    const late = JSON.stringify({ anythingElse: answer('a late write with the old key') });
    await db
      .getDb()
      .updateTable('statement_draft')
      .set({ answers: crypto.encryptText(oldKeyring, late, accountId) })
      .where('account_id', '=', accountId)
      .execute();
    expect(await draftKey()).toBe(oldKeyring.current.id);
    expect((await store.loadDraft(accountId)).anythingElse?.text).toBe('a late write with the old key');

    const refused = await rotation.retireOldKeyFile(db.getDb(), dataDir);
    expect(refused).toEqual({ ok: false, stillUsed: { 'statement_draft.answers': 1 } });
    expect(crypto.loadKeyring({ dataDir }).all.has(oldKeyring.current.id)).toBe(true);
    store.resetKeyring();
    expect((await store.loadDraft(accountId)).anythingElse?.text).toBe('a late write with the old key');

    // Re-encrypted once more, nothing needs the old keys, and they go.
    await rotation.reencryptAll(db.getDb(), crypto.loadKeyring({ dataDir }));
    const retired = await rotation.retireOldKeyFile(db.getDb(), dataDir);
    expect(retired.ok).toBe(true);
    expect([...crypto.loadKeyring({ dataDir }).all.keys()]).toEqual([newKeyId]);
    expect((await store.loadDraft(accountId)).anythingElse?.text).toBe('a late write with the old key');
    expect((await store.versionOf(accountId, 1))?.answers.anythingElse?.text).toBe('میری بات سنیں');
  });

  it('refuses --remove-old-keys from the command line while a value needs an old key', async () => {
    const { dataDir } = database;
    const oldKeyring = crypto.loadKeyring({ dataDir });
    crypto.rotateKeyFile(dataDir);
    const run = () => {
      try {
        return {
          code: 0,
          output: execFileSync('npx', ['tsx', 'app/cli/rotate-key.ts', '--remove-old-keys'], {
            env: { ...process.env },
            encoding: 'utf8',
            stdio: 'pipe',
          }),
        };
      } catch (error) {
        const failed = error as { status: number; stderr: string };
        return { code: failed.status, output: failed.stderr };
      }
    };
    const refused = run();
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Refused/);
    expect(crypto.loadKeyring({ dataDir }).all.has(oldKeyring.current.id)).toBe(true);
  }, 60_000);
});
