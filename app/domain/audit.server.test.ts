import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../db/schema';
// Type-only imports load nothing: the modules themselves are imported in beforeAll, after the environment is set.
import type * as AccountsModule from './accounts.server';
import type * as AuditModule from './audit.server';
import type * as StaffModule from './staff.server';
import type * as DbModule from '~/utils/db.server';
import type * as SessionModule from '~/utils/session.server';
import { freshTestDatabase } from '../../tests/fixtures/test-database';

// Sessions, password changes and the audit trail, on SQLite and (in CI) on PostgreSQL.
let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let db: typeof DbModule;
let accounts: typeof AccountsModule;
let audit: typeof AuditModule;
let staff: typeof StaffModule;
let sessions: typeof SessionModule;

beforeAll(async () => {
  database = await freshTestDatabase('audit');
  db = await import('~/utils/db.server');
  await (await import('~/utils/migrate.server')).migrateToLatest(db.getDb());
  accounts = await import('./accounts.server');
  audit = await import('./audit.server');
  staff = await import('./staff.server');
  sessions = await import('~/utils/session.server');
});

afterAll(async () => {
  await database?.close(db);
});

const address = '203.0.113.9';

async function newAdult(password: string | null = 'a long enough password'): Promise<Account> {
  const username = `person-${crypto.randomBytes(4).toString('hex')}`;
  const account = password
    ? await accounts.createAdultWithPassword(username, password, 'en')
    : await accounts.createAdultWithoutPassword(username, 'en');
  return account!;
}

/** Signs in as a browser would and returns the request that browser then sends. */
async function signIn(account: Account, method: AuditModule.AuditMethod = 'password'): Promise<Request> {
  const setCookie = await sessions.startSession(account.id, new Request('http://localhost/sign-in'), { method, address });
  return new Request('http://localhost/account', { headers: { Cookie: setCookie.split(';')[0]! } });
}

async function eventsOf(accountId: string) {
  return db.getDb().selectFrom('audit_event').selectAll().where('account_id', '=', accountId).orderBy('at').execute();
}

describe('common passwords', () => {
  it.each(['password', 'PASSWORD', '12345678', 'qwertyuiop', '        ', 'aaaaaaaaaa', '1111111111', 'ببببببببب'])(
    'refuses %j',
    (password) => {
      expect(accounts.isCommonPassword(password)).toBe(true);
      const result = accounts.passwordSchema.safeParse(password);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toContain('auth:errors.passwordCommon');
    },
  );

  it.each(['a long enough password', 'ਮੇਰਾ ਪਾਸਵਰਡ ਲੰਬਾ ਹੈ', 'correct horse battery'])('accepts %j', (password) => {
    expect(accounts.isCommonPassword(password)).toBe(false);
    expect(accounts.passwordSchema.safeParse(password).success).toBe(true);
  });
});

describe('sessions', () => {
  it('records each sign-in and sign-out with its method and address', async () => {
    const person = await newAdult();
    const request = await signIn(person, 'passkey');
    expect(await sessions.getSignedIn(request)).not.toBeNull();
    const cleared = await sessions.endSession(request, address);
    expect(cleared).toMatch(/Max-Age=0/);
    expect(await sessions.getSignedIn(request)).toBeNull();
    expect((await eventsOf(person.id)).map((e) => [e.event, e.outcome, e.method, e.address, e.role])).toEqual([
      ['sign-in', 'success', 'passkey', address, 'adult'],
      ['sign-out', 'success', null, address, 'adult'],
    ]);
  });

  it('ends a session past its absolute lifetime however active it was', async () => {
    const person = await newAdult();
    const request = await signIn(person);
    expect(await sessions.getSignedIn(request)).not.toBeNull();
    const hours = sessions.maxSessionHours.adult;
    const started = new Date(Date.now() - (hours * 60 + 1) * 60_000).toISOString();
    // Active a moment ago, so only the lifetime can end it.
    await db.getDb().updateTable('session').set({ created_at: started }).where('account_id', '=', person.id).execute();
    expect(await sessions.getSignedIn(request)).toBeNull();
  });

  it('never moves the idle expiry past the absolute end', async () => {
    const person = await newAdult();
    const request = await signIn(person);
    const hours = sessions.maxSessionHours.adult;
    const started = new Date(Date.now() - hours * 3_600_000 + 5 * 60_000).toISOString();
    await db.getDb().updateTable('session').set({ created_at: started }).where('account_id', '=', person.id).execute();
    const signedIn = await sessions.getSignedIn(request);
    expect(signedIn?.session.expires_at).toBe(sessions.absoluteEnd(started, 'adult'));
    // The page's warning counts down to the absolute end, not a full idle period.
    const left = sessions.secondsLeftOf(signedIn!);
    expect(left).toBeLessThanOrEqual(5 * 60);
    expect(left).toBeGreaterThan(4 * 60);
  });

  it('gives staff a shorter lifetime than adults by default', () => {
    expect(sessions.maxSessionHours.staff).toBe(12);
    expect(sessions.maxSessionHours.adult).toBeGreaterThan(sessions.maxSessionHours.staff);
    const start = '2026-12-03T08:00:00.000Z';
    expect(sessions.absoluteEnd(start, 'worker')).toBe('2026-12-03T20:00:00.000Z');
  });
});

describe('changing a password', () => {
  it('needs the current password, then signs out every other session', async () => {
    const person = await newAdult('first long password');
    const here = await signIn(person);
    const elsewhere = await signIn(person);
    const signedIn = (await sessions.getSignedIn(here))!;

    const wrong = await accounts.changeOwnPassword(
      signedIn,
      { currentPassword: 'not the password', password: 'second long password' },
      { address, freshMinutes: 10 },
    );
    expect(wrong).toEqual({ ok: false, errors: { currentPassword: 'auth:errors.currentPasswordWrong' } });
    const empty = await accounts.changeOwnPassword(
      signedIn,
      { currentPassword: '', password: 'second long password' },
      { address, freshMinutes: 10 },
    );
    expect(empty).toEqual({ ok: false, errors: { currentPassword: 'auth:errors.currentPasswordEmpty' } });
    expect(await sessions.getSignedIn(elsewhere)).not.toBeNull();

    const changed = await accounts.changeOwnPassword(
      signedIn,
      { currentPassword: 'first long password', password: 'second long password' },
      { address, freshMinutes: 10 },
    );
    expect(changed).toEqual({ ok: true, signedOut: 1 });
    expect(await sessions.getSignedIn(elsewhere)).toBeNull();
    expect(await sessions.getSignedIn(here)).not.toBeNull();
    expect(await accounts.checkPassword(person.username!, 'second long password')).not.toBeNull();
    const changes = (await eventsOf(person.id)).filter((e) => e.event === 'password-changed').map((e) => e.outcome);
    expect(changes).toEqual(['failure', 'success']);
  });

  it('lets an account with only a passkey add a password only soon after signing in with it', async () => {
    const person = await newAdult(null);
    const request = await signIn(person, 'passkey');
    const signedIn = (await sessions.getSignedIn(request))!;
    const input = { currentPassword: '', password: 'a new long password' };

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 11 * 60_000);
      expect(await accounts.changeOwnPassword(signedIn, input, { address, freshMinutes: 10 })).toEqual({
        ok: false,
        errors: { password: 'auth:errors.signInAgainFirst' },
      });
    } finally {
      vi.useRealTimers();
    }
    expect(await accounts.changeOwnPassword(signedIn, input, { address, freshMinutes: 10 })).toEqual({ ok: true, signedOut: 0 });
  });
});

describe('the audit trail', () => {
  it('names the account of a refused sign-in only for that page’s own people, and never stores the name typed', async () => {
    const person = await newAdult();
    await audit.recordRefusedSignIn({ audience: 'adult', name: person.username!, method: 'password', outcome: 'failure', address });
    await audit.recordRefusedSignIn({ audience: 'staff', name: person.username!, method: 'password', outcome: 'failure', address });
    await audit.recordRefusedSignIn({ audience: 'adult', name: 'nobody-has-this-name', method: 'password', outcome: 'blocked', address });
    expect((await audit.recentSignIns(person.id)).map((e) => e.outcome)).toEqual(['failure']);
    const all = await db.getDb().selectFrom('audit_event').selectAll().execute();
    expect(JSON.stringify(all)).not.toContain('nobody-has-this-name');
    expect(JSON.stringify(all)).not.toContain(person.username!);
  });

  it('shows an organisation’s admin only their own staff’s events, a page at a time', async () => {
    const mine = await staff.createOrganisation(`Audit Borough ${crypto.randomUUID()}`);
    const theirs = await staff.createOrganisation(`Other Borough ${crypto.randomUUID()}`);
    const worker = await staff.createStaffAccount({
      organisationId: mine.id,
      role: 'worker',
      email: `w-${crypto.randomUUID()}@example.org`,
      name: 'W',
    });
    const outsider = await staff.createStaffAccount({
      organisationId: theirs.id,
      role: 'admin',
      email: `a-${crypto.randomUUID()}@example.org`,
      name: 'A',
    });
    if (!worker.ok || !outsider.ok) throw new Error('not created');
    const start = Date.now() - 60 * 60_000;
    for (let i = 0; i < audit.auditPageSize + 3; i += 1) {
      await audit.recordAudit({ event: 'sign-in', account: worker.account, method: 'code', address, now: new Date(start + i * 1000) });
    }
    await audit.recordAudit({ event: 'endpoint-added', account: outsider.account, subject: 'whk_x', address });

    const first = await audit.organisationAuditPage(mine.id, 1);
    expect(first.events).toHaveLength(audit.auditPageSize);
    expect(first.more).toBe(true);
    expect(first.events[0]!.at > first.events[1]!.at).toBe(true);
    const second = await audit.organisationAuditPage(mine.id, 2);
    expect(second.events).toHaveLength(3);
    expect(second.more).toBe(false);
    expect([...first.events, ...second.events].every((e) => e.organisation_id === mine.id)).toBe(true);
    expect((await audit.organisationAuditPage(theirs.id, 1)).events.map((e) => e.event)).toEqual(['endpoint-added']);
    // An odd page number from the address is read safely, never passed to the database as it is.
    expect((await audit.organisationAuditPage(mine.id, Number.NaN)).events).toHaveLength(audit.auditPageSize);
    expect((await audit.organisationAuditPage(mine.id, 1e308)).events).toHaveLength(audit.auditPageSize);
    expect((await audit.organisationAuditPage(mine.id, 2 ** 52)).events).toEqual([]);
  });

  it('removes only events past the retention period', async () => {
    const person = await newAdult();
    const now = new Date();
    const old = new Date(now.getTime() - (audit.auditRetentionDays + 1) * 86_400_000);
    const recent = new Date(now.getTime() - (audit.auditRetentionDays - 1) * 86_400_000);
    await audit.recordAudit({ event: 'sign-in', account: person, method: 'password', address, now: old });
    await audit.recordAudit({ event: 'sign-in', account: person, method: 'password', address, now: recent });
    expect(await audit.purgeExpiredAuditEvents(now)).toBeGreaterThanOrEqual(1);
    expect((await eventsOf(person.id)).map((e) => e.at)).toEqual([recent.toISOString()]);
  });
});

describe('the session cookie in production', () => {
  it('is named __Host- and is Secure, for the whole site, with no Domain', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      vi.resetModules();
      const production = await import('~/utils/session.server');
      expect(production.sessionCookieName).toBe('__Host-session');
      const header = await production.sessionCookie.serialize('token-value-long-enough');
      expect(header).toMatch(/^__Host-session=/);
      expect(header).toMatch(/; Secure/);
      expect(header).toMatch(/; Path=\//);
      expect(header).not.toMatch(/Domain=/i);
    } finally {
      process.env.NODE_ENV = saved;
    }
    expect(sessions.sessionCookieName).toBe('session');
  });
});
