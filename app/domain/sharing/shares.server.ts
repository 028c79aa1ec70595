import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { findAccount } from '../../../db/repositories/accounts';
import { findOrganisation } from '../../../db/repositories/organisations';
import {
  deleteShareVersion,
  endShare,
  findCodeByHash,
  findShare,
  insertAccess,
  insertCode,
  insertConsentRecord,
  insertReply,
  insertShare,
  insertShareVersion,
  listAccess,
  listActiveSharesWithEndDay,
  listLastOpenedVersions,
  listNewestVersions,
  listOpenCodes,
  listReplies,
  listShareVersions,
  listSharesForWorker,
  listSharesOfAdult,
  listSharesTakingNewVersions,
  markRepliesRead,
  markSharesUrgent,
  updateShareTerms,
  useCode,
} from '../../../db/repositories/sharing';
import { findVersion, latestVersionNumber } from '../../../db/repositories/statements';
import type { Account, AccessAction, ConsentAction, Database, Share } from '../../../db/schema';
import { enqueueEvent } from '~/delivery/outbox.server';
import { getDb } from '~/utils/db.server';
import { readHelpNumbers, type HelpNumber } from '../help-numbers';
import { seal, unseal } from '../sealed.server';
import type { Answers } from '../statement/answers';
import { statement } from '../statement/definition';
import { diffAnswers, type Change } from '../statement/diff';
import { codeLifetimeDays, hashCode, looksLikeCode, newCode, normaliseCode } from './codes';
import { sharePurpose, stillLasts, type ShareTerms } from './consent';

/** Today in the United Kingdom, as YYYY-MM-DD: a share "until 31 March" lasts all of that day there. */
export function ukToday(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

/** What one shared version holds: only the sections the person chose. */
export interface SharedSnapshot {
  number: number;
  language: string;
  confirmedAt: string;
  answers: Answers;
}

function onlySections(answers: Answers, sections: string[]): Answers {
  const kept: Answers = {};
  for (const section of statement.filter((s) => sections.includes(s.id))) {
    for (const question of section.questions) if (answers[question.id]) kept[question.id] = answers[question.id]!;
  }
  return kept;
}

async function snapshotVersion(db: Kysely<Database>, share: Pick<Share, 'id' | 'sections'>, adultId: string, number: number) {
  const version = await findVersion(db, adultId, number);
  if (!version) throw new Error('The version to share does not exist.');
  const snapshot: SharedSnapshot = {
    number,
    language: version.language,
    confirmedAt: version.created_at,
    answers: onlySections(JSON.parse(unseal(version.snapshot, adultId)) as Answers, share.sections.split(',')),
  };
  await insertShareVersion(db, {
    id: crypto.randomUUID(),
    share_id: share.id,
    version_number: number,
    snapshot: seal(JSON.stringify(snapshot), share.id),
    created_at: new Date().toISOString(),
  });
}

async function recordConsent(db: Kysely<Database>, share: Share, action: ConsentAction, at: string) {
  await insertConsentRecord(db, {
    id: crypto.randomUUID(),
    share_id: share.id,
    action,
    sections: share.sections,
    include_team: share.include_team,
    include_new_versions: share.include_new_versions,
    until: share.until,
    purpose: share.purpose,
    at,
  });
}

async function logAccess(
  db: Kysely<Database>,
  shareId: string,
  actorId: string | null,
  action: AccessAction,
  versionNumber: number | null,
) {
  await insertAccess(db, {
    id: crypto.randomUUID(),
    share_id: shareId,
    actor_id: actorId,
    action,
    version_number: versionNumber,
    at: new Date().toISOString(),
  });
}

/* ---------------------------------------------------------------- connection codes */

/** Makes a new single-use code for a worker; the code itself is returned once and only its hash kept. */
export async function createConnectionCode(worker: Account): Promise<{ code: string; expiresAt: string }> {
  const code = newCode();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + codeLifetimeDays * 86_400_000).toISOString();
  await insertCode(getDb(), {
    id: crypto.randomUUID(),
    code_hash: hashCode(code),
    worker_id: worker.id,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  return { code, expiresAt };
}

/** A worker's codes not yet used, with when each stops working. */
export async function openCodesOf(worker: Account) {
  return (await listOpenCodes(getDb(), worker.id, new Date().toISOString())).map((c) => ({
    createdAt: c.created_at,
    expiresAt: c.expires_at,
  }));
}

export interface WorkerCard {
  name: string;
  jobTitle: string;
  team: string;
  organisation: string;
}

export type CodeLookup =
  { status: 'ok'; codeId: string; worker: Account; card: WorkerCard } | { status: 'mistyped' | 'unknown' | 'expired' | 'used' };

/** What a typed code leads to: the worker it belongs to, or why it cannot be used. */
export async function lookUpCode(typed: string, db: Kysely<Database> = getDb()): Promise<CodeLookup> {
  const normalised = normaliseCode(typed);
  if (!looksLikeCode(normalised)) return { status: 'mistyped' };
  const code = await findCodeByHash(db, hashCode(normalised));
  if (!code) return { status: 'unknown' };
  if (code.used_at) return { status: 'used' };
  if (code.expires_at <= new Date().toISOString()) return { status: 'expired' };
  const worker = await findAccount(db, code.worker_id);
  if (!worker?.organisation_id || worker.role !== 'worker') return { status: 'unknown' };
  const organisation = await findOrganisation(db, worker.organisation_id);
  return {
    status: 'ok',
    codeId: code.id,
    worker,
    card: { name: worker.display_name, jobTitle: worker.job_title, team: worker.team, organisation: organisation?.name ?? '' },
  };
}

/* ---------------------------------------------------------------- sharing, for the adult */

export type ShareOutcome =
  { ok: true; shareId: string } | { ok: false; reason: 'mistyped' | 'unknown' | 'expired' | 'used' | 'no-version' };

/**
 * Shares the person's newest confirmed version with the code's worker. The code is used, and the
 * share, its snapshot and the consent record are written, in one transaction: all or nothing.
 */
export async function shareWithWorker(adultId: string, typedCode: string, terms: ShareTerms): Promise<ShareOutcome> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<ShareOutcome> => {
      const found = await lookUpCode(typedCode, trx);
      if (found.status !== 'ok') return { ok: false, reason: found.status };
      const number = await latestVersionNumber(trx, adultId);
      if (number === 0) return { ok: false, reason: 'no-version' };
      const now = new Date().toISOString();
      if (!(await useCode(trx, found.codeId, now))) return { ok: false, reason: 'used' };
      const share: Share = {
        id: crypto.randomUUID(),
        adult_id: adultId,
        worker_id: found.worker.id,
        organisation_id: found.worker.organisation_id!,
        sections: terms.sections.join(','),
        include_team: terms.includeTeam ? 1 : 0,
        include_new_versions: terms.includeNewVersions ? 1 : 0,
        until: terms.until,
        purpose: sharePurpose,
        status: 'active',
        created_at: now,
        ended_at: null,
        urgent_at: null,
      };
      await insertShare(trx, share);
      await snapshotVersion(trx, share, adultId, number);
      await recordConsent(trx, share, 'given', now);
      // The event for the worker's case system is written with the share: both or neither.
      await enqueueEvent(trx, share, 'share.created');
      return { ok: true, shareId: share.id };
    });
}

/** Ends a share whose chosen end day has passed (once; later calls find it already ended). */
async function expireIfDue(share: Share): Promise<Share> {
  if (share.status !== 'active' || stillLasts(share.until, ukToday())) return share;
  const at = new Date().toISOString();
  await getDb()
    .transaction()
    .execute(async (trx) => {
      if (await endShare(trx, share.id, 'expired', at)) {
        await recordConsent(trx, share, 'expired', at);
        await enqueueEvent(trx, { ...share, status: 'expired', ended_at: at }, 'consent.expired');
      }
    });
  return { ...share, status: 'expired', ended_at: at };
}

/** Ends every share whose end day has passed (the server runs this now and then). */
export async function expireDueShares(): Promise<void> {
  for (const share of await listActiveSharesWithEndDay(getDb())) await expireIfDue(share);
}

/** Adds a newly confirmed version to every share that takes new versions, inside the confirmation's transaction. */
export async function shareNewVersion(trx: Kysely<Database>, adultId: string, number: number): Promise<void> {
  const today = ukToday();
  for (const share of await listSharesTakingNewVersions(trx, adultId)) {
    if (stillLasts(share.until, today)) {
      await snapshotVersion(trx, share, adultId, number);
      await enqueueEvent(trx, share, 'share.version-added');
    }
  }
}

async function ownShare(adultId: string, shareId: string): Promise<Share | null> {
  const share = await findShare(getDb(), shareId);
  return share && share.adult_id === adultId ? expireIfDue(share) : null;
}

/** Everything the person needs to see about who can see their statement. */
export async function sharesOfAdult(adultId: string) {
  const result = [];
  for (const row of await listSharesOfAdult(getDb(), adultId)) result.push(await describeShare(row));
  return result;
}

/** One share as the person sees it: who, what, until when, who read it, replies. */
async function describeShare(row: Share) {
  const db = getDb();
  const share = await expireIfDue(row);
  const worker = await findAccount(db, share.worker_id);
  const organisation = await findOrganisation(db, share.organisation_id);
  const access = await listAccess(db, share.id);
  const replies = (await listReplies(db, share.id)).map((r) => ({
    id: r.id,
    from: r.worker_name ?? '',
    at: r.created_at,
    body: unseal(r.body, share.id),
    unread: !r.read_at,
  }));
  const versions = await listShareVersions(db, share.id);
  return {
    id: share.id,
    worker: {
      name: worker?.display_name ?? '',
      jobTitle: worker?.job_title ?? '',
      team: worker?.team ?? '',
      organisation: organisation?.name ?? '',
    },
    sections: share.sections.split(','),
    includeTeam: share.include_team === 1,
    includeNewVersions: share.include_new_versions === 1,
    until: share.until,
    status: share.status,
    createdAt: share.created_at,
    endedAt: share.ended_at,
    versions: versions.map((v) => v.version_number),
    access: access.map((a) => ({
      action: a.action,
      who: a.actor_name ?? '',
      whoTitle: a.actor_title ?? '',
      at: a.at,
      version: a.version_number,
    })),
    replies,
  };
}

/** One of the person's own shares, for the change and withdraw pages; null for anyone else's. */
export async function shareOfAdult(adultId: string, shareId: string) {
  const row = await findShare(getDb(), shareId);
  return row && row.adult_id === adultId ? describeShare(row) : null;
}

/** Marks replies as seen by the person. */
export async function markRepliesSeen(adultId: string, shareId: string): Promise<void> {
  if (await ownShare(adultId, shareId)) await markRepliesRead(getDb(), shareId, new Date().toISOString());
}

/** Changes what an active share covers; a new consent record says what changed and when. */
export async function changeShare(adultId: string, shareId: string, terms: ShareTerms): Promise<boolean> {
  const share = await ownShare(adultId, shareId);
  if (!share || share.status !== 'active') return false;
  const changed: Share = {
    ...share,
    sections: terms.sections.join(','),
    include_team: terms.includeTeam ? 1 : 0,
    include_new_versions: terms.includeNewVersions ? 1 : 0,
    until: terms.until,
  };
  await getDb()
    .transaction()
    .execute(async (trx) => {
      await updateShareTerms(trx, share.id, {
        sections: changed.sections,
        include_team: changed.include_team,
        include_new_versions: changed.include_new_versions,
        until: changed.until,
      });
      // The worker sees only what the person now allows: every version the share holds is taken again, cut
      // to the new sections (an older one left uncut would show a removed section in "what changed").
      const numbers = (await listShareVersions(trx, share.id)).map((v) => v.version_number);
      if (numbers.length === 0) numbers.push(await latestVersionNumber(trx, adultId));
      for (const number of numbers) {
        await deleteShareVersion(trx, share.id, number);
        await snapshotVersion(trx, changed, adultId, number);
      }
      await recordConsent(trx, changed, 'changed', new Date().toISOString());
      // The worker's own system holds what was sent before: it gets the narrower (or wider) statement
      // and the changed consent, so a section the person took back does not stay there either.
      await enqueueEvent(trx, changed, 'consent.changed');
    });
  return true;
}

/** Withdraws consent: from now the worker cannot open the statement, and the record says when. */
export async function withdrawShare(adultId: string, shareId: string): Promise<boolean> {
  const share = await ownShare(adultId, shareId);
  if (!share || share.status !== 'active') return false;
  const at = new Date().toISOString();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      if (!(await endShare(trx, share.id, 'withdrawn', at))) return false;
      await recordConsent(trx, share, 'withdrawn', at);
      await enqueueEvent(trx, { ...share, status: 'withdrawn', ended_at: at }, 'consent.withdrawn');
      return true;
    });
}

/**
 * The person says they are not safe now: every active share is marked urgent in the worker's inbox.
 */
export async function reportNotSafe(adultId: string): Promise<{ sharesMarked: number }> {
  return { sharesMarked: await markSharesUrgent(getDb(), adultId, new Date().toISOString()) };
}

/** The help numbers of every organisation the person shares with now. */
export async function helpNumbersFor(adultId: string): Promise<HelpNumber[]> {
  const db = getDb();
  const numbers: HelpNumber[] = [];
  const organisations = new Set((await listSharesOfAdult(db, adultId)).filter((s) => s.status === 'active').map((s) => s.organisation_id));
  for (const id of organisations) {
    // A damaged setting reads as no numbers: it must never stop 999 being shown.
    numbers.push(...readHelpNumbers((await findOrganisation(db, id))?.help_numbers ?? '[]'));
  }
  return numbers;
}

/* ---------------------------------------------------------------- reading, for the worker */

/** A worker's view of one share, if they may see it at all (given to them, or to their team). */
async function shareForWorker(worker: Account, shareId: string) {
  if (!worker.organisation_id) return null;
  const [row] = await listSharesForWorker(getDb(), { id: worker.id, organisation_id: worker.organisation_id, team: worker.team }, shareId);
  return row ? { row, share: await expireIfDue(row) } : null;
}

async function lastOpenedVersion(shareId: string, workerId: string): Promise<number | null> {
  const opened = (await listAccess(getDb(), shareId)).filter(
    (a) => a.actor_id === workerId && a.action === 'opened' && a.version_number !== null,
  );
  return opened.length ? Math.max(...opened.map((a) => a.version_number!)) : null;
}

function labelOf(snapshot: SharedSnapshot | null, shareId: string): { name: string | null; ref: string } {
  const name = snapshot?.answers.name?.status === 'answered' ? snapshot.answers.name.text : '';
  return { name: name || null, ref: shareId.slice(0, 8).toUpperCase() };
}

async function latestSnapshot(shareId: string): Promise<SharedSnapshot | null> {
  const [latest] = await listShareVersions(getDb(), shareId);
  return latest ? (JSON.parse(unseal(latest.snapshot, shareId)) as SharedSnapshot) : null;
}

/** A worker's inbox: shares they may read now, urgent first, then newest; unread marked. */
export async function inboxOf(worker: Account) {
  if (!worker.organisation_id) return [];
  const db = getDb();
  const rows = await listSharesForWorker(db, { id: worker.id, organisation_id: worker.organisation_id, team: worker.team });
  const active: typeof rows = [];
  for (const row of rows) if ((await expireIfDue(row)).status === 'active') active.push(row);
  // Two queries for the whole inbox, not two for each share.
  const ids = active.map((row) => row.id);
  const newest = new Map((await listNewestVersions(db, ids)).map((v) => [v.share_id, v]));
  const lastOpened = await listLastOpenedVersions(db, ids, worker.id);
  const items = [];
  for (const share of active) {
    const version = newest.get(share.id);
    const snapshot = version ? (JSON.parse(unseal(version.snapshot, share.id)) as SharedSnapshot) : null;
    const lastRead = lastOpened.get(share.id) ?? null;
    items.push({
      id: share.id,
      label: labelOf(snapshot, share.id),
      sharedWith: share.worker_id === worker.id ? null : share.worker_name,
      version: snapshot?.number ?? 0,
      updatedAt: snapshot?.confirmedAt ?? share.created_at,
      unread: lastRead === null || (snapshot !== null && lastRead < snapshot.number),
      urgentAt: share.urgent_at,
    });
  }
  return items.sort((a, b) => (a.urgentAt ? 0 : 1) - (b.urgentAt ? 0 : 1) || b.updatedAt.localeCompare(a.updatedAt));
}

export type WorkerView =
  | { kind: 'ended'; status: 'withdrawn' | 'expired'; at: string }
  | {
      kind: 'open';
      id: string;
      label: { name: string | null; ref: string };
      snapshot: SharedSnapshot;
      sections: string[];
      until: string | null;
      purpose: string;
      urgentAt: string | null;
      changes: Change[] | null;
      lastReadNumber: number | null;
      replies: { from: string; at: string; body: string }[];
    };

/**
 * Opens a share for a worker, writing the access log. Null when this worker may not see it at
 * all (not theirs, another organisation, or deleted): the page then says only "not found".
 */
export async function openForWorker(worker: Account, shareId: string, action: 'opened' | 'printed' = 'opened'): Promise<WorkerView | null> {
  const found = await shareForWorker(worker, shareId);
  if (!found) return null;
  const { share } = found;
  if (share.status !== 'active') {
    await logAccess(getDb(), share.id, worker.id, 'refused', null);
    return { kind: 'ended', status: share.status, at: share.ended_at ?? share.created_at };
  }
  const versions = await listShareVersions(getDb(), share.id);
  const snapshot = versions[0] ? (JSON.parse(unseal(versions[0].snapshot, share.id)) as SharedSnapshot) : null;
  if (!snapshot) return null;
  const lastRead = await lastOpenedVersion(share.id, worker.id);
  let changes: Change[] | null = null;
  if (lastRead !== null && lastRead < snapshot.number) {
    const before = versions.find((v) => v.version_number === lastRead);
    if (before) changes = diffAnswers((JSON.parse(unseal(before.snapshot, share.id)) as SharedSnapshot).answers, snapshot.answers);
  }
  await logAccess(getDb(), share.id, worker.id, action, snapshot.number);
  const replies = (await listReplies(getDb(), share.id)).map((r) => ({
    from: r.worker_name ?? '',
    at: r.created_at,
    body: unseal(r.body, share.id),
  }));
  return {
    kind: 'open',
    id: share.id,
    label: labelOf(snapshot, share.id),
    snapshot,
    sections: share.sections.split(','),
    until: share.until,
    purpose: share.purpose,
    urgentAt: share.urgent_at,
    changes,
    lastReadNumber: lastRead,
    replies,
  };
}

/** The person's safe-contact rules from a share, for the reply page: never the rest of the statement. */
export async function contactRulesFor(worker: Account, shareId: string) {
  const found = await shareForWorker(worker, shareId);
  if (!found || found.share.status !== 'active') return found ? { ended: true as const } : null;
  const snapshot = await latestSnapshot(shareId);
  return {
    ended: false as const,
    label: labelOf(snapshot, shareId),
    shared: found.share.sections.split(',').includes('contact'),
    safeWays: snapshot?.answers.safeWays ?? null,
    never: snapshot?.answers.never ?? null,
  };
}

/** A worker's short reply to the person; refused when the share has ended or is not theirs to read. */
export async function replyToShare(worker: Account, shareId: string, body: string): Promise<boolean> {
  const found = await shareForWorker(worker, shareId);
  if (!found || found.share.status !== 'active') return false;
  const now = new Date().toISOString();
  await getDb()
    .transaction()
    .execute(async (trx) => {
      await insertReply(trx, {
        id: crypto.randomUUID(),
        share_id: shareId,
        worker_id: worker.id,
        body: seal(body, shareId),
        created_at: now,
        read_at: null,
      });
      await logAccess(trx, shareId, worker.id, 'replied', null);
    });
  return true;
}
