import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as DemoModule from './demo.server';
import type * as StaffModule from './staff.server';
import type * as DbModule from '~/utils/db.server';
import { freshTestDatabase } from '../../tests/fixtures/test-database';

// The demo data in a new database, as `npm start` makes it, and `npm run demo:code` reading it.
let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let dir: string;
let demo: typeof DemoModule;
let staff: typeof StaffModule;
let db: typeof DbModule;
let accounts: DemoModule.DemoAccounts;

beforeAll(async () => {
  database = await freshTestDatabase('demo');
  dir = database.dataDir;
  fs.mkdirSync(dir, { recursive: true });
  demo = await import('./demo.server');
  staff = await import('./staff.server');
  db = await import('~/utils/db.server');
  await (await import('~/utils/migrate.server')).migrateToLatest(db.getDb());
  accounts = (await demo.seedDemo(db.getDb()))!;
  demo.writeDemoAccounts(path.join(dir, 'demo-accounts.json'), accounts);
});

afterAll(async () => {
  await database?.close(db);
});

describe('the demo data', () => {
  it('gives the worker and the admin a password and a code, so both can sign in', async () => {
    for (const who of ['worker', 'admin'] as const) {
      const account = await staff.checkStaffPassword(accounts[who].email, accounts[who].password);
      expect(account?.role).toBe(who);
      expect(await staff.checkStaffCode(account!, await staff.currentTotpCode(accounts[who].totpSecret))).toBe('ok');
    }
  });

  it('describes the worker and gives the organisation a help number', async () => {
    const worker = (await staff.checkStaffPassword(accounts.worker.email, accounts.worker.password))!;
    expect(worker).toMatchObject({ display_name: 'Alex Worker', job_title: 'Social worker', team: 'Adult safeguarding team' });
    const organisation = await staff.organisationOf(worker);
    expect(JSON.parse(organisation!.help_numbers)).toEqual([{ name: 'Adult social care duty team', number: '0300 123 4567' }]);
    expect(await demo.seedDemo(db.getDb())).toBeNull();
  });

  it('keeps the TOTP secrets in demo-accounts.json, and `npm run demo:code` prints the codes an app would show', async () => {
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'demo-accounts.json'), 'utf8')) as DemoModule.DemoAccounts;
    expect(file.worker.totpSecret).toBe(accounts.worker.totpSecret);
    const codesNow = async () => Promise.all([staff.currentTotpCode(file.worker.totpSecret), staff.currentTotpCode(file.admin.totpSecret)]);
    const before = await codesNow();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'app/cli/demo-code.ts'], {
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
    });
    const after = await codesNow();
    expect(result.status).toBe(0);
    const worker = /worker\s+worker@demo\.example\s+(\d{6})/.exec(result.stdout)?.[1];
    const admin = /admin\s+admin@demo\.example\s+(\d{6})/.exec(result.stdout)?.[1];
    // A new 30-second step may begin while the command runs.
    expect([before[0], after[0]]).toContain(worker);
    expect([before[1], after[1]]).toContain(admin);
  }, 30_000);
});
