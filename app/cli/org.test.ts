import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The command, run as an operator would, against a new SQLite database in a temporary folder.
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imw-org-'));
  env = { ...process.env, SQLITE_FILE: path.join(dir, 'test.sqlite'), DATA_DIR: dir, PUBLIC_ORIGIN: 'https://portal.example.org' };
  delete env.DATA_ENCRYPTION_KEYS;
  delete env.DATABASE_URL;
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function org(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'app/cli/org.ts', ...args], { env, encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

function account(email: string) {
  const db = new SQLite(env.SQLITE_FILE!, { readonly: true });
  try {
    return db.prepare('SELECT * FROM account WHERE email = ?').get(email) as Record<string, string | null> | undefined;
  } finally {
    db.close();
  }
}

describe('npm run org', () => {
  it('makes an organisation and its first admin, and prints a set-up link once', () => {
    const made = org('create-organisation', '--name', 'Riverside Council');
    expect(made.status).toBe(0);
    const id = /with id ([0-9a-f-]{36})/.exec(made.out)?.[1];
    expect(id).toBeTruthy();

    const admin = org(
      'create-staff',
      '--organisation',
      'Riverside Council',
      '--role',
      'admin',
      '--email',
      'Boss@Riverside.example',
      '--name',
      'Pat Boss',
    );
    expect(admin.status).toBe(0);
    const link = /https:\/\/portal\.example\.org\/staff\/set-up\/([A-Za-z0-9_-]+)/.exec(admin.out);
    expect(link).toBeTruthy();
    const row = account('boss@riverside.example');
    expect(row?.role).toBe('admin');
    expect(row?.password_hash).toBeNull();
    // Only the hash of the link's token is kept.
    expect(row?.setup_token).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(link![1]);

    const worker = org(
      'create-staff',
      `--organisation=${id}`,
      '--role=worker',
      '--email=kim@riverside.example',
      '--name=Kim Lee',
      '--title',
      'Social worker',
      '--team',
      'Adult safeguarding team',
    );
    expect(worker.status).toBe(0);
    expect(account('kim@riverside.example')).toMatchObject({
      job_title: 'Social worker',
      team: 'Adult safeguarding team',
      organisation_id: id,
    });

    const list = org('list');
    expect(list.status).toBe(0);
    expect(list.out).toContain(`Riverside Council  (id ${id})`);
    expect(list.out).toMatch(/admin\s+boss@riverside\.example\s+Pat Boss\s+– not set up yet/);
    expect(list.out).toContain('kim@riverside.example  Kim Lee (Social worker, Adult safeguarding team)');
  }, 60_000);

  it('refuses bad input with exit code 2, a clear reason and no change', () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage:/],
      [['delete-everything'], /Unknown command: delete-everything/],
      [['create-organisation'], /--name is required/],
      [
        ['create-staff', '--organisation', 'No Such Council', '--role', 'worker', '--email', 'a@b.example', '--name', 'A'],
        /No organisation/,
      ],
      [
        ['create-staff', '--organisation', 'Riverside Council', '--role', 'boss', '--email', 'x@b.example', '--name', 'A'],
        /--role must be worker or admin/,
      ],
      [
        ['create-staff', '--organisation', 'Riverside Council', '--role', 'worker', '--email', 'not-an-email', '--name', 'A'],
        /--email is not an email address/,
      ],
      [
        ['create-staff', '--organisation', 'Riverside Council', '--role', 'worker', '--email', 'kim@riverside.example', '--name', 'A'],
        /exists already/,
      ],
      [['create-staff', '--organisation', 'Riverside Council', '--colour', 'blue'], /Unknown option: --colour/],
    ];
    for (const [args, message] of cases) {
      const result = org(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toMatch(message);
    }
    expect(account('x@b.example')).toBeUndefined();
    expect(account('kim@riverside.example')?.display_name).toBe('Kim Lee');
  }, 120_000);
});
