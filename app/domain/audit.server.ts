import crypto from 'node:crypto';
import { findAccountByEmail, findAccountByUsername } from '../../db/repositories/accounts';
import { insertAuditEvent, listAccountAuditEvents, listOrganisationAuditEvents, purgeAuditEvents } from '../../db/repositories/audit';
import type { Account, AuditEvent, AuditEventName, AuditOutcome } from '../../db/schema';
import { getDb } from '~/utils/db.server';

/**
 * The security audit trail (ADR 16): who signed in, who failed, who changed what, from where and
 * when. Rows name accounts, endpoints and events by id and never hold anything a person wrote.
 */

/** Days an audit event is kept before the server's periodic work removes it. */
export const auditRetentionDays = Number(process.env.AUDIT_RETENTION_DAYS ?? 400);

export type AuditMethod = 'password' | 'passkey' | 'code';

export interface AuditInput {
  event: AuditEventName;
  outcome?: AuditOutcome;
  /** Who did it, when known. */
  account?: Pick<Account, 'id' | 'role' | 'organisation_id'> | null;
  method?: AuditMethod;
  /** What it was done to, by id. */
  subject?: string;
  address: string;
  now?: Date;
}

/** Appends one event to the audit trail. */
export async function recordAudit(input: AuditInput): Promise<void> {
  await insertAuditEvent(getDb(), {
    id: crypto.randomUUID(),
    at: (input.now ?? new Date()).toISOString(),
    event: input.event,
    outcome: input.outcome ?? 'success',
    account_id: input.account?.id ?? null,
    role: input.account?.role ?? null,
    organisation_id: input.account?.organisation_id ?? null,
    method: input.method ?? null,
    subject: input.subject ?? null,
    address: input.address.slice(0, 100),
  });
}

/**
 * Records a refused sign-in. When the name belongs to an account of that sign-in page's people,
 * the event names that account (so its owner and, for staff, its admins see it); the name typed
 * is never stored.
 */
export async function recordRefusedSignIn(input: {
  audience: 'adult' | 'staff';
  name: string;
  method: AuditMethod;
  outcome: 'failure' | 'blocked';
  address: string;
}): Promise<void> {
  const db = getDb();
  const found = input.name
    ? input.audience === 'adult'
      ? await findAccountByUsername(db, input.name)
      : await findAccountByEmail(db, input.name)
    : undefined;
  const belongs = found && (input.audience === 'adult') === (found.role === 'adult');
  await recordAudit({
    event: 'sign-in',
    outcome: input.outcome,
    account: belongs ? found : null,
    method: input.method,
    address: input.address,
  });
}

/** The person's own recent sign-ins, right or refused, newest first ("Was this you?"). */
export async function recentSignIns(accountId: string, limit = 10): Promise<AuditEvent[]> {
  return listAccountAuditEvents(getDb(), accountId, ['sign-in'], limit);
}

export const auditPageSize = 50;
const maxAuditPage = 100_000;

/**
 * A page number from the address: anything odd is page 1, and nothing goes past a page far beyond
 * any real log, so an address such as `?page=1e308` never asks the database for nonsense.
 */
export function auditPageNumber(value: unknown): number {
  const page = typeof value === 'number' ? value : Number(value);
  return Number.isSafeInteger(page) && page > 0 ? Math.min(page, maxAuditPage) : 1;
}

/** One page (from 1) of the events of an organisation's workers and admins, newest first. */
export async function organisationAuditPage(organisationId: string, page: number): Promise<{ events: AuditEvent[]; more: boolean }> {
  return listOrganisationAuditEvents(getDb(), organisationId, (auditPageNumber(page) - 1) * auditPageSize, auditPageSize);
}

/** Removes events past the retention period; returns how many went. */
export async function purgeExpiredAuditEvents(now = new Date()): Promise<number> {
  return purgeAuditEvents(getDb(), new Date(now.getTime() - auditRetentionDays * 86_400_000).toISOString());
}
