/**
 * `npm run keys:rotate`: adds a new encryption key to the key file, then re-encrypts every
 * registered encrypted column with it, so the old key can later be retired.
 *
 * `npm run keys:rotate -- --reencrypt-only` skips adding a key and only re-encrypts with the
 * current one: the second step of rotating keys held in DATA_ENCRYPTION_KEYS.
 */
import type { Kysely } from 'kysely';
import { loadKeyring, reencrypt, rotateKeyFile, type Keyring } from '../utils/crypto.server';
import { readEncryptedBatch, replaceEncryptedValues } from '../../db/repositories/encrypted-values';
import { getDb } from '../utils/db.server';
import { type EncryptedColumn, encryptedColumns } from '../utils/encrypted-columns.server';
import { dataDir } from '../utils/env.server';
import { migrateToLatest } from '../utils/migrate.server';

const BATCH_SIZE = 500;

const ENV_INSTRUCTIONS = `DATA_ENCRYPTION_KEYS is set, so the keys live in your deployment's settings, not in a file this command can change.
To rotate them:
  1. Make a new key:  openssl rand -base64 32
  2. Put it FIRST in DATA_ENCRYPTION_KEYS, keeping every old key after it (comma-separated).
  3. Restart every portal process, so new values are written with the new key.
  4. Run:  npm run keys:rotate -- --reencrypt-only
  5. Only when that has finished, you may remove the old keys from DATA_ENCRYPTION_KEYS and restart again.`;

/**
 * Re-encrypts one table's registered columns in one transaction, walking the id in batches. Each
 * update also matches the old value, so a row the portal changed meanwhile is left alone rather
 * than overwritten with stale words.
 */
async function reencryptTable(db: Kysely<any>, keyring: Keyring, table: string, columns: EncryptedColumn[]): Promise<number> {
  const idColumn = columns[0]!.idColumn;
  if (columns.some((c) => c.idColumn !== idColumn)) throw new Error(`encryptedColumns gives ${table} more than one idColumn.`);
  const selected = [...new Set([idColumn, ...columns.map((c) => c.column), ...columns.flatMap((c) => (c.aadColumn ? [c.aadColumn] : []))])];

  return db.transaction().execute(async (trx) => {
    let changed = 0;
    let lastId: unknown;
    for (;;) {
      const rows = await readEncryptedBatch(trx, table, selected, idColumn, lastId, BATCH_SIZE);
      for (const row of rows) {
        const updates: Record<string, string> = {};
        const previous: Record<string, string> = {};
        for (const { column, aadColumn } of columns) {
          const value = row[column];
          if (value === null || value === undefined) continue;
          if (typeof value !== 'string') throw new Error(`${table}.${column} (${idColumn} ${String(row[idColumn])}) is not text.`);
          const aad = aadColumn ? row[aadColumn] : undefined;
          let next: string;
          try {
            next = reencrypt(keyring, value, aad === null || aad === undefined ? undefined : String(aad));
          } catch (error) {
            // Name the row, never the value.
            throw new Error(`${table}.${column} (${idColumn} ${String(row[idColumn])}): ${(error as Error).message}`, { cause: error });
          }
          if (next === value) continue;
          updates[column] = next;
          previous[column] = value;
        }
        if (Object.keys(updates).length === 0) continue;
        if (await replaceEncryptedValues(trx, table, idColumn, row[idColumn], updates, previous)) changed += Object.keys(updates).length;
      }
      if (rows.length < BATCH_SIZE) break;
      lastId = rows[rows.length - 1]![idColumn];
    }
    return changed;
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--reencrypt-only');
  if (unknown.length > 0) {
    console.error(`Unknown option: ${unknown.join(' ')}\nUsage: npm run keys:rotate [-- --reencrypt-only]`);
    return 2;
  }
  const reencryptOnly = args.includes('--reencrypt-only');

  if (!reencryptOnly) {
    if (process.env.DATA_ENCRYPTION_KEYS !== undefined) {
      console.error(ENV_INSTRUCTIONS);
      return 1;
    }
    // Checks the existing file (permissions, key sizes) before touching it, and creates it on a
    // portal that has never started, so there is something to rotate.
    loadKeyring({ dataDir });
    const { newKeyId } = rotateKeyFile(dataDir);
    console.log(`Added key ${newKeyId} to the key file in ${dataDir}; older keys are kept.`);
  }

  const keyring = loadKeyring({ dataDir });
  console.log(`Re-encrypting with key ${keyring.current.id}.`);

  const byTable = new Map<string, EncryptedColumn[]>();
  for (const entry of encryptedColumns) byTable.set(entry.table, [...(byTable.get(entry.table) ?? []), entry]);

  const db = getDb();
  let total = 0;
  try {
    await migrateToLatest(db);
    for (const [table, columns] of byTable) {
      const count = await reencryptTable(db as unknown as Kysely<any>, keyring, table, columns);
      console.log(`  ${table}: ${count} value${count === 1 ? '' : 's'} re-encrypted`);
      total += count;
    }
  } catch (error) {
    console.error(
      `Re-encryption stopped: ${(error as Error).message}\n` +
        'Tables already done are committed; the one that failed was rolled back. Every key is kept, so all values still decrypt.\n' +
        'Fix the cause, then run: npm run keys:rotate -- --reencrypt-only',
    );
    return 1;
  } finally {
    await db.destroy();
  }

  console.log(`Re-encrypted ${total} value${total === 1 ? '' : 's'} in ${byTable.size} table${byTable.size === 1 ? '' : 's'}.`);
  if (!reencryptOnly) {
    console.log('Restart every portal process now: one started before this command cannot read values written with the new key.');
  }
  return 0;
}

process.exitCode = await main();
