// @vitest-environment node
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../db/schema';
// Type-only imports load nothing: the modules themselves are imported in beforeAll, after the environment is set.
import type * as DbModule from '~/utils/db.server';
import type * as SharesModule from './sharing/shares.server';
import type * as StoreModule from './statement/store.server';
import type * as RightsModule from './rights.server';
import { emptyAnswer, type Answer } from './statement/answers';
import { freshTestDatabase } from '../../tests/fixtures/test-database';

let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let db: typeof DbModule;
let store: typeof StoreModule;
let shares: typeof SharesModule;
let rights: typeof RightsModule;
let adult: Account;
let other: Account;
let worker: Account;
let keptShareId: string;
let earlierShareId: string;

// Words only the adult wrote, one for each place words are kept.
const words = {
  name: 'Rights-Person Zebedee',
  communication: 'Please write things down for me',
  notToldWho: 'My cousin Bartholomew',
  notToldWhy: 'He borrows my bank card',
  changed: 'Later I wanted my flat back',
  draftOnly: 'Only in the draft, never confirmed',
  reply: 'Thank you, I will phone on Tuesday',
};
const otherWords = 'The other person’s own private words';
const secrets = {
  password: 'correct horse battery',
  sessionId: 'session-token-hash-of-the-adult',
  publicKey: 'passkey-public-key-of-the-adult',
};

function answer(overrides: Partial<Answer>): Answer {
  return emptyAnswer({ language: 'en', by: 'self', now: '2026-12-01T10:00:00.000Z' }, overrides);
}

async function shareWith(adultId: string, sections: string[], includeNewVersions: boolean) {
  const { code } = await shares.createConnectionCode(worker);
  const outcome = await shares.shareWithWorker(adultId, code, { sections, includeTeam: false, includeNewVersions, until: null });
  if (!outcome.ok) throw new Error(`share failed: ${outcome.reason}`);
  return outcome.shareId;
}

beforeAll(async () => {
  database = await freshTestDatabase('rights');
  db = await import('~/utils/db.server');
  store = await import('./statement/store.server');
  shares = await import('./sharing/shares.server');
  rights = await import('./rights.server');
  const { migrateToLatest } = await import('~/utils/migrate.server');
  const { createAdultWithPassword } = await import('./accounts.server');
  const { insertAccount } = await import('../../db/repositories/accounts');
  const { insertOrganisation } = await import('../../db/repositories/organisations');
  const { insertPasskey } = await import('../../db/repositories/passkeys');
  const { insertSession } = await import('../../db/repositories/sessions');
  await migrateToLatest(db.getDb());
  store.resetKeyring();

  const now = new Date().toISOString();
  await insertOrganisation(db.getDb(), { id: 'org-rights', name: 'Rights Council', created_at: now });
  worker = {
    id: 'worker-rights',
    role: 'worker',
    username: null,
    email: 'worker@rights.example',
    display_name: 'Wendy Worker',
    password_hash: null,
    organisation_id: 'org-rights',
    language: 'en',
    created_at: now,
    job_title: 'Safeguarding worker',
    team: 'North',
    totp_secret: null,
    setup_token: null,
    setup_expires_at: null,
  };
  await insertAccount(db.getDb(), worker);
  adult = (await createAdultWithPassword('rights-adult', secrets.password, 'cy'))!;
  other = (await createAdultWithPassword('rights-other', secrets.password, 'en'))!;
  await insertSession(db.getDb(), {
    id: secrets.sessionId,
    account_id: adult.id,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    device: 'Firefox, Android',
  });
  await insertPasskey(db.getDb(), {
    id: 'passkey-credential-of-the-adult',
    account_id: adult.id,
    public_key: secrets.publicKey,
    counter: 0,
    transports: 'internal',
    created_at: now,
    last_used_at: null,
  });

  // Version 1, shared; then a change and version 2, which the share takes too.
  await store.saveAnswer(adult.id, 'name', answer({ text: words.name }));
  await store.saveAnswer(adult.id, 'communication', answer({ codes: ['speaking'], text: words.communication }));
  await store.saveAnswer(adult.id, 'notTold', answer({ text: words.notToldWho, reason: words.notToldWhy }));
  expect(await store.confirmVersion(adult.id, 'en')).toBe(1);
  keptShareId = await shareWith(adult.id, ['about-me', 'people'], true);
  earlierShareId = await shareWith(adult.id, ['about-me'], false);
  expect(await shares.withdrawShare(adult.id, earlierShareId)).toBe(true);
  await store.saveAnswer(
    adult.id,
    'outcomes',
    answer({ codes: ['stay-in-my-home'], mostImportant: ['stay-in-my-home'], text: words.changed }),
  );
  expect(await store.confirmVersion(adult.id, 'en')).toBe(2);
  await store.saveAnswer(adult.id, 'anythingElse', answer({ text: words.draftOnly }));
  expect((await shares.openForWorker(worker, keptShareId))?.kind).toBe('open');
  expect(await shares.replyToShare(worker, keptShareId, words.reply)).toBe(true);

  await store.saveAnswer(other.id, 'name', answer({ text: otherWords }));
  expect(await store.confirmVersion(other.id, 'en')).toBe(1);
  await shareWith(other.id, ['about-me'], false);
});

afterAll(async () => {
  await database?.close(db);
});

/** Every row of every table, as text, to look for what must be gone. */
async function everyRow(): Promise<{ table: string; row: string }[]> {
  const rows: { table: string; row: string }[] = [];
  for (const table of await db.getDb().introspection.getTables()) {
    const found = await (db.getDb() as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .selectFrom(table.name)
      .selectAll()
      .execute();
    for (const row of found) rows.push({ table: table.name, row: JSON.stringify(row) });
  }
  return rows;
}

// The tests run in order: the copy first, then the deletion of the same account.
describe('the adult’s data rights', () => {
  it('gives a copy with every answer, every version, every share, consent record, reading and reply', async () => {
    const everything = (await rights.everythingAbout(adult.id))!;
    expect(everything.account).toMatchObject({ username: 'rights-adult', language: 'cy', passwordSet: true });
    expect(everything.account.sessions).toEqual([expect.objectContaining({ device: 'Firefox, Android' })]);
    expect(everything.account.passkeys).toHaveLength(1);

    expect(everything.draft.answers.anythingElse?.text).toBe(words.draftOnly);
    expect(everything.draft.answers.outcomes?.text).toBe(words.changed);
    expect(everything.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(everything.versions[1]!.answers.notTold).toMatchObject({ text: words.notToldWho, reason: words.notToldWhy });
    expect(everything.versions[1]!.answers.outcomes).toBeUndefined();
    expect(everything.versions[0]!.answers.outcomes?.text).toBe(words.changed);

    const text = JSON.stringify(everything);
    for (const value of Object.values(words)) expect(text).toContain(value);

    expect(everything.shares).toHaveLength(2);
    const kept = everything.shares.find((s) => s.reference === keptShareId.slice(0, 8).toUpperCase())!;
    expect(kept).toMatchObject({
      worker: { name: 'Wendy Worker', jobTitle: 'Safeguarding worker', team: 'North', organisation: 'Rights Council' },
      sections: ['about-me', 'people'],
      status: 'active',
      versionsShared: [2, 1],
    });
    expect(kept.access.map((a) => [a.action, a.who])).toContainEqual(['opened', 'Wendy Worker']);
    expect(kept.replies).toEqual([expect.objectContaining({ from: 'Wendy Worker', body: words.reply, read: false })]);
    expect(kept.consentRecords.map((r) => r.action)).toEqual(['given']);
    const earlier = everything.shares.find((s) => s !== kept)!;
    expect(earlier.status).toBe('withdrawn');
    expect(earlier.consentRecords.map((r) => r.action)).toEqual(['given', 'withdrawn']);
    expect(earlier.consentRecords[0]).toMatchObject({ sections: ['about-me'], purpose: 'safeguarding-support' });
  });

  it('never puts a secret or another person’s words in the copy', async () => {
    const text = JSON.stringify(await rights.everythingAbout(adult.id));
    const hash = (await db.getDb().selectFrom('account').select('password_hash').where('id', '=', adult.id).executeTakeFirstOrThrow())
      .password_hash!;
    for (const secret of [hash, secrets.password, secrets.sessionId, secrets.publicKey, 'passkey-credential-of-the-adult', adult.id]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(otherWords);
    expect(text).not.toContain('rights-other');
  });

  it('gives no copy of a worker, or of an account that does not exist', async () => {
    expect(await rights.everythingAbout(worker.id)).toBeNull();
    expect(await rights.everythingAbout('no-such-account')).toBeNull();
  });

  it('refuses to delete a worker’s account', async () => {
    expect(await rights.deleteAdult(worker.id)).toBe(false);
    expect(await db.getDb().selectFrom('account').select('id').where('id', '=', worker.id).executeTakeFirst()).toBeDefined();
  });

  it('deletes the account: every share withdrawn, their content gone, and no row holds the person’s id', async () => {
    const before = new Date().toISOString();
    expect(await rights.deleteAdult(adult.id)).toBe(true);

    const leftovers = (await everyRow()).filter(({ row }) => row.includes(adult.id) || row.includes('rights-adult'));
    expect(leftovers).toEqual([]);
    for (const shareId of [keptShareId, earlierShareId]) {
      const content = [
        ...(await db.getDb().selectFrom('share_version').select('id').where('share_id', '=', shareId).execute()),
        ...(await db.getDb().selectFrom('reply').select('id').where('share_id', '=', shareId).execute()),
      ];
      expect(content, shareId).toEqual([]);
      const share = await db.getDb().selectFrom('share').selectAll().where('id', '=', shareId).executeTakeFirstOrThrow();
      expect(share).toMatchObject({ adult_id: null, status: 'withdrawn' });
    }

    // The share that was active gets a 'withdrawn' record dated now, so the worker sees when.
    const records = await db.getDb().selectFrom('consent_record').selectAll().where('share_id', '=', keptShareId).orderBy('at').execute();
    expect(records.map((r) => r.action)).toEqual(['given', 'withdrawn']);
    expect(records[1]!.at >= before).toBe(true);
    expect(await shares.openForWorker(worker, keptShareId)).toMatchObject({ kind: 'ended', status: 'withdrawn' });
    expect((await shares.inboxOf(worker)).map((s) => s.id)).not.toContain(keptShareId);

    // None of the person's words can be read anywhere, encrypted or not.
    const text = (await everyRow()).map((r) => r.row).join('\n');
    for (const value of Object.values(words)) expect(text).not.toContain(value);
    expect(await rights.everythingAbout(adult.id)).toBeNull();
    expect(await store.versionsOf(adult.id)).toEqual([]);
    expect(await store.loadDraft(adult.id)).toEqual({});
  });

  it('leaves everyone else as they were, and a second deletion does nothing', async () => {
    expect(await rights.deleteAdult(adult.id)).toBe(false);
    const theirs = (await rights.everythingAbout(other.id))!;
    expect(theirs.versions[0]!.answers.name?.text).toBe(otherWords);
    expect(theirs.shares.map((s) => s.status)).toEqual(['active']);
    expect(await db.getDb().selectFrom('account').select('id').where('id', '=', worker.id).executeTakeFirst()).toBeDefined();
  });
});
