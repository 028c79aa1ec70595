import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from '../../db/migrations';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the newest schema. Throws, naming the migration, if one fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Undoes every migration, newest first (used by the tests that prove `down` works). */
export async function migrateToNothing(db: Kysely<any>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(NO_MIGRATIONS);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
