import { createCookie } from '@remix-run/node';
import { isProduction } from './env.server';

const oneYear = 60 * 60 * 24 * 365;

/** The language the person chose with the language switcher. */
export const languageCookie = createCookie('lng', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
  maxAge: oneYear,
});

/** Display preferences: not secret, but only the server needs to read them. */
export const preferencesCookie = createCookie('prefs', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
  maxAge: oneYear,
});
