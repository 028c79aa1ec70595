import type { Kysely } from 'kysely';

// Frozen: a migration never imports app code, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session')
    // The sha-256 of the cookie's token: a copy of the database does not give working sessions.
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('device', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('session_account_idx').on('session').column('account_id').execute();

  await db.schema
    .createTable('passkey')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (col) => col.notNull())
    .addColumn('counter', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('transports', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('passkey_account_idx').on('passkey').column('account_id').execute();

  await db.schema
    .createTable('auth_challenge')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('challenge', 'text', (col) => col.notNull())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('account_id', 'text', (col) => col.references('account.id').onDelete('cascade'))
    .addColumn('username', 'text')
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('statement_draft')
    .addColumn('account_id', 'text', (col) => col.primaryKey().references('account.id').onDelete('cascade'))
    // The whole draft, encrypted (AES-256-GCM, the account id as associated data).
    .addColumn('answers', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('statement_version')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id').onDelete('cascade'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('statement_version_number_unique', ['account_id', 'number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('statement_version').execute();
  await db.schema.dropTable('statement_draft').execute();
  await db.schema.dropTable('auth_challenge').execute();
  await db.schema.dropTable('passkey').execute();
  await db.schema.dropTable('session').execute();
}
