import { createCookie } from '@remix-run/node';
import { secondFactorMinutes } from '~/domain/staff.server';
import { isProduction } from './env.server';

/**
 * Between a staff member's right password and their code: a random token whose sha-256 names the
 * waiting row (see `startSecondFactor`). Sent only to the sign-in pages, and gone in 5 minutes.
 */
export const secondFactorCookie = createCookie('staff-second-factor', {
  path: '/staff/sign-in',
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
  maxAge: secondFactorMinutes * 60,
});

/** The token this request carries, if any. */
export async function secondFactorToken(request: Request): Promise<string | null> {
  const value: unknown = await secondFactorCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' ? value : null;
}

/** The Set-Cookie header that forgets the token. */
export function clearSecondFactorCookie(): Promise<string> {
  return secondFactorCookie.serialize('', { maxAge: 0 });
}
