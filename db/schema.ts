import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * The database, one interface a table. Ids are text (random UUIDs made by the portal) and times
 * are ISO 8601 text, so the same queries run on SQLite and PostgreSQL.
 */
export interface Database {
  organisation: OrganisationTable;
  account: AccountTable;
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
