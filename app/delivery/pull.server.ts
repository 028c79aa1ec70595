import crypto from 'node:crypto';
import { findOrganisationShare, listOrganisationSharesPage, type ShareListRow } from '../../db/repositories/integrations';
import { insertAccess, listShareVersions } from '../../db/repositories/sharing';
import type { Share, ShareStatus } from '../../db/schema';
import { stillLasts } from '~/domain/sharing/consent';
import { expireDueShares, ukToday } from '~/domain/sharing/shares.server';
import { getDb } from '~/utils/db.server';
import { buildBundle, type Bundle } from './fhir.server';

/**
 * What a case-management system pulling with an organisation's token may read: the
 * organisation's shares, and each one's content only while consent covers it. A withdrawn or
 * expired share answers with its withdrawal, never its content.
 */

export const defaultPageSize = 50;
export const maxPageSize = 100;

/** An error a system can act on: a stable code, and nothing about whether another organisation's share exists. */
export function apiError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** 401 for a missing, unknown or revoked token, saying how to authenticate (RFC 6750 section 3). */
export function unauthorised(request: Request): Response {
  const challenge = request.headers.has('Authorization')
    ? 'Bearer realm="in-my-words", error="invalid_token"'
    : 'Bearer realm="in-my-words"';
  return apiError(401, request.headers.has('Authorization') ? 'invalid_token' : 'missing_token', { 'WWW-Authenticate': challenge });
}
/** A share's status today: a share past its last day counts as expired even before the sharing module has ended it. */
function statusToday(share: Pick<Share, 'status' | 'until'>, now: Date): ShareStatus {
  return share.status === 'active' && !stillLasts(share.until, ukToday(now)) ? 'expired' : share.status;
}

/** The cursor is opaque to systems: the key of the last share on the page, so the next page starts after it. */
function encodeCursor(row: Pick<Share, 'created_at' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.created_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // Not base64url JSON: answered below as a bad cursor.
  }
  return null;
}

function latest(...times: (string | null)[]): string {
  return times.filter((t): t is string => t !== null).reduce((a, b) => (b > a ? b : a));
}

/** One share in the list: when it changed and whether consent covers it, never what it says. */
export interface ShareListItem {
  id: string;
  status: ShareStatus;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
  /** The last day the share lasts (YYYY-MM-DD, United Kingdom), or null for "until the person stops it". */
  until: string | null;
  /** The newest version shared, while the share is active. */
  version: number | null;
}

function listItem(row: ShareListRow, now: Date): ShareListItem {
  const status = statusToday(row, now);
  return {
    id: row.id,
    status,
    createdAt: row.created_at,
    updatedAt: latest(row.created_at, row.latest_version_at, row.latest_consent_at, row.ended_at),
    endedAt: row.ended_at,
    until: row.until,
    version: status === 'active' ? row.latest_version : null,
  };
}

export type ShareListResult = { ok: true; items: ShareListItem[]; nextCursor: string | null } | { ok: false; problem: 'cursor' | 'limit' };

/** A page of the organisation's shares, oldest first; `nextCursor` is null on the last page. */
export async function listSharesForSystem(
  organisationId: string,
  query: { cursor: string | null; limit: string | null },
  now = new Date(),
): Promise<ShareListResult> {
  const limit = query.limit === null ? defaultPageSize : /^\d{1,3}$/.test(query.limit) ? Number(query.limit) : NaN;
  if (!(limit >= 1 && limit <= maxPageSize)) return { ok: false, problem: 'limit' };
  const after = query.cursor === null ? null : decodeCursor(query.cursor);
  if (query.cursor !== null && !after) return { ok: false, problem: 'cursor' };
  // One more than asked for says whether another page follows, without a count.
  const rows = await listOrganisationSharesPage(getDb(), organisationId, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { ok: true, items: page.map((row) => listItem(row, now)), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * One of the organisation's shares as a FHIR Bundle: its content while consent covers it, or only
 * its withdrawal or expiry once it does not. Null for a share that is not the organisation's.
 */
export async function shareBundleForSystem(organisationId: string, shareId: string, now = new Date()): Promise<Bundle | null> {
  const db = getDb();
  let share = await findOrganisationShare(db, organisationId, shareId);
  if (!share) return null;
  if (share.status === 'active' && statusToday(share, now) === 'expired') {
    // Its last day has passed: end it properly (consent record and all) before answering.
    await expireDueShares();
    share = (await findOrganisationShare(db, organisationId, shareId)) ?? share;
  }
  const status = statusToday(share, now);
  if (status !== 'active') {
    const endedAt = share.ended_at ?? now.toISOString();
    return buildBundle(db, {
      share: { ...share, status, ended_at: endedAt },
      type: status === 'withdrawn' ? 'consent.withdrawn' : 'consent.expired',
      eventId: 'pull',
      at: endedAt,
    });
  }
  const versions = await listShareVersions(db, share.id);
  // The person sees in "who read it" that their worker's system took a copy, as they see a worker reading it.
  await insertAccess(db, {
    id: crypto.randomUUID(),
    share_id: share.id,
    actor_id: null,
    action: 'pulled',
    version_number: versions[0]?.version_number ?? null,
    at: now.toISOString(),
  });
  return buildBundle(db, {
    share,
    type: versions.length > 1 ? 'share.version-added' : 'share.created',
    eventId: 'pull',
    at: now.toISOString(),
  });
}
