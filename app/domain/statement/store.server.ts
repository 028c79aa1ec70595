import crypto from 'node:crypto';
import { findDraft, findVersion, insertVersion, latestVersionNumber, listVersions, upsertDraft } from '../../../db/repositories/statements';
import { seal, unseal } from '../sealed.server';
import { shareNewVersion } from '../sharing/shares.server';
import { getDb } from '~/utils/db.server';
import type { Answer, Answers } from './answers';

/*
 * Where the statement is kept. Every answer is encrypted at rest (AES-256-GCM), with the
 * account id as associated data, so a value copied into another person's row does not decrypt.
 * Only this module sees the plain words on their way in and out of the database.
 */
export { resetKeyring } from '../sealed.server';

/** The person's draft answers (empty when they have not started). */
export async function loadDraft(accountId: string): Promise<Answers> {
  const row = await findDraft(getDb(), accountId);
  return row ? (JSON.parse(unseal(row.answers, accountId)) as Answers) : {};
}

async function writeDraft(accountId: string, answers: Answers): Promise<void> {
  await upsertDraft(getDb(), accountId, seal(JSON.stringify(answers), accountId), new Date().toISOString());
}

/** Saves one answer into the draft, keeping every other answer as it was. */
export async function saveAnswer(accountId: string, questionId: string, answer: Answer): Promise<void> {
  const answers = await loadDraft(accountId);
  answers[questionId] = answer;
  await writeDraft(accountId, answers);
}

/** Saves words typed so far (with JavaScript, while the person types), without changing the answer's state. */
export async function saveTyping(
  accountId: string,
  questionId: string,
  field: 'text' | 'reason',
  value: string,
  base: Omit<Answer, 'text' | 'reason'>,
): Promise<void> {
  const answers = await loadDraft(accountId);
  const existing = answers[questionId];
  answers[questionId] = { ...(existing ?? { ...base, text: '', reason: '' }), [field]: value, at: base.at };
  await writeDraft(accountId, answers);
}

export interface VersionSummary {
  number: number;
  createdAt: string;
  language: string;
}

export interface Version extends VersionSummary {
  answers: Answers;
}

/**
 * Freezes the draft into the next numbered version. Versions are never changed afterwards; the
 * unique (account, number) constraint stops two confirmations making the same number.
 */
export async function confirmVersion(accountId: string, language: string): Promise<number | null> {
  const answers = await loadDraft(accountId);
  if (Object.keys(answers).length === 0) return null;
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const number = (await latestVersionNumber(trx, accountId)) + 1;
      await insertVersion(trx, {
        id: crypto.randomUUID(),
        account_id: accountId,
        number,
        snapshot: seal(JSON.stringify(answers), accountId),
        language,
        created_at: new Date().toISOString(),
      });
      // Shares the person agreed should take new versions get this one in the same transaction.
      await shareNewVersion(trx, accountId, number);
      return number;
    });
}

/** The person's versions, newest first. */
export async function versionsOf(accountId: string): Promise<VersionSummary[]> {
  return (await listVersions(getDb(), accountId)).map((v) => ({ number: v.number, createdAt: v.created_at, language: v.language }));
}

/** One of the person's own versions; null when they have no version with that number. */
export async function versionOf(accountId: string, number: number): Promise<Version | null> {
  if (!Number.isInteger(number) || number < 1) return null;
  const row = await findVersion(getDb(), accountId, number);
  if (!row) return null;
  return {
    number: row.number,
    createdAt: row.created_at,
    language: row.language,
    answers: JSON.parse(unseal(row.snapshot, accountId)) as Answers,
  };
}
