import { sql, type Kysely } from 'kysely';

// Frozen: a migration never imports app code, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('languages', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('adult', 'worker', 'admin')`))
    .addColumn('username', 'text', (col) => col.unique())
    .addColumn('email', 'text', (col) => col.unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('organisation_id', 'text', (col) => col.references('organisation.id').onDelete('restrict'))
    .addColumn('language', 'text', (col) => col.notNull().defaultTo('en'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema.createIndex('account_organisation_idx').on('account').column('organisation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account').execute();
  await db.schema.dropTable('organisation').execute();
}
