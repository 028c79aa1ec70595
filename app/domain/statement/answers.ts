import { countCharacters } from '~/components/textarea/Textarea';
import { cleanText } from '~/utils/forms';
import { scales, type Question } from './definition';

export type AnswerStatus = 'answered' | 'skipped' | 'unknown';
/** Who gave the answer: the person, an advocate helping them (their words), or a representative's view. */
export type Author = 'self' | 'advocate' | 'representative';

/** One answer, with its story: what, in which language, by whom, when. */
export interface Answer {
  status: AnswerStatus;
  codes: string[];
  text: string;
  /** The second lot of own words ("why"), for who-and-why questions. */
  reason: string;
  mostImportant: string[];
  /** Picture sort: topic code → scale code, or "skipped". */
  ratings: Record<string, string>;
  /** The language the own words were written in. */
  language: string;
  by: Author;
  at: string;
}

export type Answers = Record<string, Answer>;

export interface AnswerContext {
  language: string;
  by: Author;
  now: string;
}

export type Intent = 'save' | 'skip' | 'unknown';

export type ParsedAnswer =
  | { ok: true; answer: Answer }
  | {
      ok: false;
      errors: Record<string, string>;
      values: Record<string, string | string[]>;
      /** What the person gave, as an answer, so it can be kept even though it must be put right. */
      draft?: Answer;
    };

/** An answer with nothing in it yet, given by this person, now, in this language. */
export function emptyAnswer(context: AnswerContext, overrides: Partial<Answer> = {}): Answer {
  return {
    status: 'answered',
    codes: [],
    text: '',
    reason: '',
    mostImportant: [],
    ratings: {},
    language: context.language,
    by: context.by,
    at: context.now,
    ...overrides,
  };
}

/** What the form said, as strings: own words cleaned of control characters. */
function readForm(form: FormData) {
  const text = (name: string) => cleanText(String(form.get(name) ?? '')).trim();
  const list = (name: string) => form.getAll(name).map((v) => String(v));
  return { text, list };
}

/**
 * Reads one question's form into an answer, or says what is wrong. "Skip" and "I do not know"
 * are always allowed and keep whatever was typed, so nothing the person wrote is lost.
 */
export function parseAnswer(
  question: Question,
  form: FormData,
  intent: Intent,
  previous: Answer | undefined,
  context: AnswerContext,
): ParsedAnswer {
  const { text, list } = readForm(form);
  const answer: Answer = { ...emptyAnswer(context), ratings: { ...(previous?.ratings ?? {}) } };
  answer.text = text('text');
  answer.reason = text('reason');
  const cardCodes = new Set((question.cards ?? []).map((c) => c.code));
  // Marking an outcome as mattering most also chooses it: the person clearly wants it.
  answer.mostImportant = [...new Set(list('mostImportant').filter((c) => cardCodes.has(c)))];
  answer.codes = [...new Set([...list('codes'), ...answer.mostImportant].filter((c) => cardCodes.has(c)))];
  const values = { text: answer.text, reason: answer.reason, codes: answer.codes, mostImportant: list('mostImportant') };

  if (intent !== 'save') {
    // Keep what was there before if nothing new was typed: skipping must not wipe an answer.
    const kept = previous && !answer.text && !answer.reason && answer.codes.length === 0 ? { ...previous } : answer;
    return { ok: true, answer: { ...kept, status: intent === 'skip' ? 'skipped' : 'unknown', at: context.now, by: context.by } };
  }

  const errors: Record<string, string> = {};
  if (list('codes').some((c) => !cardCodes.has(c))) errors.codes = 'statement:errors.unknownCard';
  if (countCharacters(answer.text) > question.maxLength) errors.text = 'statement:errors.tooLong';
  if (countCharacters(answer.reason) > question.maxLength) errors.reason = 'statement:errors.tooLong';
  if (list('mostImportant').some((c) => !cardCodes.has(c))) errors.codes = 'statement:errors.unknownCard';
  const empty = !answer.text && !answer.reason && answer.codes.length === 0;
  if (empty && question.kind !== 'sort') {
    errors[question.kind === 'text' || question.kind === 'who-and-why' ? 'text' : 'codes'] =
      question.kind === 'text' || question.kind === 'who-and-why' ? 'statement:errors.emptyText' : 'statement:errors.emptyCards';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values, draft: empty ? undefined : answer };
  return { ok: true, answer };
}

/** Records one card of the picture sort. */
export function parseRating(
  question: Question,
  topicCode: string,
  form: FormData,
  intent: Intent,
  previous: Answer | undefined,
  context: AnswerContext,
): ParsedAnswer {
  const topic = question.topics?.find((t) => t.code === topicCode);
  if (!topic) return { ok: false, errors: { rating: 'statement:errors.unknownCard' }, values: {} };
  const ratings = { ...(previous?.ratings ?? {}) };
  if (intent === 'save') {
    const value = String(form.get('rating') ?? '');
    if (!scales[topic.scale].some((s) => s.code === value)) {
      return {
        ok: false,
        errors: { rating: value ? 'statement:errors.unknownCard' : 'statement:errors.emptyRating' },
        values: { rating: value },
      };
    }
    ratings[topicCode] = value;
  } else {
    ratings[topicCode] = intent === 'skip' ? 'skipped' : 'unknown';
  }
  return { ok: true, answer: { ...emptyAnswer(context), ...previous, status: 'answered', ratings, by: context.by, at: context.now } };
}

/** The picture sort's result as three lists (and the cards not sorted). */
export function sortResult(question: Question, answer: Answer | undefined) {
  const groups: Record<string, string[]> = { first: [], second: [], third: [], unsorted: [] };
  for (const topic of question.topics ?? []) {
    const rating = answer?.ratings[topic.code];
    const index = scales[topic.scale].findIndex((s) => s.code === rating);
    const key = index === 0 ? 'first' : index === 1 ? 'second' : index === 2 ? 'third' : 'unsorted';
    groups[key]!.push(topic.code);
  }
  return groups as { first: string[]; second: string[]; third: string[]; unsorted: string[] };
}
