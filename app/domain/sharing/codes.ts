import crypto from 'node:crypto';

/**
 * Connection codes are read aloud over the phone and typed on a small screen, so they use only
 * characters that cannot be mistaken for one another when heard or seen (no 0/O/Q, 1/I/L, 2/Z,
 * 5/S, 6/G, 8/B, U/V). 20 characters, 8 long: about 2.6 × 10^10 codes, and mistyping is limited.
 */
export const codeAlphabet = 'ACDEFHJKMNPRTWXY3479';
export const codeLength = 8;
/** A code works for 14 days, once. */
export const codeLifetimeDays = 14;

/** A new random code, as stored and compared: upper case, no separators. */
export function newCode(): string {
  return Array.from({ length: codeLength }, () => codeAlphabet[crypto.randomInt(codeAlphabet.length)]).join('');
}

/** A code as shown and read aloud: two groups of four ("ACDE-3479"). */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the person typed, made comparable: spaces, dashes and case do not matter. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-‐-―]/g, '');
}

/** True when the typed text could be a code at all (so a typo gets a "check the code" message). */
export function looksLikeCode(normalised: string): boolean {
  return normalised.length === codeLength && [...normalised].every((c) => codeAlphabet.includes(c));
}

/** How a code is stored: its sha-256, so a copy of the database holds no working code. */
export function hashCode(normalised: string): string {
  return crypto.createHash('sha256').update(normalised).digest('hex');
}

/** Why a code cannot be used, as the message key the person reads. */
export const codeProblems = {
  mistyped: 'sharing:errors.codeMistyped',
  unknown: 'sharing:errors.codeUnknown',
  expired: 'sharing:errors.codeExpired',
  used: 'sharing:errors.codeUsed',
  blocked: 'sharing:errors.codeBlocked',
} as const;
