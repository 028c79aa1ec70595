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
  connection_code: ConnectionCodeTable;
  share: ShareTable;
  share_version: ShareVersionTable;
  consent_record: ConsentRecordTable;
  access_log: AccessLogTable;
  reply: ReplyTable;
  webhook_endpoint: WebhookEndpointTable;
  api_token: ApiTokenTable;
  outbox_event: OutboxEventTable;
  delivery_attempt: DeliveryAttemptTable;
  audit_event: AuditEventTable;
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
  purpose: 'register' | 'authenticate' | 'second-factor';
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
  /** Where help is, shown with 999 to a person who is not safe now: JSON `[{ "name", "number" }]`. */
  help_numbers: ColumnType<string, string | undefined, string>;
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
  /** A worker's job title and team, shown to an adult before they share anything. */
  job_title: ColumnType<string, string | undefined, string>;
  team: ColumnType<string, string | undefined, string>;
  /** A worker's or admin's TOTP secret (base32), encrypted with the account id as associated data. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** sha-256 of a one-time set-up link's token, and when it stops working. */
  setup_token: ColumnType<string | null, string | null | undefined, string | null>;
  setup_expires_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ConnectionCodeTable {
  id: string;
  /** sha-256 of the code, upper case with no spaces or dashes. */
  code_hash: string;
  worker_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type ShareStatus = 'active' | 'withdrawn' | 'expired';

export interface ShareTable {
  id: string;
  /** Null once the adult has deleted their account. */
  adult_id: string | null;
  worker_id: string;
  organisation_id: string;
  /** Comma-separated section ids the person chose. */
  sections: string;
  include_team: number;
  include_new_versions: number;
  /** The last day (YYYY-MM-DD) the share lasts, or null for "until I stop it". */
  until: string | null;
  /** A purpose code, said in words on every page that shows it. */
  purpose: string;
  status: ShareStatus;
  created_at: string;
  ended_at: string | null;
  /** When the person said they are not safe now. */
  urgent_at: string | null;
}

export interface ShareVersionTable {
  id: string;
  share_id: string;
  version_number: number;
  /** The shared sections of that version, as JSON, encrypted with the share id as associated data. */
  snapshot: string;
  created_at: string;
}

export type ConsentAction = 'given' | 'changed' | 'withdrawn' | 'expired';

export interface ConsentRecordTable {
  id: string;
  share_id: string;
  action: ConsentAction;
  sections: string;
  include_team: number;
  include_new_versions: number;
  until: string | null;
  purpose: string;
  at: string;
}

export type AccessAction = 'opened' | 'printed' | 'replied' | 'refused' | 'pulled';

export interface AccessLogTable {
  id: string;
  share_id: string;
  actor_id: string | null;
  action: AccessAction;
  version_number: number | null;
  at: string;
}

export interface ReplyTable {
  id: string;
  share_id: string;
  worker_id: string | null;
  /** Encrypted with the share id as associated data. */
  body: string;
  created_at: string;
  read_at: string | null;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type Account = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;

export type Session = Selectable<SessionTable>;
export type Passkey = Selectable<PasskeyTable>;
export type StatementVersionRow = Selectable<StatementVersionTable>;
export type ConnectionCode = Selectable<ConnectionCodeTable>;
export type Share = Selectable<ShareTable>;
export type ShareVersionRow = Selectable<ShareVersionTable>;
export type ConsentRecord = Selectable<ConsentRecordTable>;
export type AccessLogEntry = Selectable<AccessLogTable>;
export type Reply = Selectable<ReplyTable>;

export interface WebhookEndpointTable {
  id: string;
  organisation_id: string;
  /** HTTPS (plain http only for localhost outside production). */
  url: string;
  /** The Standard Webhooks secret (`whsec_…`), encrypted with the endpoint id as associated data. */
  secret: string;
  /** The secret before the last rotation, still valid until `previous_secret_expires_at`. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  status: 'active' | 'disabled';
  /** Why it was disabled (for example the receiver answered 410 Gone). */
  disabled_reason: string | null;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  organisation_id: string;
  /** sha-256 of the token; the token is shown once. */
  token_hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type OutboxEventType = 'share.created' | 'share.version-added' | 'consent.changed' | 'consent.withdrawn' | 'consent.expired';
export type OutboxStatus = 'pending' | 'delivered' | 'dead';

export interface OutboxEventTable {
  /** The webhook-id: the same on every attempt, so a receiver can drop repeats. */
  id: string;
  organisation_id: string;
  share_id: string;
  /** Position among this share's events; delivered strictly in this order. */
  sequence: number;
  type: OutboxEventType;
  /** The FHIR R4 Bundle as JSON, encrypted with the event id as associated data. */
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface DeliveryAttemptTable {
  id: string;
  event_id: string;
  endpoint_id: string | null;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export type WebhookEndpoint = Selectable<WebhookEndpointTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type OutboxEvent = Selectable<OutboxEventTable>;
export type DeliveryAttempt = Selectable<DeliveryAttemptTable>;

export type AuditEventName =
  | 'sign-in'
  | 'sign-out'
  | 'password-changed'
  | 'passkey-added'
  | 'second-factor-set-up'
  | 'staff-added'
  | 'set-up-link-renewed'
  | 'help-numbers-changed'
  | 'endpoint-added'
  | 'endpoint-changed'
  | 'endpoint-removed'
  | 'token-made'
  | 'token-revoked'
  | 'event-resent';
export type AuditOutcome = 'success' | 'failure' | 'blocked';

/**
 * The security audit trail: appended to, never changed, and removed only by the retention purge.
 * It names accounts by id and says what happened, never what anyone wrote.
 */
export interface AuditEventTable {
  id: string;
  at: string;
  event: AuditEventName;
  outcome: AuditOutcome;
  /** Who did it, when known (a failed sign-in for an unknown name has none). */
  account_id: string | null;
  role: AccountRole | null;
  /** The organisation of a worker or admin, so its admins see their staff's events. */
  organisation_id: string | null;
  /** How: `password`, `passkey` or `code`. */
  method: string | null;
  /** What it was done to, by id (a staff account, an endpoint, an event), never by name. */
  subject: string | null;
  /** The visitor's address as the server saw it. */
  address: string;
}
export type AuditEvent = Selectable<AuditEventTable>;
