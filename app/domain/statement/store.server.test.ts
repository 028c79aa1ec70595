// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// Type-only imports load nothing: the modules themselves are imported in beforeAll, after the environment is set.
import type * as CryptoModule from '~/utils/crypto.server';
import type * as DbModule from '~/utils/db.server';
import { emptyAnswer, type Answer } from './answers';
import type * as StoreModule from './store.server';
import { freshTestDatabase } from '../../../tests/fixtures/test-database';

type Store = typeof StoreModule;
type Crypto = typeof CryptoModule;
type Db = typeof DbModule;

let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let dataDir: string;
let store: Store;
let crypto: Crypto;
let db: Db;
let personA: string;
let personB: string;

beforeAll(async () => {
  database = await freshTestDatabase('store');
  dataDir = database.dataDir;
  store = await import('./store.server');
  crypto = await import('~/utils/crypto.server');
  db = await import('~/utils/db.server');
  const { migrateToLatest } = await import('~/utils/migrate.server');
  const { createAdultWithPassword } = await import('~/domain/accounts.server');
  await migrateToLatest(db.getDb());
  personA = (await createAdultWithPassword('store-person-a', 'correct horse battery', 'en'))!.id;
  personB = (await createAdultWithPassword('store-person-b', 'correct horse battery', 'ur'))!.id;
  expect(personA).toBeTruthy();
  expect(personB).toBeTruthy();
});

afterAll(async () => {
  await database?.close(db);
});

beforeEach(() => {
  store.resetKeyring();
});

function answer(overrides: Partial<Answer> = {}): Answer {
  return emptyAnswer({ language: 'en', by: 'self', now: '2026-12-01T10:00:00.000Z' }, overrides);
}

async function rawDraft(accountId: string) {
  return db.getDb().selectFrom('statement_draft').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
}

async function rawVersion(accountId: string, number: number) {
  return db
    .getDb()
    .selectFrom('statement_version')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
}

async function clearStatement(accountId: string) {
  await db.getDb().deleteFrom('statement_version').where('account_id', '=', accountId).execute();
  await db.getDb().deleteFrom('statement_draft').where('account_id', '=', accountId).execute();
}

// The tests share one database and run in order; each starts from an empty statement.
describe('the statement store', () => {
  beforeEach(async () => {
    await clearStatement(personA);
    await clearStatement(personB);
  });

  it('gives an empty draft to someone who has not started', async () => {
    expect(await store.loadDraft(personA)).toEqual({});
  });

  it('saves answers into the draft and loads them back, keeping every other answer', async () => {
    const name = answer({ text: 'Jo' });
    const outcomes = answer({ codes: ['keep-seeing-someone', 'hurting-stops'], mostImportant: ['hurting-stops'] });
    await store.saveAnswer(personA, 'name', name);
    await store.saveAnswer(personA, 'outcomes', outcomes);
    expect(await store.loadDraft(personA)).toEqual({ name, outcomes });
    const renamed = answer({ text: 'Joanne' });
    await store.saveAnswer(personA, 'name', renamed);
    expect(await store.loadDraft(personA)).toEqual({ name: renamed, outcomes });
    // One person's draft is not another's.
    expect(await store.loadDraft(personB)).toEqual({});
  });

  it('round-trips words in any script', async () => {
    const words = answer({ text: 'میں اپنے گھر میں رہنا چاہتا ہوں۔ আমি বাড়িতে থাকতে চাই 🏠👩‍👧', language: 'ur' });
    await store.saveAnswer(personB, 'anythingElse', words);
    expect((await store.loadDraft(personB)).anythingElse).toEqual(words);
  });

  it('keeps only ciphertext in the database: the draft and the versions', async () => {
    const secret = 'My brother takes my pension';
    await store.saveAnswer(personA, 'notTold', answer({ text: 'My brother', reason: secret }));
    const draft = await rawDraft(personA);
    expect(draft.answers.startsWith('v1.')).toBe(true);
    expect(draft.answers).not.toContain(secret);
    expect(draft.answers).not.toContain('brother');
    expect(draft.answers).not.toContain('notTold');

    expect(await store.confirmVersion(personA, 'en')).toBe(1);
    const version = await rawVersion(personA, 1);
    expect(version.snapshot.startsWith('v1.')).toBe(true);
    expect(version.snapshot).not.toContain(secret);
    expect(version.snapshot).not.toContain('brother');
  });

  it('numbers the versions 1, 2, 3 for each person, and lists them newest first', async () => {
    await store.saveAnswer(personA, 'name', answer({ text: 'Jo' }));
    expect(await store.confirmVersion(personA, 'en')).toBe(1);
    expect(await store.confirmVersion(personA, 'cy')).toBe(2);
    await store.saveAnswer(personB, 'name', answer({ text: 'Sam' }));
    expect(await store.confirmVersion(personB, 'ur')).toBe(1);
    expect(await store.confirmVersion(personA, 'en')).toBe(3);
    expect((await store.versionsOf(personA)).map((v) => [v.number, v.language])).toEqual([
      [3, 'en'],
      [2, 'cy'],
      [1, 'en'],
    ]);
    expect((await store.versionsOf(personB)).map((v) => v.number)).toEqual([1]);
  });

  it('freezes a version: changing the draft afterwards does not change it', async () => {
    const first = answer({ text: 'Jo' });
    await store.saveAnswer(personA, 'name', first);
    expect(await store.confirmVersion(personA, 'en')).toBe(1);

    const second = answer({ text: 'Joanne' });
    await store.saveAnswer(personA, 'name', second);
    await store.saveAnswer(personA, 'anythingElse', answer({ text: 'Added later' }));

    const version1 = await store.versionOf(personA, 1);
    expect(version1).toMatchObject({ number: 1, language: 'en', answers: { name: first } });
    expect(Object.keys(version1!.answers)).toEqual(['name']);
    expect((await store.loadDraft(personA)).name).toEqual(second);

    expect(await store.confirmVersion(personA, 'en')).toBe(2);
    expect((await store.versionOf(personA, 2))?.answers.name).toEqual(second);
    expect((await store.versionOf(personA, 1))?.answers.name).toEqual(first);
  });

  it('does not show one person another person’s version, or a version that does not exist', async () => {
    await store.saveAnswer(personA, 'name', answer({ text: 'Jo' }));
    expect(await store.confirmVersion(personA, 'en')).toBe(1);
    expect(await store.versionOf(personB, 1)).toBeNull();
    expect(await store.versionOf(personA, 2)).toBeNull();
    expect(await store.versionOf(personA, 0)).toBeNull();
    expect(await store.versionOf(personA, -1)).toBeNull();
    expect(await store.versionOf(personA, 1.5)).toBeNull();
    expect(await store.versionOf(personA, Number.NaN)).toBeNull();
  });

  it('binds each value to its account: a draft copied into another person’s row does not decrypt', async () => {
    await store.saveAnswer(personA, 'notTold', answer({ text: 'My brother' }));
    await store.saveAnswer(personB, 'name', answer({ text: 'Sam' }));
    const stolen = (await rawDraft(personA)).answers;
    await db.getDb().updateTable('statement_draft').set({ answers: stolen }).where('account_id', '=', personB).execute();
    await expect(store.loadDraft(personB)).rejects.toThrow(/Cannot decrypt/);
    // A's own draft still reads.
    expect((await store.loadDraft(personA)).notTold?.text).toBe('My brother');
  });

  it('binds each version to its account too', async () => {
    await store.saveAnswer(personA, 'name', answer({ text: 'Jo' }));
    await store.saveAnswer(personB, 'name', answer({ text: 'Sam' }));
    await store.confirmVersion(personA, 'en');
    await store.confirmVersion(personB, 'en');
    const stolen = (await rawVersion(personA, 1)).snapshot;
    await db
      .getDb()
      .updateTable('statement_version')
      .set({ snapshot: stolen })
      .where('account_id', '=', personB)
      .where('number', '=', 1)
      .execute();
    await expect(store.versionOf(personB, 1)).rejects.toThrow(/Cannot decrypt/);
  });

  it('makes no version from an empty draft', async () => {
    expect(await store.confirmVersion(personA, 'en')).toBeNull();
    expect(await store.versionsOf(personA)).toEqual([]);
  });

  it('after a key rotation, still reads old values and writes new ones with the new key', async () => {
    const before = answer({ text: 'Written before the rotation' });
    await store.saveAnswer(personA, 'name', before);
    expect(await store.confirmVersion(personA, 'en')).toBe(1);
    const oldKeyId = crypto.keyIdOf((await rawDraft(personA)).answers);
    expect(crypto.keyIdOf((await rawVersion(personA, 1)).snapshot)).toBe(oldKeyId);

    const { newKeyId } = crypto.rotateKeyFile(dataDir);
    expect(newKeyId).not.toBe(oldKeyId);
    store.resetKeyring();

    // Old values still load with the old key, kept in the key file.
    expect((await store.loadDraft(personA)).name).toEqual(before);
    expect((await store.versionOf(personA, 1))?.answers.name).toEqual(before);

    // New values use the new key.
    const after = answer({ text: 'Written after the rotation' });
    await store.saveAnswer(personA, 'anythingElse', after);
    expect(crypto.keyIdOf((await rawDraft(personA)).answers)).toBe(newKeyId);
    expect(await store.confirmVersion(personA, 'en')).toBe(2);
    expect(crypto.keyIdOf((await rawVersion(personA, 2)).snapshot)).toBe(newKeyId);
    expect(crypto.keyIdOf((await rawVersion(personA, 1)).snapshot)).toBe(oldKeyId);
    expect(await store.loadDraft(personA)).toEqual({ name: before, anythingElse: after });
  });

  it('reads a value written with a newer key even if this process loaded the keys before the rotation', async () => {
    await store.saveAnswer(personA, 'name', answer({ text: 'Jo' }));
    // Another process rotates the keys and writes with the new key; this one still has the old keyring loaded.
    const { newKeyId } = crypto.rotateKeyFile(dataDir);
    const newer = crypto.encryptText(
      crypto.loadKeyring({ dataDir, env: { NODE_ENV: 'test' } }),
      JSON.stringify({ name: answer({ text: 'Jo from another process' }) }),
      personA,
    );
    expect(crypto.keyIdOf(newer)).toBe(newKeyId);
    await db.getDb().updateTable('statement_draft').set({ answers: newer }).where('account_id', '=', personA).execute();
    expect((await store.loadDraft(personA)).name?.text).toBe('Jo from another process');
  });
});
