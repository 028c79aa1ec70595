import { RateLimiterMemory, RateLimiterPostgres, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getRawClient } from './db.server';

/**
 * Sign-in attempts are limited per account and per address (rate-limiter-flexible; see
 * docs/decisions/0005-libraries.md). Counts live in the portal's own database so every server
 * shares them; tests may use memory.
 */
const windowSeconds = 15 * 60;
export const limits = { perAccount: 5, perAddress: 30 } as const;

function createLimiter(keyPrefix: string, points: number): RateLimiterAbstract {
  const options = { keyPrefix, points, duration: windowSeconds, blockDuration: windowSeconds };
  if (process.env.RATE_LIMIT_STORE === 'memory') return new RateLimiterMemory(options);
  const raw = getRawClient();
  if (raw.kind === 'sqlite')
    return new RateLimiterSQLite({ ...options, storeClient: raw.sqlite, storeType: 'better-sqlite3', tableName: 'rate_limit' });
  return new RateLimiterPostgres({ ...options, storeClient: raw.pool, tableName: 'rate_limit' });
}

let limiters: { account: RateLimiterAbstract; address: RateLimiterAbstract } | null = null;
function getLimiters() {
  limiters ??= {
    account: createLimiter('sign-in-account', limits.perAccount),
    address: createLimiter('sign-in-address', limits.perAddress),
  };
  return limiters;
}

/** True when this account or this address has had too many failed sign-ins lately. */
export async function isSignInBlocked(username: string, address: string): Promise<boolean> {
  const { account, address: byAddress } = getLimiters();
  const [a, b] = await Promise.all([account.get(username.toLowerCase()), byAddress.get(address)]);
  return (a?.consumedPoints ?? 0) >= limits.perAccount || (b?.consumedPoints ?? 0) >= limits.perAddress;
}

/** Counts a failed sign-in against the account (even one that does not exist) and the address. */
export async function recordFailedSignIn(username: string, address: string): Promise<void> {
  const { account, address: byAddress } = getLimiters();
  await Promise.allSettled([account.consume(username.toLowerCase()), byAddress.consume(address)]);
}

/**
 * A password check under the limits: `blocked` without checking when this account or address has
 * failed too often lately; otherwise what `check` found, a failure being counted when it found no
 * one. Clearing the count on success is the caller's: staff clear it only after their code.
 */
export async function checkWithinLimits<T>(
  name: string,
  address: string,
  check: () => Promise<T | null | undefined>,
): Promise<{ blocked: true } | { blocked: false; found: T | null }> {
  if (await isSignInBlocked(name, address)) return { blocked: true };
  const found = (await check()) ?? null;
  if (found === null) await recordFailedSignIn(name, address);
  return { blocked: false, found };
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearSignInFailures(username: string): Promise<void> {
  await getLimiters().account.delete(username.toLowerCase());
}

/** Connection codes: 10 wrong codes in 15 minutes per account stops guessing, not a person's typos. */
let codeLimiter: RateLimiterAbstract | null = null;
function getCodeLimiter() {
  codeLimiter ??= createLimiter('connection-code', 10);
  return codeLimiter;
}

/** True when this account has typed too many wrong connection codes lately. */
export async function isCodeEntryBlocked(accountId: string): Promise<boolean> {
  return ((await getCodeLimiter().get(accountId))?.consumedPoints ?? 0) >= 10;
}

/** Counts a wrong connection code against the account. */
export async function recordWrongCode(accountId: string): Promise<void> {
  await getCodeLimiter()
    .consume(accountId)
    .catch(() => undefined);
}
