/** `npm run db:migrate`: brings the database to the newest schema and says what it did. */
import { getDb } from '../utils/db.server';
import { migrateToLatest } from '../utils/migrate.server';

const db = getDb();
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.destroy();
}
