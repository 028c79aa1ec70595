// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as RateLimitModule from './rate-limit.server';

let limits: typeof RateLimitModule;
const saved = process.env.RATE_LIMIT_STORE;

beforeAll(async () => {
  process.env.RATE_LIMIT_STORE = 'memory';
  vi.resetModules();
  limits = await import('./rate-limit.server');
});

afterAll(() => {
  if (saved === undefined) delete process.env.RATE_LIMIT_STORE;
  else process.env.RATE_LIMIT_STORE = saved;
});

describe('a sign-in check within the limits', () => {
  it('counts only checks that found no one, and refuses to check at all after 5 failures', async () => {
    const check = vi.fn(async (found: string | null) => found);
    expect(await limits.checkWithinLimits('jo@example.org', '203.0.113.1', () => check('Jo'))).toEqual({ blocked: false, found: 'Jo' });
    for (let i = 0; i < limits.limits.perAccount; i++) {
      expect(await limits.checkWithinLimits('JO@example.org', '203.0.113.1', () => check(null))).toEqual({ blocked: false, found: null });
    }
    check.mockClear();
    // Even the right password is not checked now, from any address: the account has had too many tries.
    expect(await limits.checkWithinLimits('jo@example.org', '198.51.100.7', () => check('Jo'))).toEqual({ blocked: true });
    expect(check).not.toHaveBeenCalled();
    // Another account is not held back by Jo's failures.
    expect(await limits.checkWithinLimits('sam@example.org', '203.0.113.1', () => check('Sam'))).toEqual({ blocked: false, found: 'Sam' });
    // A successful sign-in, once made, clears the account's count.
    await limits.clearSignInFailures('jo@example.org');
    expect(await limits.checkWithinLimits('jo@example.org', '203.0.113.1', () => check('Jo'))).toEqual({ blocked: false, found: 'Jo' });
  });
});
