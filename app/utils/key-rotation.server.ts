import type { Kysely } from 'kysely';
import { readEncryptedBatch, replaceEncryptedValues } from '../../db/repositories/encrypted-values';
import { keyIdOf, loadKeyring, reencrypt, restoreKeyFile, retireOldKeys, type Keyring } from './crypto.server';
import { type EncryptedColumn, encryptedColumns } from './encrypted-columns.server';

/**
 * The two phases of a key rotation (ADR 6, ADR 16): re-encrypt every registered column with the
 * current key, then, as a separate step, retire the old keys only once no value still needs them.
 */

const BATCH_SIZE = 500;

function byTable(): Map<string, EncryptedColumn[]> {
  const tables = new Map<string, EncryptedColumn[]>();
  for (const entry of encryptedColumns) tables.set(entry.table, [...(tables.get(entry.table) ?? []), entry]);
  return tables;
}

function selectedColumns(table: string, columns: EncryptedColumn[]): { idColumn: string; selected: string[] } {
  const idColumn = columns[0]!.idColumn;
  if (columns.some((c) => c.idColumn !== idColumn)) throw new Error(`encryptedColumns gives ${table} more than one idColumn.`);
  const selected = [...new Set([idColumn, ...columns.map((c) => c.column), ...columns.flatMap((c) => (c.aadColumn ? [c.aadColumn] : []))])];
  return { idColumn, selected };
}

/** Calls `visit` with every row of a table's registered columns, a batch at a time, in id order. */
async function eachRow(
  db: Kysely<any>,
  table: string,
  columns: EncryptedColumn[],
  visit: (row: Record<string, unknown>, idColumn: string) => Promise<void>,
): Promise<void> {
  const { idColumn, selected } = selectedColumns(table, columns);
  let lastId: unknown;
  for (;;) {
    const rows = await readEncryptedBatch(db, table, selected, idColumn, lastId, BATCH_SIZE);
    for (const row of rows) await visit(row, idColumn);
    if (rows.length < BATCH_SIZE) break;
    lastId = rows[rows.length - 1]![idColumn];
  }
}

/**
 * Re-encrypts one table's registered columns in one transaction. Each update also matches the old
 * value, so a row the portal changed meanwhile is left alone rather than overwritten with stale words.
 */
async function reencryptTable(db: Kysely<any>, keyring: Keyring, table: string, columns: EncryptedColumn[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    await eachRow(trx, table, columns, async (row, idColumn) => {
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
      if (Object.keys(updates).length === 0) return;
      if (await replaceEncryptedValues(trx, table, idColumn, row[idColumn], updates, previous)) changed += Object.keys(updates).length;
    });
    return changed;
  });
}

/** Re-encrypts every registered column with the keyring's current key; returns the count per table, as each finishes. */
export async function reencryptAll(
  db: Kysely<any>,
  keyring: Keyring,
  onTable: (table: string, count: number) => void = () => {},
): Promise<{ total: number; tables: number }> {
  const tables = byTable();
  let total = 0;
  for (const [table, columns] of tables) {
    const count = await reencryptTable(db, keyring, table, columns);
    onTable(table, count);
    total += count;
  }
  return { total, tables: tables.size };
}

/** How many stored values, per `table.column`, were written with a key other than `currentKeyId`. */
export async function valuesUnderOtherKeys(db: Kysely<any>, currentKeyId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, columns] of byTable()) {
    await eachRow(db, table, columns, async (row) => {
      for (const { column } of columns) {
        const value = row[column];
        if (typeof value !== 'string' || keyIdOf(value) === currentKeyId) continue;
        counts[`${table}.${column}`] = (counts[`${table}.${column}`] ?? 0) + 1;
      }
    });
  }
  return counts;
}

export type RetireResult = { ok: true; removed: string[] } | { ok: false; stillUsed: Record<string, number> };

/**
 * The second phase: removes every key but the current one from `<dataDir>/encryption.keys`, and
 * refuses while any stored value was written with an old key. It looks again after removing them,
 * in case a server that read the keys just before the rotation was still writing, and then puts
 * the keys back.
 */
export async function retireOldKeyFile(db: Kysely<any>, dataDir: string): Promise<RetireResult> {
  const current = loadKeyring({ dataDir }).current.id;
  const before = await valuesUnderOtherKeys(db, current);
  if (Object.keys(before).length > 0) return { ok: false, stillUsed: before };
  const { removed, previousText } = retireOldKeys(dataDir);
  const after = await valuesUnderOtherKeys(db, current);
  if (Object.keys(after).length > 0) {
    restoreKeyFile(dataDir, previousText);
    return { ok: false, stillUsed: after };
  }
  return { ok: true, removed };
}
