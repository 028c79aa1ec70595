import type { Kysely } from 'kysely';

// Frozen: a migration never imports app code, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    // No foreign keys: the trail outlives the accounts it names, until the retention purge.
    .addColumn('account_id', 'text')
    .addColumn('role', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('method', 'text')
    .addColumn('subject', 'text')
    .addColumn('address', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_event_account_idx').on('audit_event').columns(['account_id', 'at']).execute();
  await db.schema.createIndex('audit_event_organisation_idx').on('audit_event').columns(['organisation_id', 'at']).execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
}
