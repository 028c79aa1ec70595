// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../../db/repositories/accounts';
import { insertOrganisation } from '../../../db/repositories/organisations';
import { listConsentRecords } from '../../../db/repositories/sharing';
import type { Account } from '../../../db/schema';
import { freshTestDatabase } from '../../../tests/fixtures/test-database';
// Type-only imports load nothing: the modules themselves are imported in beforeAll, after the environment is set.
import type * as DbModule from '~/utils/db.server';
import type * as SealedModule from '../sealed.server';
import { emptyAnswer } from '../statement/answers';
import type * as StoreModule from '../statement/store.server';
import { formatCode, hashCode, normaliseCode } from './codes';
import { sharePurpose, stillLasts, type ShareTerms } from './consent';
import type * as SharesModule from './shares.server';
import type { Bundle, Consent } from '~/delivery/fhir-types';
import type * as PayloadModule from '~/delivery/payload.server';

let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let db: typeof DbModule;
let sealed: typeof SealedModule;
let store: typeof StoreModule;
let shares: typeof SharesModule;
let payload: typeof PayloadModule;

beforeAll(async () => {
  database = await freshTestDatabase('shares');
  db = await import('~/utils/db.server');
  sealed = await import('../sealed.server');
  store = await import('../statement/store.server');
  shares = await import('./shares.server');
  payload = await import('~/delivery/payload.server');
  const { migrateToLatest } = await import('~/utils/migrate.server');
  await migrateToLatest(db.getDb());
}, 60_000);

afterAll(async () => {
  await database?.close(db);
});

beforeEach(() => {
  store.resetKeyring();
});

/* ---------------------------------------------------------------- helpers */

// Words only the adult wrote, one for each section used below. Each test makes its own people,
// so the tests share one database without seeing each other's rows.
const words = {
  name: 'Shares-Person Philippa', // about-me
  trusted: 'My neighbour Ingrid', // people
  notToldWho: 'My nephew Barnaby', // people
  notToldWhy: 'He takes my pension book', // people
  anythingElse: 'I like my cat Marmalade', // anything-else
};

/** Every section but "people", which holds what the person would least want seen by mistake. */
const notPeople = ['about-me', 'anything-else'];

function terms(overrides: Partial<ShareTerms> = {}): ShareTerms {
  return { sections: ['about-me'], includeTeam: false, includeNewVersions: false, until: null, ...overrides };
}

async function makeOrganisation(helpNumbers = '[]'): Promise<string> {
  const id = randomUUID();
  await insertOrganisation(db.getDb(), {
    id,
    name: `Council ${id.slice(0, 4)}`,
    help_numbers: helpNumbers,
    created_at: new Date().toISOString(),
  });
  return id;
}

async function makeWorker(organisationId: string | null, team: string, name = 'Wendy Worker'): Promise<Account> {
  const id = randomUUID();
  const worker: Account = {
    id,
    role: 'worker',
    username: null,
    email: `${id}@council.example`,
    display_name: name,
    password_hash: null,
    organisation_id: organisationId,
    language: 'en',
    created_at: new Date().toISOString(),
    job_title: 'Social worker',
    team,
    totp_secret: null,
    setup_token: null,
    setup_expires_at: null,
  };
  await insertAccount(db.getDb(), worker);
  return worker;
}

async function makeAdult(): Promise<string> {
  const id = randomUUID();
  await insertAccount(db.getDb(), {
    id,
    role: 'adult',
    username: `adult-${id}`,
    email: null,
    display_name: 'Jo',
    password_hash: null,
    organisation_id: null,
    language: 'en',
    created_at: new Date().toISOString(),
  });
  return id;
}

const at = '2026-12-01T10:00:00.000Z';

/** Writes the answers into the draft and confirms them as the next version. */
async function confirm(adultId: string, changes: { name?: string; anythingElse?: string; notToldWhy?: string } = {}): Promise<number> {
  const a = (overrides: Parameters<typeof emptyAnswer>[1]) => emptyAnswer({ language: 'en', by: 'self', now: at }, overrides);
  await store.saveAnswer(adultId, 'name', a({ text: changes.name ?? words.name }));
  await store.saveAnswer(adultId, 'trusted', a({ text: words.trusted }));
  await store.saveAnswer(adultId, 'notTold', a({ text: words.notToldWho, reason: changes.notToldWhy ?? words.notToldWhy }));
  await store.saveAnswer(adultId, 'anythingElse', a({ text: changes.anythingElse ?? words.anythingElse }));
  const number = await store.confirmVersion(adultId, 'en');
  if (number === null) throw new Error('nothing confirmed');
  return number;
}

/** Shares the adult's newest version with the worker through a fresh code, as the adult would. */
async function share(adultId: string, worker: Account, chosen: Partial<ShareTerms> = {}): Promise<string> {
  const { code } = await shares.createConnectionCode(worker);
  const outcome = await shares.shareWithWorker(adultId, code, terms(chosen));
  if (!outcome.ok) throw new Error(`share failed: ${outcome.reason}`);
  return outcome.shareId;
}

/** An adult with one confirmed version, shared with a worker of a new organisation. */
async function sharedStatement(chosen: Partial<ShareTerms> = {}) {
  const organisationId = await makeOrganisation();
  const worker = await makeWorker(organisationId, 'North');
  const adultId = await makeAdult();
  await confirm(adultId);
  const shareId = await share(adultId, worker, chosen);
  return { organisationId, worker, adultId, shareId };
}

async function rows(table: 'share_version' | 'access_log' | 'reply', shareId: string) {
  return db.getDb().selectFrom(table).selectAll().where('share_id', '=', shareId).execute();
}

async function sharesOf(adultId: string) {
  return db.getDb().selectFrom('share').selectAll().where('adult_id', '=', adultId).execute();
}

async function consentActions(shareId: string) {
  return (await listConsentRecords(db.getDb(), shareId)).map((r) => r.action);
}

/** The snapshots as stored for the worker, decrypted: everything the share holds of the statement. */
async function storedSnapshots(shareId: string) {
  return (await rows('share_version', shareId)).map((r) => sealed.unseal(r.snapshot, shareId));
}

async function openView(worker: Account, shareId: string) {
  const view = await shares.openForWorker(worker, shareId);
  if (view?.kind !== 'open') throw new Error(`expected an open share, got ${JSON.stringify(view)}`);
  return view;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function setUntil(shareId: string, until: string) {
  await db.getDb().updateTable('share').set({ until }).where('id', '=', shareId).execute();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/* ---------------------------------------------------------------- tests */

describe('sharing through a connection code', () => {
  it('writes one share, one snapshot of only the chosen sections and one consent record, and uses the code up', async () => {
    const organisationId = await makeOrganisation();
    const worker = await makeWorker(organisationId, 'North');
    const adultId = await makeAdult();
    await confirm(adultId);
    const { code } = await shares.createConnectionCode(worker);
    // Read aloud and typed loosely: lower case, with the dash and spaces around it.
    const typed = ` ${formatCode(code).toLowerCase()} `;
    const chosen = terms({ sections: notPeople, includeNewVersions: true });

    const outcome = await shares.shareWithWorker(adultId, typed, chosen);
    expect(outcome.ok).toBe(true);
    const shareId = outcome.ok ? outcome.shareId : '';

    const written = await sharesOf(adultId);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      id: shareId,
      worker_id: worker.id,
      organisation_id: organisationId,
      sections: 'about-me,anything-else',
      include_team: 0,
      include_new_versions: 1,
      until: null,
      purpose: sharePurpose,
      status: 'active',
    });

    const [snapshot, ...more] = await storedSnapshots(shareId);
    expect(more).toEqual([]);
    const parsed = JSON.parse(snapshot!) as SharesModule.SharedSnapshot;
    expect(parsed.number).toBe(1);
    expect(Object.keys(parsed.answers).sort()).toEqual(['anythingElse', 'name']);
    expect(parsed.answers.name?.text).toBe(words.name);
    // Nothing from the section the person did not choose, not even the question's name.
    for (const secret of [words.trusted, words.notToldWho, words.notToldWhy, 'notTold', 'trusted']) expect(snapshot).not.toContain(secret);
    // And it is stored encrypted.
    const [raw] = await rows('share_version', shareId);
    expect(raw!.snapshot).not.toContain(words.name);

    const records = await listConsentRecords(db.getDb(), shareId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'given',
      sections: 'about-me,anything-else',
      include_new_versions: 1,
      purpose: sharePurpose,
    });

    // The code works once.
    expect(await shares.shareWithWorker(adultId, code, chosen)).toEqual({ ok: false, reason: 'used' });
    expect(await sharesOf(adultId)).toHaveLength(1);
    expect(await shares.openCodesOf(worker)).toEqual([]);
  });

  it('says "no-version" to a person with nothing confirmed, and leaves the code usable', async () => {
    const worker = await makeWorker(await makeOrganisation(), 'North');
    const adultId = await makeAdult();
    const { code } = await shares.createConnectionCode(worker);

    expect(await shares.shareWithWorker(adultId, code, terms())).toEqual({ ok: false, reason: 'no-version' });
    expect(await sharesOf(adultId)).toEqual([]);
    expect((await shares.lookUpCode(code)).status).toBe('ok');
    expect(await shares.openCodesOf(worker)).toHaveLength(1);

    // Once they confirm a version, the same code works.
    await confirm(adultId);
    expect((await shares.shareWithWorker(adultId, code, terms())).ok).toBe(true);
  });

  it('refuses an expired code, a mistyped code and a code nobody made', async () => {
    const worker = await makeWorker(await makeOrganisation(), 'North');
    const adultId = await makeAdult();
    await confirm(adultId);
    const { code } = await shares.createConnectionCode(worker);
    await db
      .getDb()
      .updateTable('connection_code')
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where('code_hash', '=', hashCode(normaliseCode(code)))
      .execute();

    expect(await shares.shareWithWorker(adultId, code, terms())).toEqual({ ok: false, reason: 'expired' });
    expect(await shares.shareWithWorker(adultId, 'ACDE-347', terms())).toEqual({ ok: false, reason: 'mistyped' });
    // 0, O, 1 and I are never in a code: they cannot be told apart when read aloud.
    expect(await shares.shareWithWorker(adultId, 'O0I1-ACDE', terms())).toEqual({ ok: false, reason: 'mistyped' });
    expect(await shares.shareWithWorker(adultId, 'ACDE-3479', terms())).toEqual({ ok: false, reason: 'unknown' });
    expect(await sharesOf(adultId)).toEqual([]);
  });

  it('refuses a code whose worker has no organisation, writing nothing', async () => {
    const worker = await makeWorker(null, '');
    const adultId = await makeAdult();
    await confirm(adultId);
    const { code } = await shares.createConnectionCode(worker);

    expect(await shares.shareWithWorker(adultId, code, terms())).toEqual({ ok: false, reason: 'unknown' });
    expect(await sharesOf(adultId)).toEqual([]);
    expect(await shares.openCodesOf(worker)).toHaveLength(1);
  });
});

describe('sharing is all or nothing', () => {
  /** How many rows a share writes, in the whole database: a failed share must leave these as they were. */
  async function totals() {
    const count = async (table: 'share' | 'share_version' | 'consent_record') =>
      (await db.getDb().selectFrom(table).select('id').execute()).length;
    return { shares: await count('share'), versions: await count('share_version'), consent: await count('consent_record') };
  }

  async function expectNothingWritten(before: Awaited<ReturnType<typeof totals>>, adultId: string, worker: Account, code: string) {
    expect(await totals()).toEqual(before);
    expect(await sharesOf(adultId)).toEqual([]);
    // The code was not used up: the worker still lists it, and it still leads to them.
    expect(await shares.openCodesOf(worker)).toHaveLength(1);
    expect((await shares.lookUpCode(code)).status).toBe('ok');
  }

  it('writes nothing and keeps the code when the version cannot be read part-way through', async () => {
    const worker = await makeWorker(await makeOrganisation(), 'North');
    const adultId = await makeAdult();
    const otherId = await makeAdult();
    await confirm(adultId);
    await confirm(otherId);
    // A damaged row: another person's version copied in, which does not decrypt for this person.
    // The code is used and the share row written before the snapshot is taken, so this fails mid-way.
    const { snapshot } = await db
      .getDb()
      .selectFrom('statement_version')
      .select('snapshot')
      .where('account_id', '=', otherId)
      .executeTakeFirstOrThrow();
    await db.getDb().updateTable('statement_version').set({ snapshot }).where('account_id', '=', adultId).execute();
    const { code } = await shares.createConnectionCode(worker);

    const before = await totals();

    await expect(shares.shareWithWorker(adultId, code, terms())).rejects.toThrow(/Cannot decrypt/);
    await expectNothingWritten(before, adultId, worker, code);
  });

  it('writes nothing and keeps the code when the very last write (the consent record) fails', async () => {
    const worker = await makeWorker(await makeOrganisation(), 'North');
    const adultId = await makeAdult();
    await confirm(adultId);
    const { code } = await shares.createConnectionCode(worker);
    // Fault injection only: a trigger makes the consent record's insert fail, as a full disk would.
    const raw = db.getRawClient();
    const onSqlite = raw.kind === 'sqlite';
    const run = async (statement: string) => {
      if (raw.kind === 'sqlite') raw.sqlite.exec(statement);
      else await raw.pool.query(statement);
    };
    const before = await totals();
    if (onSqlite) await run(`CREATE TRIGGER shares_test_fail BEFORE INSERT ON consent_record BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    else {
      await run(`CREATE FUNCTION shares_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
      await run('CREATE TRIGGER shares_test_fail BEFORE INSERT ON consent_record FOR EACH ROW EXECUTE FUNCTION shares_test_fail()');
    }
    try {
      await expect(shares.shareWithWorker(adultId, code, terms())).rejects.toThrow(/disk full/);
    } finally {
      if (onSqlite) await run('DROP TRIGGER shares_test_fail');
      else {
        await run('DROP TRIGGER shares_test_fail ON consent_record');
        await run('DROP FUNCTION shares_test_fail()');
      }
    }
    await expectNothingWritten(before, adultId, worker, code);

    // The same code then works.
    expect((await shares.shareWithWorker(adultId, code, terms())).ok).toBe(true);
  });
});

describe('who sees a share', () => {
  async function setting() {
    const organisationId = await makeOrganisation();
    const elsewhere = await makeOrganisation();
    const chosen = await makeWorker(organisationId, 'North', 'Chosen Worker');
    const colleague = await makeWorker(organisationId, 'North', 'Team Colleague');
    const otherTeam = await makeWorker(organisationId, 'South', 'Other Team');
    // Same team name, another organisation.
    const otherOrganisation = await makeWorker(elsewhere, 'North', 'Other Council');
    const adultId = await makeAdult();
    await confirm(adultId);
    return { chosen, colleague, otherTeam, otherOrganisation, adultId };
  }

  async function inboxIds(worker: Account) {
    return (await shares.inboxOf(worker)).map((item) => item.id);
  }

  it('shows a share to the chosen worker only, unread until they open it', async () => {
    const { chosen, colleague, otherTeam, otherOrganisation, adultId } = await setting();
    const shareId = await share(adultId, chosen, { includeTeam: false });

    const [item] = await shares.inboxOf(chosen);
    expect(item).toMatchObject({ id: shareId, unread: true, version: 1, sharedWith: null, urgentAt: null });
    expect(item!.label.name).toBe(words.name);

    for (const worker of [colleague, otherTeam, otherOrganisation]) {
      expect(await inboxIds(worker)).toEqual([]);
      expect(await shares.openForWorker(worker, shareId)).toBeNull();
      expect(await shares.replyToShare(worker, shareId, 'Hello')).toBe(false);
      expect(await shares.contactRulesFor(worker, shareId)).toBeNull();
    }
    expect(await rows('access_log', shareId)).toEqual([]);

    await openView(chosen, shareId);
    expect((await shares.inboxOf(chosen))[0]).toMatchObject({ id: shareId, unread: false });
  });

  it('shows a share to the chosen worker’s team when the person chose that, and never beyond it', async () => {
    const { chosen, colleague, otherTeam, otherOrganisation, adultId } = await setting();
    const shareId = await share(adultId, chosen, { includeTeam: true });

    expect(await inboxIds(chosen)).toEqual([shareId]);
    expect((await shares.inboxOf(colleague))[0]).toMatchObject({ id: shareId, unread: true, sharedWith: 'Chosen Worker' });
    expect(await inboxIds(otherTeam)).toEqual([]);
    expect(await inboxIds(otherOrganisation)).toEqual([]);
    expect(await shares.openForWorker(otherTeam, shareId)).toBeNull();
    expect(await shares.openForWorker(otherOrganisation, shareId)).toBeNull();
    expect(await rows('access_log', shareId)).toEqual([]);

    // Each worker's "unread" is their own.
    await openView(colleague, shareId);
    expect((await shares.inboxOf(colleague))[0]!.unread).toBe(false);
    expect((await shares.inboxOf(chosen))[0]!.unread).toBe(true);
    expect((await rows('access_log', shareId)).map((r) => r.actor_id)).toEqual([colleague.id]);
  });

  it('does not treat "no team" as a team: a worker without one shares with nobody else', async () => {
    const organisationId = await makeOrganisation();
    const chosen = await makeWorker(organisationId, '');
    const alsoWithoutTeam = await makeWorker(organisationId, '');
    const adultId = await makeAdult();
    await confirm(adultId);
    const shareId = await share(adultId, chosen, { includeTeam: true });

    expect(await inboxIds(chosen)).toEqual([shareId]);
    expect(await inboxIds(alsoWithoutTeam)).toEqual([]);
    expect(await shares.openForWorker(alsoWithoutTeam, shareId)).toBeNull();
  });

  it('shows nothing to a worker without an organisation', async () => {
    const { shareId, worker } = await sharedStatement();
    const adrift = { ...worker, organisation_id: null };
    expect(await shares.inboxOf(adrift)).toEqual([]);
    expect(await shares.openForWorker(adrift, shareId)).toBeNull();
  });
});

describe('reading a share, and new versions', () => {
  it('logs each opening with the version read', async () => {
    const { worker, shareId } = await sharedStatement();
    const view = await openView(worker, shareId);
    expect(view).toMatchObject({ id: shareId, sections: ['about-me'], purpose: sharePurpose, changes: null, lastReadNumber: null });
    expect(view.snapshot.number).toBe(1);

    const log = await rows('access_log', shareId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor_id: worker.id, action: 'opened', version_number: 1 });
  });

  it('with new versions agreed, shows the newest and what changed since the worker last read', async () => {
    const { worker, adultId, shareId } = await sharedStatement({ sections: notPeople, includeNewVersions: true });
    await openView(worker, shareId);

    expect(await confirm(adultId, { name: 'Pippa', notToldWhy: 'He still has my pension book' })).toBe(2);
    expect((await shares.inboxOf(worker))[0]).toMatchObject({ id: shareId, version: 2, unread: true });

    const view = await openView(worker, shareId);
    expect(view.snapshot.number).toBe(2);
    expect(view.snapshot.answers.name?.text).toBe('Pippa');
    expect(view.lastReadNumber).toBe(1);
    // What changed in the shared sections, and nothing from the section not shared.
    expect(view.changes).toEqual([{ kind: 'words', question: 'name', field: 'text', before: words.name, after: 'Pippa' }]);
    expect((await rows('access_log', shareId)).map((r) => r.version_number).sort()).toEqual([1, 2]);
  });

  it('without new versions agreed, keeps showing the version that was shared', async () => {
    const { worker, adultId, shareId } = await sharedStatement({ includeNewVersions: false });
    await openView(worker, shareId);

    expect(await confirm(adultId, { name: 'Pippa' })).toBe(2);
    expect((await shares.inboxOf(worker))[0]).toMatchObject({ id: shareId, version: 1, unread: false });
    const view = await openView(worker, shareId);
    expect(view.snapshot.number).toBe(1);
    expect(view.snapshot.answers.name?.text).toBe(words.name);
    expect(view.changes).toBeNull();
    expect(await rows('share_version', shareId)).toHaveLength(1);
  });
});

describe('withdrawing a share', () => {
  it('stops the worker reading it, logs the refusal and records the withdrawal', async () => {
    const { worker, adultId, shareId } = await sharedStatement();
    const otherAdult = await makeAdult();

    // Only the person who shared it can withdraw it.
    expect(await shares.withdrawShare(otherAdult, shareId)).toBe(false);
    expect((await sharesOf(adultId))[0]!.status).toBe('active');
    expect(await consentActions(shareId)).toEqual(['given']);

    expect(await shares.withdrawShare(adultId, shareId)).toBe(true);
    const [ended] = await sharesOf(adultId);
    expect(ended).toMatchObject({ status: 'withdrawn' });

    expect(await shares.openForWorker(worker, shareId)).toEqual({ kind: 'ended', status: 'withdrawn', at: ended!.ended_at });
    const log = await rows('access_log', shareId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor_id: worker.id, action: 'refused', version_number: null });

    expect(await shares.inboxOf(worker)).toEqual([]);
    expect(await consentActions(shareId)).toEqual(['given', 'withdrawn']);
    expect(await shares.replyToShare(worker, shareId, 'Are you there?')).toBe(false);
    expect(await shares.contactRulesFor(worker, shareId)).toEqual({ ended: true });
    // Withdrawing twice does nothing more.
    expect(await shares.withdrawShare(adultId, shareId)).toBe(false);
    expect(await consentActions(shareId)).toEqual(['given', 'withdrawn']);
  });
});

describe('a share with an end day', () => {
  it('counts the UK day, and lasts all of its end day', () => {
    // 23:30 UTC on 31 March 2027 is already 1 April in the UK (British Summer Time)...
    expect(shares.ukToday(new Date('2027-03-31T23:30:00Z'))).toBe('2027-04-01');
    // ...and in winter the UK day is the UTC day.
    expect(shares.ukToday(new Date('2027-01-15T23:30:00Z'))).toBe('2027-01-15');
    const today = shares.ukToday();
    expect(stillLasts(today, today)).toBe(true);
    expect(stillLasts(addDays(today, -1), today)).toBe(false);
    expect(stillLasts(null, today)).toBe(true);
  });

  it('can still be read on its end day', async () => {
    const { worker, shareId } = await sharedStatement({ until: shares.ukToday() });
    expect((await openView(worker, shareId)).until).toBe(shares.ukToday());
    expect(await shares.inboxOf(worker)).toHaveLength(1);
  });

  it('ends the day after, on the next read, with one "expired" record however often it is read', async () => {
    const { worker, adultId, shareId } = await sharedStatement({ until: addDays(shares.ukToday(), 30), includeNewVersions: true });
    await setUntil(shareId, addDays(shares.ukToday(), -1));

    const first = await shares.openForWorker(worker, shareId);
    expect(first).toMatchObject({ kind: 'ended', status: 'expired' });
    expect(await shares.openForWorker(worker, shareId)).toEqual(first);
    expect(await shares.inboxOf(worker)).toEqual([]);
    expect((await shares.sharesOfAdult(adultId))[0]!.status).toBe('expired');

    expect(await consentActions(shareId)).toEqual(['given', 'expired']);
    expect((await rows('access_log', shareId)).map((r) => r.action)).toEqual(['refused', 'refused']);

    // A version confirmed afterwards is not shared.
    await confirm(adultId, { name: 'Pippa' });
    expect((await rows('share_version', shareId)).map((r) => r.version_number)).toEqual([1]);
  });

  it('writes one "expired" record even when several reads find it due at the same time', async () => {
    const { worker, adultId, shareId } = await sharedStatement({ until: addDays(shares.ukToday(), 30) });
    await setUntil(shareId, addDays(shares.ukToday(), -1));

    await Promise.all([
      shares.openForWorker(worker, shareId),
      shares.openForWorker(worker, shareId),
      shares.inboxOf(worker),
      shares.sharesOfAdult(adultId),
      shares.expireDueShares(),
    ]);
    expect(await consentActions(shareId)).toEqual(['given', 'expired']);
  });
});

describe('changing what a share covers', () => {
  it('cuts the worker’s copy to the sections now chosen, and records the change', async () => {
    const { worker, adultId, shareId } = await sharedStatement({ sections: ['about-me', 'people'] });
    expect((await openView(worker, shareId)).snapshot.answers.notTold?.reason).toBe(words.notToldWhy);

    // Only the person who shared it can change it.
    expect(await shares.changeShare(await makeAdult(), shareId, terms({ sections: ['people'] }))).toBe(false);

    expect(await shares.changeShare(adultId, shareId, terms({ sections: ['about-me'] }))).toBe(true);
    const view = await openView(worker, shareId);
    expect(view.sections).toEqual(['about-me']);
    expect(Object.keys(view.snapshot.answers)).toEqual(['name']);
    expect(JSON.stringify(view)).not.toContain(words.notToldWhy);
    for (const stored of await storedSnapshots(shareId)) expect(stored).not.toContain(words.notToldWhy);

    const records = await listConsentRecords(db.getDb(), shareId);
    expect(records.map((r) => r.action)).toEqual(['given', 'changed']);
    expect(records[1]).toMatchObject({ sections: 'about-me' });
  });

  it('leaves nothing of a removed section in older shared versions, or in "what changed"', async () => {
    const { worker, adultId, shareId } = await sharedStatement({ sections: ['about-me', 'people'], includeNewVersions: true });
    await openView(worker, shareId); // the worker has read version 1, people section included
    await confirm(adultId, { name: 'Pippa' });
    expect((await rows('share_version', shareId)).map((r) => r.version_number).sort()).toEqual([1, 2]);

    expect(await shares.changeShare(adultId, shareId, terms({ sections: ['about-me'], includeNewVersions: true }))).toBe(true);
    const view = await openView(worker, shareId);
    expect(view.snapshot.number).toBe(2);
    // The only change the worker is told of is in the section still shared.
    expect(view.changes).toEqual([{ kind: 'words', question: 'name', field: 'text', before: words.name, after: 'Pippa' }]);
    for (const secret of [words.trusted, words.notToldWho, words.notToldWhy]) {
      expect(JSON.stringify(view)).not.toContain(secret);
      for (const stored of await storedSnapshots(shareId)) expect(stored).not.toContain(secret);
    }
  });

  it('cannot change a share that has ended', async () => {
    const { adultId, shareId } = await sharedStatement();
    await shares.withdrawShare(adultId, shareId);
    expect(await shares.changeShare(adultId, shareId, terms({ sections: ['people'] }))).toBe(false);
    expect(await consentActions(shareId)).toEqual(['given', 'withdrawn']);
  });
});

describe('replies', () => {
  it('keeps a worker’s reply encrypted and shows it to the person', async () => {
    const { worker, adultId, shareId, organisationId } = await sharedStatement();
    const body = 'I will phone you on Tuesday morning';

    expect(await shares.replyToShare(worker, shareId, body)).toBe(true);
    const [stored] = await rows('reply', shareId);
    expect(stored!.body).not.toContain('Tuesday');
    expect(stored!.body).not.toContain('phone');

    const [mine] = await shares.sharesOfAdult(adultId);
    expect(mine!.replies).toEqual([expect.objectContaining({ from: 'Wendy Worker', body, unread: true })]);
    expect(mine!.access.map((a) => a.action)).toEqual(['replied']);
    expect((await openView(worker, shareId)).replies).toEqual([expect.objectContaining({ body })]);

    // A worker who may not see the share cannot reply to it.
    const otherTeam = await makeWorker(organisationId, 'South');
    expect(await shares.replyToShare(otherTeam, shareId, 'Let me help')).toBe(false);
    expect(await rows('reply', shareId)).toHaveLength(1);
  });
});

describe('not safe now', () => {
  it('marks the person’s active shares urgent, listing them first in the inbox', async () => {
    const organisationId = await makeOrganisation();
    const worker = await makeWorker(organisationId, 'North');
    const unsafe = await makeAdult();
    const other = await makeAdult();
    await confirm(unsafe);
    const unsafeShare = await share(unsafe, worker);
    const endedShare = await share(unsafe, worker);
    await shares.withdrawShare(unsafe, endedShare);
    await pause(5);
    await confirm(other);
    const otherShare = await share(other, worker);
    // Newest first while nothing is urgent.
    expect((await shares.inboxOf(worker)).map((i) => i.id)).toEqual([otherShare, unsafeShare]);

    expect(await shares.reportNotSafe(unsafe)).toEqual({ sharesMarked: 1 });
    const inbox = await shares.inboxOf(worker);
    expect(inbox.map((i) => i.id)).toEqual([unsafeShare, otherShare]);
    expect(inbox[0]!.urgentAt).toEqual(expect.any(String));
    expect(inbox[1]!.urgentAt).toBeNull();
    expect((await openView(worker, unsafeShare)).urgentAt).toBe(inbox[0]!.urgentAt);
    // The withdrawn share is not brought back by it.
    expect((await sharesOf(unsafe)).find((s) => s.id === endedShare)).toMatchObject({ status: 'withdrawn', urgent_at: null });
  });

  it('gives the help numbers of the organisations the person shares with now', async () => {
    const numbers = [
      { name: 'Adult social care duty team', number: '0300 123 4567' },
      { name: 'Out of hours', number: '0300 765 4321' },
    ];
    const { adultId } = await sharedStatement();
    await db
      .getDb()
      .updateTable('organisation')
      .set({ help_numbers: JSON.stringify(numbers) })
      .where('id', '=', (await sharesOf(adultId))[0]!.organisation_id)
      .execute();
    expect(await shares.helpNumbersFor(adultId)).toEqual(numbers);

    // Nothing from an organisation the person no longer shares with.
    const formerWorker = await makeWorker(await makeOrganisation(JSON.stringify([{ name: 'Former', number: '0300 000 0000' }])), 'North');
    await shares.withdrawShare(adultId, await share(adultId, formerWorker));
    expect(await shares.helpNumbersFor(adultId)).toEqual(numbers);

    // Someone sharing with nobody gets an empty list.
    expect(await shares.helpNumbersFor(await makeAdult())).toEqual([]);
  });

  it('gives an empty list, not an error, when the organisation’s setting is damaged', async () => {
    const worker = await makeWorker(await makeOrganisation('[{"name": "Duty team", "number": '), 'North');
    const adultId = await makeAdult();
    await confirm(adultId);
    await share(adultId, worker);
    expect(await shares.helpNumbersFor(adultId)).toEqual([]);
    expect(await shares.reportNotSafe(adultId)).toEqual({ sharesMarked: 1 });
  });
});

describe("events for the worker's case system", () => {
  async function events(shareId: string) {
    return db
      .getDb()
      .selectFrom('outbox_event')
      .select(['type', 'sequence', 'status'])
      .where('share_id', '=', shareId)
      .orderBy('sequence')
      .execute();
  }

  it('are queued with the share, each new version it takes, and the withdrawal, in that order', async () => {
    const { adultId, shareId } = await sharedStatement({ includeNewVersions: true });
    expect(await events(shareId)).toEqual([{ type: 'share.created', sequence: 1, status: 'pending' }]);
    await confirm(adultId, { anythingElse: 'A second version' });
    await shares.withdrawShare(adultId, shareId);
    expect((await events(shareId)).map((e) => [e.type, e.sequence])).toEqual([
      ['share.created', 1],
      ['share.version-added', 2],
      ['consent.withdrawn', 3],
    ]);
  });

  it('are queued when the person changes what they share, carrying only what is shared now', async () => {
    const { adultId, shareId } = await sharedStatement({ sections: ['about-me', 'people'] });
    expect(await shares.changeShare(adultId, shareId, terms({ sections: ['about-me'], includeTeam: true }))).toBe(true);
    expect((await events(shareId)).map((e) => [e.type, e.sequence])).toEqual([
      ['share.created', 1],
      ['consent.changed', 2],
    ]);
    const [first, changed] = await db
      .getDb()
      .selectFrom('outbox_event')
      .selectAll()
      .where('share_id', '=', shareId)
      .orderBy('sequence')
      .execute();
    // What went first held the people section; what replaces it holds only the name.
    expect(payload.eventBody(first!)).toContain(words.notToldWhy);
    const body = payload.eventBody(changed!)!;
    expect(body).toContain(words.name);
    for (const secret of [words.trusted, words.notToldWho, words.notToldWhy]) expect(body).not.toContain(secret);
    const consent = (JSON.parse(body) as Bundle).entry!.map((e) => e.resource).find((r): r is Consent => r?.resourceType === 'Consent')!;
    expect(consent.status).toBe('active');
    expect(consent.provision?.code?.map((c) => c.coding?.[0]?.code)).toEqual(['section.about-me']);
  });

  it('are queued once when a share expires, and not for a version the share does not take', async () => {
    const { adultId, shareId, worker } = await sharedStatement({ includeNewVersions: false });
    await confirm(adultId, { anythingElse: 'Not for this share' });
    await setUntil(shareId, addDays(shares.ukToday(), -1));
    await shares.openForWorker(worker, shareId);
    await shares.openForWorker(worker, shareId);
    expect((await events(shareId)).map((e) => e.type)).toEqual(['share.created', 'consent.expired']);
  });
});
