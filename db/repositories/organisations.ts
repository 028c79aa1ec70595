import type { Kysely } from 'kysely';
import type { Database, NewOrganisation, Organisation } from '../schema';

/** Adds an organisation. */
export async function insertOrganisation(db: Kysely<Database>, organisation: NewOrganisation): Promise<void> {
  await db.insertInto('organisation').values(organisation).execute();
}

/** Counts organisations (a new database has none). */
export async function countOrganisations(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('organisation')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count as a string.
  return Number(row.n);
}

/** Finds an organisation by id. */
export async function findOrganisation(db: Kysely<Database>, id: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}
