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
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
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

const globalForDb = globalThis as unknown as { __db?: Kysely<Database> };

/** The process's one database handle, kept across development rebuilds. */
export function getDb(): Kysely<Database> {
  globalForDb.__db ??= createDb();
  return globalForDb.__db;
}
