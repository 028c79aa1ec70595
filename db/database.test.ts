import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../app/domain/demo.server';
import { createDb, openSqlite } from '../app/utils/db.server';
import { migrateToLatest, migrateToNothing } from '../app/utils/migrate.server';
import { findAccountByEmail, findAccountByUsername } from './repositories/accounts';
import { countOrganisations } from './repositories/organisations';

const dirs: string[] = [];
function tempFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imw-db-'));
  dirs.push(dir);
  return path.join(dir, 'test.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database', () => {
  it('opens with WAL, synchronous FULL, foreign keys on and a busy timeout', () => {
    const sqlite = openSqlite(tempFile());
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    sqlite.close();
  });

  it('migrates up from nothing, down to nothing, and up again', async () => {
    const db = createDb({ sqliteFile: tempFile(), databaseUrl: '' });
    expect(await migrateToLatest(db)).not.toEqual([]);
    expect(await migrateToLatest(db)).toEqual([]);
    await migrateToNothing(db);
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual([]);
    expect(await migrateToLatest(db)).not.toEqual([]);
    await db.destroy();
  });

  it('creates the demo organisation and accounts once, with hashed passwords', async () => {
    const db = createDb({ sqliteFile: tempFile(), databaseUrl: '' });
    await migrateToLatest(db);
    const demo = await seedDemo(db);
    expect(demo).not.toBeNull();
    expect(await seedDemo(db)).toBeNull();
    expect(await countOrganisations(db)).toBe(1);
    const adult = await findAccountByUsername(db, demo!.adult.username);
    expect(adult?.role).toBe('adult');
    expect(adult?.password_hash).toMatch(/^\$argon2id\$/);
    expect(adult?.password_hash).not.toContain(demo!.adult.password);
    expect((await findAccountByEmail(db, demo!.worker.email))?.role).toBe('worker');
    expect((await findAccountByEmail(db, demo!.admin.email))?.role).toBe('admin');
    await db.destroy();
  });

  it('refuses an account pointing at an organisation that does not exist', async () => {
    const db = createDb({ sqliteFile: tempFile(), databaseUrl: '' });
    await migrateToLatest(db);
    await expect(
      db
        .insertInto('account')
        .values({
          id: 'a',
          role: 'worker',
          username: null,
          email: 'x@y',
          display_name: 'X',
          password_hash: null,
          organisation_id: 'missing',
          language: 'en',
          created_at: '',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
