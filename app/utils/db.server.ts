import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema';
import { dataDir } from './env.server';

/**
 * Opens the embedded SQLite file with the settings this data needs: WAL for concurrent readers,
 * `synchronous=FULL` so a confirmed statement survives a power cut (WAL's default, NORMAL, can
 * lose the last commits), foreign keys on, and a busy timeout instead of instant "database is
 * locked" errors.
 */
export function openSqlite(file: string): SQLite.Database {
  const isNew = file !== ':memory:' && !fs.existsSync(file);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(file);
  // Only the portal's own user may read the people's data.
  if (isNew) fs.chmodSync(file, 0o600);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** A Kysely handle: PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file. */
export function createDb(options: { databaseUrl?: string; sqliteFile?: string } = {}): Kysely<Database> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) {
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 10 }) }) });
  }
  const file = options.sqliteFile ?? process.env.SQLITE_FILE ?? path.join(dataDir, 'in-my-words.sqlite');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(file) }) });
}

/** The driver under the Kysely handle, for libraries that speak to the database themselves. */
export type RawClient = { kind: 'sqlite'; sqlite: SQLite.Database } | { kind: 'postgres'; pool: pg.Pool };

const globalForDb = globalThis as unknown as { __db?: Kysely<Database>; __raw?: RawClient };

function createProcessDb(): { db: Kysely<Database>; raw: RawClient } {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), raw: { kind: 'postgres', pool } };
  }
  const sqlite = openSqlite(process.env.SQLITE_FILE ?? path.join(dataDir, 'in-my-words.sqlite'));
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), raw: { kind: 'sqlite', sqlite } };
}

/** The process's one database handle, kept across development rebuilds. */
export function getDb(): Kysely<Database> {
  if (!globalForDb.__db) {
    const { db, raw } = createProcessDb();
    globalForDb.__db = db;
    globalForDb.__raw = raw;
  }
  return globalForDb.__db;
}

/** The process's driver (the rate limiter keeps its counts in the same database). */
export function getRawClient(): RawClient {
  getDb();
  return globalForDb.__raw!;
}
