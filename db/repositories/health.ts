import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/** Asks the database a trivial question, to prove it answers. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
