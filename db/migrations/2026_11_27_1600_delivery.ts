import type { Kysely } from 'kysely';

// Frozen: a migration never imports app code, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // A case-management system an organisation pushes to. The signing secret is encrypted (the
  // endpoint id as associated data); after a rotation the previous one stays valid for a while.
  await db.schema
    .createTable('webhook_endpoint')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_expires_at', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('disabled_reason', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('webhook_endpoint_organisation_idx').on('webhook_endpoint').column('organisation_id').execute();

  // A token a system uses to pull; only its sha-256 is kept (the token is shown once).
  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  // The transactional outbox: written in the same transaction as the share, version, withdrawal
  // or expiry it describes; `id` is the webhook-id every attempt carries.
  await db.schema
    .createTable('outbox_event')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('share_id', 'text', (col) => col.notNull().references('share.id').onDelete('cascade'))
    // Orders one share's events: each is delivered only after the one before it.
    .addColumn('sequence', 'integer', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    // The FHIR Bundle as JSON, encrypted (the event id as associated data).
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('outbox_event_sequence_unique', ['share_id', 'sequence'])
    .execute();
  await db.schema.createIndex('outbox_event_due_idx').on('outbox_event').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('delivery_attempt')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('outbox_event.id').onDelete('cascade'))
    .addColumn('endpoint_id', 'text', (col) => col.references('webhook_endpoint.id').onDelete('set null'))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('delivery_attempt_event_idx').on('delivery_attempt').column('event_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['delivery_attempt', 'outbox_event', 'api_token', 'webhook_endpoint']) {
    await db.schema.dropTable(table).execute();
  }
}
