import type { Kysely } from 'kysely';

// Frozen: a migration never imports app code, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // Workers and admins: a job title and team the adult sees before sharing, a second factor, and a
  // one-time set-up link (its sha-256 only) made by an admin.
  await db.schema
    .alterTable('account')
    .addColumn('job_title', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('account')
    .addColumn('team', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('account').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('account').addColumn('setup_token', 'text').execute();
  await db.schema.alterTable('account').addColumn('setup_expires_at', 'text').execute();
  // Where help is, shown with 999 when a person says they are not safe now: JSON [{ name, number }].
  await db.schema
    .alterTable('organisation')
    .addColumn('help_numbers', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('connection_code')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // The sha-256 of the code as typed (upper case, no spaces): the code itself is shown once.
    .addColumn('code_hash', 'text', (col) => col.notNull().unique())
    .addColumn('worker_id', 'text', (col) => col.notNull().references('account.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('share')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Null once the adult has deleted their account: the row stays so the worker sees why it ended.
    .addColumn('adult_id', 'text', (col) => col.references('account.id').onDelete('set null'))
    .addColumn('worker_id', 'text', (col) => col.notNull().references('account.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('sections', 'text', (col) => col.notNull())
    .addColumn('include_team', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('include_new_versions', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('until', 'text')
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('urgent_at', 'text')
    .execute();
  await db.schema.createIndex('share_adult_idx').on('share').column('adult_id').execute();
  await db.schema.createIndex('share_worker_idx').on('share').column('worker_id').execute();

  await db.schema
    .createTable('share_version')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('share_id', 'text', (col) => col.notNull().references('share.id').onDelete('cascade'))
    .addColumn('version_number', 'integer', (col) => col.notNull())
    // Only the shared sections of that version, encrypted (the share id as associated data).
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('share_version_unique', ['share_id', 'version_number'])
    .execute();

  await db.schema
    .createTable('consent_record')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('share_id', 'text', (col) => col.notNull().references('share.id').onDelete('cascade'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('sections', 'text', (col) => col.notNull())
    .addColumn('include_team', 'integer', (col) => col.notNull())
    .addColumn('include_new_versions', 'integer', (col) => col.notNull())
    .addColumn('until', 'text')
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('consent_record_share_idx').on('consent_record').column('share_id').execute();

  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('share_id', 'text', (col) => col.notNull().references('share.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (col) => col.references('account.id').onDelete('set null'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('version_number', 'integer')
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('access_log_share_idx').on('access_log').column('share_id').execute();

  await db.schema
    .createTable('reply')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('share_id', 'text', (col) => col.notNull().references('share.id').onDelete('cascade'))
    .addColumn('worker_id', 'text', (col) => col.references('account.id').onDelete('set null'))
    // Encrypted (the share id as associated data).
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('reply_share_idx').on('reply').column('share_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reply', 'access_log', 'consent_record', 'share_version', 'share', 'connection_code']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['setup_expires_at', 'setup_token', 'totp_secret', 'team', 'job_title']) {
    await db.schema.alterTable('account').dropColumn(column).execute();
  }
  await db.schema.alterTable('organisation').dropColumn('help_numbers').execute();
}
