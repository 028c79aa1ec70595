import { findAccount } from '../../db/repositories/accounts';
import { listPasskeys } from '../../db/repositories/passkeys';
import { deleteAdultAccount, listAllSessions } from '../../db/repositories/rights';
import { deleteShareContent, listConsentRecords, listSharesOfAdult } from '../../db/repositories/sharing';
import { findDraft } from '../../db/repositories/statements';
import { purgeContentOfShares } from '~/delivery/outbox.server';
import { getDb } from '~/utils/db.server';
import { sharesOfAdult, withdrawShare } from './sharing/shares.server';
import type { Answers } from './statement/answers';
import { loadDraft, versionOf, versionsOf } from './statement/store.server';

/*
 * The adult's data rights: a copy of everything held about them, and deleting their account.
 * The copy never holds a secret (password hash, session ids, passkey keys, one-time codes): it
 * may end up in a downloads folder on a shared phone, and nothing in it should let anyone sign in.
 */

export interface Everything {
  exportedAt: string;
  account: {
    username: string;
    language: string;
    createdAt: string;
    passwordSet: boolean;
    passkeys: { createdAt: string; lastUsedAt: string | null }[];
    sessions: { device: string; createdAt: string; lastSeenAt: string }[];
  };
  draft: { updatedAt: string | null; answers: Answers };
  versions: { number: number; createdAt: string; language: string; answers: Answers }[];
  shares: {
    /** The short reference the worker also sees, so the person can talk about one share. */
    reference: string;
    worker: { name: string; jobTitle: string; team: string; organisation: string };
    sections: string[];
    includeTeam: boolean;
    includeNewVersions: boolean;
    until: string | null;
    status: string;
    createdAt: string;
    endedAt: string | null;
    versionsShared: number[];
    access: { action: string; who: string; whoTitle: string; at: string; version: number | null }[];
    replies: { from: string; at: string; body: string; read: boolean }[];
    consentRecords: {
      action: string;
      sections: string[];
      includeTeam: boolean;
      includeNewVersions: boolean;
      until: string | null;
      purpose: string;
      at: string;
    }[];
  }[];
}

/** Everything the portal holds about one adult, in plain words (decrypted), with no secrets. */
export async function everythingAbout(adultId: string): Promise<Everything | null> {
  const db = getDb();
  const account = await findAccount(db, adultId);
  if (!account || account.role !== 'adult') return null;
  const draftRow = await findDraft(db, adultId);
  const versions = [];
  for (const summary of await versionsOf(adultId)) {
    const version = await versionOf(adultId, summary.number);
    if (version) versions.push(version);
  }
  const shares = [];
  for (const share of await sharesOfAdult(adultId)) {
    const records = await listConsentRecords(db, share.id);
    shares.push({
      reference: share.id.slice(0, 8).toUpperCase(),
      worker: share.worker,
      sections: share.sections,
      includeTeam: share.includeTeam,
      includeNewVersions: share.includeNewVersions,
      until: share.until,
      status: share.status,
      createdAt: share.createdAt,
      endedAt: share.endedAt,
      versionsShared: share.versions,
      access: share.access,
      replies: share.replies.map((r) => ({ from: r.from, at: r.at, body: r.body, read: !r.unread })),
      consentRecords: records.map((r) => ({
        action: r.action,
        sections: r.sections.split(','),
        includeTeam: r.include_team === 1,
        includeNewVersions: r.include_new_versions === 1,
        until: r.until,
        purpose: r.purpose,
        at: r.at,
      })),
    });
  }
  return {
    exportedAt: new Date().toISOString(),
    account: {
      username: account.username ?? '',
      language: account.language,
      createdAt: account.created_at,
      passwordSet: Boolean(account.password_hash),
      passkeys: (await listPasskeys(db, adultId)).map((p) => ({ createdAt: p.created_at, lastUsedAt: p.last_used_at })),
      sessions: (await listAllSessions(db, adultId)).map((s) => ({
        device: s.device,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
      })),
    },
    draft: { updatedAt: draftRow?.updated_at ?? null, answers: await loadDraft(adultId) },
    versions: versions.map((v) => ({ number: v.number, createdAt: v.createdAt, language: v.language, answers: v.answers })),
    shares,
  };
}

/** Another share became active while the account was being deleted (another tab): withdraw again. */
class StillSharing extends Error {}

/**
 * Deletes an adult's account: every active share is withdrawn (a consent record dated now, so the
 * worker's page says when), every share's snapshots and replies are removed, then the account
 * with its sessions, passkeys, draft and versions. True when the account was deleted.
 */
export async function deleteAdult(adultId: string): Promise<boolean> {
  const db = getDb();
  const account = await findAccount(db, adultId);
  if (!account || account.role !== 'adult') return false;
  for (let attempt = 0; attempt < 3; attempt++) {
    // withdrawShare runs its own transaction on the shared handle, so it cannot run inside the one
    // below (on SQLite it would wait for the connection that transaction holds). It runs first;
    // a failure after it leaves the shares withdrawn and the account in place, the safe side.
    for (const share of await listSharesOfAdult(db, adultId)) {
      if (share.status === 'active') await withdrawShare(adultId, share.id);
    }
    try {
      return await db.transaction().execute(async (trx) => {
        const shares = await listSharesOfAdult(trx, adultId);
        if (shares.some((s) => s.status === 'active')) throw new StillSharing();
        for (const share of shares) await deleteShareContent(trx, share.id);
        // Events for the worker's system that carry the person's words go too; withdrawals stay.
        await purgeContentOfShares(
          trx,
          shares.map((share) => share.id),
        );
        return deleteAdultAccount(trx, adultId);
      });
    } catch (error) {
      if (!(error instanceof StillSharing)) throw error;
    }
  }
  throw new Error('A share kept becoming active while the account was being deleted.');
}
