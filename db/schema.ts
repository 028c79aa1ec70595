import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * The database, one interface a table. Ids are text (random UUIDs made by the portal) and times
 * are ISO 8601 text, so the same queries run on SQLite and PostgreSQL.
 */
export interface Database {
  organisation: OrganisationTable;
  account: AccountTable;
  session: SessionTable;
  passkey: PasskeyTable;
  auth_challenge: AuthChallengeTable;
  statement_draft: StatementDraftTable;
  statement_version: StatementVersionTable;
}

export interface SessionTable {
  /** sha-256 of the cookie's token, hex. */
  id: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** A short description of the browser, so the person can tell their sessions apart. */
  device: ColumnType<string, string | undefined, string>;
}

export interface PasskeyTable {
  /** The credential id, base64url. */
  id: string;
  account_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: number;
  /** Comma-separated transports the authenticator reported. */
  transports: ColumnType<string, string | undefined, string>;
  created_at: string;
  last_used_at: string | null;
}

export interface AuthChallengeTable {
  id: string;
  challenge: string;
  purpose: 'register' | 'authenticate';
  account_id: string | null;
  username: string | null;
  expires_at: string;
}

export interface StatementDraftTable {
  account_id: string;
  /** The draft's answers as JSON, encrypted. */
  answers: string;
  updated_at: string;
}

export interface StatementVersionTable {
  id: string;
  account_id: string;
  number: number;
  /** The whole statement at confirmation, as JSON, encrypted. */
  snapshot: string;
  /** The language the person used when they confirmed it. */
  language: string;
  created_at: string;
}

export interface OrganisationTable {
  id: string;
  name: string;
  /** Comma-separated language codes the organisation offers; empty means all. */
  languages: ColumnType<string, string | undefined, string>;
  created_at: string;
}

export type AccountRole = 'adult' | 'worker' | 'admin';

export interface AccountTable {
  id: string;
  role: AccountRole;
  /** Adults choose a username (no real name needed); workers and admins sign in with email. */
  username: string | null;
  email: string | null;
  display_name: string;
  password_hash: string | null;
  organisation_id: string | null;
  /** The language the account's pages are shown in. */
  language: string;
  created_at: string;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type Account = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;

export type Session = Selectable<SessionTable>;
export type Passkey = Selectable<PasskeyTable>;
export type StatementVersionRow = Selectable<StatementVersionTable>;
