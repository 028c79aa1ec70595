import type { Answers } from './answers';
import { questionOrder } from './definition';

/** One difference between two versions, in terms the history page can say in easy read. */
export type Change =
  | { kind: 'added' | 'removed'; question: string; code: string }
  | { kind: 'most-important-added' | 'most-important-removed'; question: string; code: string }
  | { kind: 'words'; question: string; field: 'text' | 'reason'; before: string; after: string }
  | { kind: 'rating'; question: string; topic: string; before: string | null; after: string | null }
  | { kind: 'status'; question: string; before: string | null; after: string | null };

/** What changed from one version to another, question by question, in statement order. */
export function diffAnswers(before: Answers, after: Answers): Change[] {
  const changes: Change[] = [];
  for (const { question } of questionOrder) {
    const a = before[question.id];
    const b = after[question.id];
    const id = question.id;
    if ((a?.status ?? null) !== (b?.status ?? null))
      changes.push({ kind: 'status', question: id, before: a?.status ?? null, after: b?.status ?? null });
    const codesA = new Set(a?.codes ?? []);
    const codesB = new Set(b?.codes ?? []);
    for (const code of codesB) if (!codesA.has(code)) changes.push({ kind: 'added', question: id, code });
    for (const code of codesA) if (!codesB.has(code)) changes.push({ kind: 'removed', question: id, code });
    const mostA = new Set(a?.mostImportant ?? []);
    const mostB = new Set(b?.mostImportant ?? []);
    for (const code of mostB) if (!mostA.has(code)) changes.push({ kind: 'most-important-added', question: id, code });
    for (const code of mostA) if (!mostB.has(code)) changes.push({ kind: 'most-important-removed', question: id, code });
    for (const field of ['text', 'reason'] as const) {
      const wordsA = a?.[field] ?? '';
      const wordsB = b?.[field] ?? '';
      if (wordsA !== wordsB) changes.push({ kind: 'words', question: id, field, before: wordsA, after: wordsB });
    }
    const topics = new Set([...Object.keys(a?.ratings ?? {}), ...Object.keys(b?.ratings ?? {})]);
    for (const topic of question.topics?.map((t) => t.code).filter((t) => topics.has(t)) ?? []) {
      const ra = a?.ratings[topic] ?? null;
      const rb = b?.ratings[topic] ?? null;
      if (ra !== rb) changes.push({ kind: 'rating', question: id, topic, before: ra, after: rb });
    }
  }
  return changes;
}
