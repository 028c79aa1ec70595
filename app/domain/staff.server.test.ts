import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as StaffModule from './staff.server';
import type * as SealedModule from './sealed.server';
import type * as DbModule from '~/utils/db.server';
import { freshTestDatabase } from '../../tests/fixtures/test-database';

// A real SQLite database and key file in a temporary folder, as the portal would have them.
let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let staff: typeof StaffModule;
let sealed: typeof SealedModule;
let db: typeof DbModule;
let organisationId: string;

beforeAll(async () => {
  database = await freshTestDatabase('staff');
  staff = await import('./staff.server');
  sealed = await import('./sealed.server');
  db = await import('~/utils/db.server');
  await (await import('~/utils/migrate.server')).migrateToLatest(db.getDb());
  organisationId = (await staff.createOrganisation('Test Borough Council')).id;
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await database?.close(db);
});

let counter = 0;
function uniqueEmail() {
  counter += 1;
  return `person-${counter}-${crypto.randomBytes(3).toString('hex')}@example.org`;
}

async function newWorker(organisation = organisationId) {
  const created = await staff.createStaffAccount({
    organisationId: organisation,
    role: 'worker',
    email: uniqueEmail(),
    name: 'Kim Worker',
  });
  if (!created.ok) throw new Error('not created');
  return created;
}

/** Moves the clock (only Date: the database, hashing and crypto keep running normally). */
function at(time: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(time);
}

/** A worker who has finished setting up, with the secret their app holds. */
async function setUpWorker(password = 'a long enough password') {
  const { account, setUpToken } = await newWorker();
  const details = await staff.openSetUp(setUpToken);
  const code = await staff.currentTotpCode(details!.secret);
  const result = await staff.completeSetUp(setUpToken, password, code);
  expect(result.ok).toBe(true);
  return { account, secret: details!.secret, setUpToken, password };
}

async function rawAccount(id: string) {
  return db.getDb().selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('set-up links', () => {
  it('keep only the sha-256 of the token, and work for 7 days', async () => {
    const { account, setUpToken } = await newWorker();
    const row = await rawAccount(account.id);
    expect(row.setup_token).toBe(crypto.createHash('sha256').update(setUpToken).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(setUpToken);
    const sixDays = new Date(Date.now() + 6 * 86_400_000);
    const eightDays = new Date(Date.now() + 8 * 86_400_000);
    expect((await staff.openSetUp(setUpToken, sixDays))?.name).toBe('Kim Worker');
    expect(await staff.openSetUp(setUpToken, eightDays)).toBeNull();
    expect(await staff.completeSetUp(setUpToken, 'a long enough password', '123456', eightDays)).toEqual({ ok: false, invalid: true });
  });

  it('refuse a second account with the same email address, in any case', async () => {
    const { account } = await newWorker();
    const again = await staff.createStaffAccount({
      organisationId,
      role: 'admin',
      email: account.email!.toUpperCase(),
      name: 'Someone Else',
    });
    expect(again).toEqual({ ok: false, errors: { email: 'staff:errors.emailTaken' } });
  });

  it('show the same secret on every visit until set-up is finished, then stop working', async () => {
    const { setUpToken } = await newWorker();
    const first = await staff.openSetUp(setUpToken);
    const second = await staff.openSetUp(setUpToken);
    expect(second?.secret).toBe(first?.secret);
    expect(first?.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first?.otpauthUri).toContain(`secret=${first?.secret}`);

    const wrong = await staff.completeSetUp(setUpToken, 'a long enough password', '000000');
    expect(wrong).toEqual({ ok: false, errors: { code: 'staff:errors.codeWrong' } });
    const code = await staff.currentTotpCode(first!.secret);
    expect((await staff.completeSetUp(setUpToken, 'a long enough password', code)).ok).toBe(true);

    // Used once: the link shows nothing and finishes nothing.
    expect(await staff.openSetUp(setUpToken)).toBeNull();
    expect(await staff.completeSetUp(setUpToken, 'another password here', code)).toEqual({ ok: false, invalid: true });
  });

  it('can be renewed by an admin of the same organisation only, and only before set-up is finished', async () => {
    const other = await staff.createOrganisation('Another Council');
    const { account, setUpToken } = await newWorker();
    expect(await staff.renewSetUpLink(other.id, account.id)).toBeNull();
    const renewed = await staff.renewSetUpLink(organisationId, account.id);
    expect(renewed).toBeTruthy();
    expect(await staff.openSetUp(setUpToken)).toBeNull();
    expect(await staff.openSetUp(renewed!)).not.toBeNull();

    const finished = await setUpWorker();
    expect(await staff.renewSetUpLink(organisationId, finished.account.id)).toBeNull();
  });
});

describe('the TOTP secret at rest', () => {
  it('is stored encrypted, bound to its account', async () => {
    const { account, secret } = await setUpWorker();
    const row = await rawAccount(account.id);
    expect(row.totp_secret).toBeTruthy();
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_secret).not.toContain(secret.slice(0, 8));
    expect(sealed.unseal(row.totp_secret!, account.id)).toBe(secret);
    // Copied into another person's row, it does not decrypt.
    expect(() => sealed.unseal(row.totp_secret!, crypto.randomUUID())).toThrow();
  });
});

describe('signing in', () => {
  it('needs the right password of a set-up account, and says nothing about which part was wrong', async () => {
    const { account, password } = await setUpWorker();
    expect((await staff.checkStaffPassword(account.email!, password))?.id).toBe(account.id);
    expect((await staff.checkStaffPassword(`  ${account.email!.toUpperCase()} `, password))?.id).toBe(account.id);
    expect(await staff.checkStaffPassword(account.email!, 'not the password')).toBeNull();
    expect(await staff.checkStaffPassword('nobody@example.org', password)).toBeNull();
  });

  it('is refused to an account that has not finished setting up', async () => {
    const { account, setUpToken } = await newWorker();
    await staff.openSetUp(setUpToken);
    expect(await staff.checkStaffPassword(account.email!, '')).toBeNull();
    expect(await staff.checkStaffCode(await rawAccount(account.id), '123456')).toBe('wrong');
  });

  it('keeps a right password waiting 5 minutes for the code, and ends the wait once', async () => {
    const { account } = await setUpWorker();
    const now = new Date();
    const token = await staff.startSecondFactor(account.id, now);
    expect((await staff.pendingSignIn(token, new Date(now.getTime() + 4 * 60_000)))?.id).toBe(account.id);
    expect(await staff.pendingSignIn(token, new Date(now.getTime() + 6 * 60_000))).toBeNull();
    expect(await staff.pendingSignIn('not-a-real-token-at-all-0000')).toBeNull();
    expect(await staff.endPendingSignIn(token)).toBe(true);
    expect(await staff.endPendingSignIn(token)).toBe(false);
    expect(await staff.pendingSignIn(token, now)).toBeNull();
  });
});

describe('TOTP codes', () => {
  // The middle of a 30-second step, so "one step later" is never ambiguous.
  const start = Math.floor(Date.now() / 30_000) * 30_000 + 60_000 * 10 + 15_000;

  it('accept the code of this step and one step either side, and no further', async () => {
    const { account, secret } = await setUpWorker();
    const row = await rawAccount(account.id);
    at(start);
    const code = await staff.currentTotpCode(secret);
    at(start + 30_000); // a phone clock 30 s slow, or a code typed as it changed
    expect(await staff.checkStaffCode(row, code)).toBe('ok');

    at(start + 120_000);
    const late = await staff.currentTotpCode(secret);
    at(start + 120_000 + 61_000);
    expect(await staff.checkStaffCode(row, late)).toBe('wrong');

    at(start + 300_000 + 30_000);
    const ahead = await staff.currentTotpCode(secret); // a phone clock 30 s fast
    at(start + 300_000);
    expect(await staff.checkStaffCode(row, ahead)).toBe('ok');
  });

  it('refuse a code used before, even within its window', async () => {
    const { account, secret } = await setUpWorker();
    const row = await rawAccount(account.id);
    at(start + 600_000);
    const code = await staff.currentTotpCode(secret);
    expect(await staff.checkStaffCode(row, code)).toBe('ok');
    expect(await staff.checkStaffCode(row, code)).toBe('used');
    at(start + 600_000 + 20_000);
    expect(await staff.checkStaffCode(row, code)).toBe('used');
    // The next code works.
    at(start + 630_000);
    expect(await staff.checkStaffCode(row, await staff.currentTotpCode(secret))).toBe('ok');
  });

  it('refuse the code that confirmed set-up, but accept the next one', async () => {
    const { setUpToken, account } = await newWorker();
    const { secret } = (await staff.openSetUp(setUpToken))!;
    at(start + 900_000);
    const code = await staff.currentTotpCode(secret);
    expect((await staff.completeSetUp(setUpToken, 'a long enough password', code)).ok).toBe(true);
    const row = await rawAccount(account.id);
    expect(await staff.checkStaffCode(row, code)).toBe('used');
    at(start + 930_000);
    expect(await staff.checkStaffCode(row, await staff.currentTotpCode(secret))).toBe('ok');
  });

  it('are refused for another account with a different secret', async () => {
    const first = await setUpWorker();
    const second = await setUpWorker();
    at(start + 1_200_000);
    const code = await staff.currentTotpCode(first.secret);
    const other = await staff.currentTotpCode(second.secret);
    // Skip the one-in-a-million case where both secrets give the same code now.
    if (code !== other) expect(await staff.checkStaffCode(await rawAccount(second.account.id), code)).toBe('wrong');
  });

  it('are read in any script’s digits, with spaces', () => {
    expect(staff.codeSchema.parse({ code: '١٢٣ ٤٥٦' }).code).toBe('123456');
    expect(staff.codeSchema.parse({ code: '১২৩-৪৫৬' }).code).toBe('123456');
    expect(staff.codeSchema.safeParse({ code: '12345' }).success).toBe(false);
    expect(staff.codeSchema.safeParse({ code: '' }).error?.issues[0]?.message).toBe('staff:errors.codeEmpty');
  });
});

describe('an organisation', () => {
  it('lists only its own workers and admins', async () => {
    const other = await staff.createOrganisation('Elsewhere Council');
    const mine = await newWorker();
    const theirs = await newWorker(other.id);
    const listed = (await staff.listStaff(organisationId)).map((p) => p.id);
    expect(listed).toContain(mine.account.id);
    expect(listed).not.toContain(theirs.account.id);
    expect((await staff.listStaff(other.id)).map((p) => p.id)).toEqual([theirs.account.id]);
  });

  it('is found by id or by its exact name, and two of the same name must be told apart by id', async () => {
    const unique = await staff.createOrganisation('Only One Council');
    expect(await staff.findOrganisationByIdOrName('Only One Council')).toEqual({ ok: true, organisation: unique });
    expect(await staff.findOrganisationByIdOrName(unique.id)).toEqual({ ok: true, organisation: unique });
    expect(await staff.findOrganisationByIdOrName('No Such Council')).toEqual({ ok: false, reason: 'none' });
    await staff.createOrganisation('Twin Council');
    await staff.createOrganisation('Twin Council');
    expect(await staff.findOrganisationByIdOrName('Twin Council')).toEqual({ ok: false, reason: 'ambiguous' });
  });
});
