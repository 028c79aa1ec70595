/**
 * Every database column that holds `encryptText` values, so `npm run keys:rotate` can re-encrypt
 * them all. Add an entry in the same change that starts encrypting a column: a column missing
 * here keeps its old key forever, and that key can then never be retired.
 */

/** One encrypted column; `aadColumn` names the column whose value (as a string) was the associated data. */
export interface EncryptedColumn {
  table: string;
  idColumn: string;
  column: string;
  aadColumn?: string;
}

/** The registry of encrypted columns that key rotation re-encrypts. */
export const encryptedColumns: EncryptedColumn[] = [
  { table: 'statement_draft', idColumn: 'account_id', column: 'answers', aadColumn: 'account_id' },
  { table: 'statement_version', idColumn: 'id', column: 'snapshot', aadColumn: 'account_id' },
  { table: 'share_version', idColumn: 'id', column: 'snapshot', aadColumn: 'share_id' },
  { table: 'reply', idColumn: 'id', column: 'body', aadColumn: 'share_id' },
  { table: 'account', idColumn: 'id', column: 'totp_secret', aadColumn: 'id' },
  { table: 'webhook_endpoint', idColumn: 'id', column: 'secret', aadColumn: 'id' },
  { table: 'webhook_endpoint', idColumn: 'id', column: 'previous_secret', aadColumn: 'id' },
  { table: 'outbox_event', idColumn: 'id', column: 'payload', aadColumn: 'id' },
];
