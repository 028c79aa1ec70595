import type { Kysely } from 'kysely';

/*
 * Key rotation walks every encrypted column named in app/utils/encrypted-columns.server.ts. The
 * table and column names come from that registry (never from a person), so these queries take
 * them as parameters; `Kysely<any>` because the registry is checked by a test, not the compiler.
 */

/** One batch of rows from a table with encrypted columns, in id order, after `afterId`. */
export async function readEncryptedBatch(
  db: Kysely<any>,
  table: string,
  columns: string[],
  idColumn: string,
  afterId: unknown,
  limit: number,
) {
  let query = db.selectFrom(table).select(columns).orderBy(idColumn).limit(limit);
  if (afterId !== undefined) query = query.where(idColumn, '>', afterId);
  return (await query.execute()) as Record<string, unknown>[];
}

/**
 * Replaces encrypted values in one row, only if each still holds the value that was read, so a
 * row the portal changed meanwhile is left alone rather than overwritten with stale words.
 */
export async function replaceEncryptedValues(
  db: Kysely<any>,
  table: string,
  idColumn: string,
  id: unknown,
  updates: Record<string, string>,
  previous: Record<string, string>,
): Promise<boolean> {
  let update = db.updateTable(table).set(updates).where(idColumn, '=', id);
  for (const [column, value] of Object.entries(previous)) update = update.where(column, '=', value);
  const result = await update.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
