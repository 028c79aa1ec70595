import crypto from 'node:crypto';
import { createCookie, redirect } from '@remix-run/node';
import { findAccount } from '../../db/repositories/accounts';
import { deleteExpiredSessions, deleteSession, findSession, insertSession, touchSession } from '../../db/repositories/sessions';
import { safeReturnPath } from './redirect.server';
import type { Account, Session } from '../../db/schema';
import { recordAudit, type AuditMethod } from '../domain/audit.server';
import { can, type Permission } from '../domain/permissions';
import { getDb } from './db.server';
import { isProduction } from './env.server';

/** Minutes without activity before the person is signed out (WCAG 2.2.1: they are warned first). */
export const idleMinutes = Number(process.env.SESSION_IDLE_MINUTES ?? 30);
/**
 * After an idle sign-out, a statement page posted with the old session is still saved for this long
 * (then the person is asked to sign in again). Without JavaScript there is no warning, and this is
 * what keeps the words typed on the open page. It only ever writes into the person's own draft.
 */
export const lateSaveMinutes = 24 * 60;
/**
 * The longest a session lasts however active it is (ADR 16): a stolen cookie stops working, and a
 * left-open tab kept alive by the page does not stay signed in for ever. Staff get one working
 * shift; an adult gets a day, because they may write in short moments when it is safe, and the
 * idle timeout already ends a session they walk away from.
 */
export const maxSessionHours = {
  adult: Number(process.env.SESSION_MAX_HOURS ?? 24),
  staff: Number(process.env.STAFF_SESSION_MAX_HOURS ?? 12),
};
/** A passwordless account adds a password only this soon after signing in with its passkey. */
export const freshSignInMinutes = 10;
/** How long before sign-out the warning appears. */
export const warningSeconds = Math.min(120, Math.max(10, Math.floor((idleMinutes * 60) / 2)));

/**
 * The session cookie holds only a random token; the database keeps its sha-256, so a leaked copy
 * of the database gives no working sessions. HttpOnly, SameSite=Lax, Secure in production, where
 * the `__Host-` prefix also makes the browser refuse it unless it is Secure, for the whole site
 * and set by this host alone (no Domain), so a neighbouring subdomain cannot plant or read one.
 * Browsers refuse `__Host-` cookies over plain http, so development on localhost keeps a plain name.
 */
export const sessionCookieName = isProduction ? '__Host-session' : 'session';
export const sessionCookie = createCookie(sessionCookieName, {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
});

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function expiryFrom(now: Date): string {
  return new Date(now.getTime() + idleMinutes * 60_000).toISOString();
}

/** A short, non-identifying description of the browser, so the person can tell sessions apart. */
export function describeDevice(userAgent: string | null): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS/.test(ua)
          ? 'Mac'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, system].filter(Boolean).join(', ');
}

/** When a session that started at `createdAt` must end, however active (an ISO time). */
export function absoluteEnd(createdAt: string, role: Account['role']): string {
  const hours = role === 'adult' ? maxSessionHours.adult : maxSessionHours.staff;
  return new Date(new Date(createdAt).getTime() + hours * 3_600_000).toISOString();
}

/** How a sign-in happened and from where, for the audit trail. */
export interface SignInDetails {
  method: AuditMethod;
  address: string;
}

/** Starts a new session (a new id every sign-in), records the sign-in, and returns its Set-Cookie header. */
export async function startSession(accountId: string, request: Request, signIn: SignInDetails): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  // Sign-in is rare enough to tidy up here: expired sessions leave the table, not just the cookie
  // (once no late save can use them).
  await deleteExpiredSessions(getDb(), new Date(now.getTime() - lateSaveMinutes * 60_000).toISOString());
  await insertSession(getDb(), {
    id: hashToken(token),
    account_id: accountId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiryFrom(now),
    device: describeDevice(request.headers.get('User-Agent')),
  });
  await recordAudit({ event: 'sign-in', account: await findAccount(getDb(), accountId), ...signIn, now });
  return sessionCookie.serialize(token);
}

export interface SignedIn {
  account: Account;
  session: Session;
}

async function sessionFromCookie(request: Request): Promise<Session | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  if (typeof token !== 'string' || token.length < 20) return null;
  return (await findSession(getDb(), hashToken(token))) ?? null;
}

function lateSaveLimit(now: Date): string {
  return new Date(now.getTime() - lateSaveMinutes * 60_000).toISOString();
}

/**
 * The signed-in account for this request, or null. An idle session past its expiry signs nobody
 * in; its row stays only while a late save may still use it (see `lateSaveMinutes`).
 */
export async function getSignedIn(request: Request, { touch = true } = {}): Promise<SignedIn | null> {
  const session = await sessionFromCookie(request);
  if (!session) return null;
  const db = getDb();
  const now = new Date();
  if (session.expires_at <= now.toISOString()) {
    if (session.expires_at < lateSaveLimit(now)) await deleteSession(db, session.id);
    return null;
  }
  const account = await findAccount(db, session.account_id);
  if (!account) return null;
  const end = absoluteEnd(session.created_at, account.role);
  if (end <= now.toISOString()) {
    // Past its lifetime the session ends as if idle, so a late save can still keep the words.
    if (session.expires_at > end) await touchSession(db, session.id, session.last_seen_at, end);
    return null;
  }
  if (touch) {
    const idleEnd = expiryFrom(now);
    const expiresAt = idleEnd < end ? idleEnd : end;
    await touchSession(db, session.id, now.toISOString(), expiresAt);
    session.expires_at = expiresAt;
  }
  return { account, session };
}

/**
 * Seconds until a session that has just been used ends: the idle timeout, or less when its
 * absolute lifetime ends sooner, so the warning (WCAG 2.2.1) comes before either.
 */
export function secondsLeftOf({ account, session }: SignedIn, now = new Date()): number {
  const end = Math.min(now.getTime() + idleMinutes * 60_000, Date.parse(absoluteEnd(session.created_at, account.role)));
  return Math.max(0, Math.floor((end - now.getTime()) / 1000));
}

/** Ends this request's session on the server, records the sign-out, and returns the header that clears the cookie. */
export async function endSession(request: Request, address: string): Promise<string> {
  const session = await sessionFromCookie(request);
  if (session) {
    await deleteSession(getDb(), session.id);
    await recordAudit({ event: 'sign-out', account: await findAccount(getDb(), session.account_id), address });
  }
  return sessionCookie.serialize('', { maxAge: 0 });
}

/** The id (token hash) of this request's session, to mark "this device" in the sessions list. */
export async function currentSessionId(request: Request): Promise<string | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  return typeof token === 'string' ? hashToken(token) : null;
}

export interface RequireOptions {
  /**
   * For a statement page's form: if the session ended for inactivity (within `lateSaveMinutes`),
   * this saves what was posted into the person's own draft before they are asked to sign in.
   * It is a write only, used once: the old session is ended and nothing is read back to the browser.
   */
  keepWords?: (account: Account) => Promise<void>;
}

/**
 * The signed-in account, if it holds the permission (the one check every loader and action
 * calls); otherwise a redirect to sign in that comes back here, or 403 for an account without it.
 */
export async function requirePermission(request: Request, permission: Permission, options: RequireOptions = {}): Promise<SignedIn> {
  const signedIn = await getSignedIn(request);
  const url = new URL(request.url);
  const here = url.pathname + url.search;
  if (!signedIn) {
    if (options.keepWords && request.method === 'POST') await keepWordsAfterTimeout(request, permission, options.keepWords, here);
    // Workers and admins have their own sign-in page (email, password and a code).
    const signIn = can('adult', permission) ? '/sign-in' : '/staff/sign-in';
    throw redirect(`${signIn}?returnTo=${encodeURIComponent(here)}`);
  }
  if (!can(signedIn.account.role, permission)) throw new Response(null, { status: 403 });
  return signedIn;
}

async function keepWordsAfterTimeout(
  request: Request,
  permission: Permission,
  keepWords: (account: Account) => Promise<void>,
  here: string,
): Promise<void> {
  const session = await sessionFromCookie(request);
  const now = new Date();
  if (!session || session.expires_at > now.toISOString() || session.expires_at < lateSaveLimit(now)) return;
  const db = getDb();
  const account = await findAccount(db, session.account_id);
  if (!account || !can(account.role, permission)) return;
  // End the old session first, so the same cookie can never save twice.
  await deleteSession(db, session.id);
  await keepWords(account);
  throw redirect(`/signed-out?reason=timeout&returnTo=${encodeURIComponent(safeReturnPath(here, '/statement'))}`, {
    headers: { 'Set-Cookie': await sessionCookie.serialize('', { maxAge: 0 }) },
  });
}
