import crypto from 'node:crypto';
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from '@epic-web/totp';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { findAccountByEmail, insertAccount } from '../../db/repositories/accounts';
import { findOrganisation, insertOrganisation } from '../../db/repositories/organisations';
import {
  claimCodeStep,
  deleteExpiredChallenges,
  deletePendingSecondFactor,
  findAccountBySetUpToken,
  findOrganisationsByName,
  findPendingSecondFactor,
  finishSetUp,
  insertPendingSecondFactor,
  listOrganisations,
  listOrganisationStaff,
  renewSetUpToken,
  setHelpNumbers,
  setPendingTotpSecret,
} from '../../db/repositories/staff';
import type { Account, Organisation } from '../../db/schema';
import { getDb } from '~/utils/db.server';
import { passwordSchema } from './accounts.server';
import type { HelpNumber } from './help-numbers';
import { seal, unseal } from './sealed.server';

/**
 * Workers and admins: accounts an organisation admin (or `npm run org`) makes, finished by the
 * person through a one-time set-up link, and signed in with an email address, a password and a
 * TOTP code (see docs/decisions/0009-staff-accounts-and-second-factor.md).
 */

export type StaffRole = 'worker' | 'admin';
export const staffRoles: readonly StaffRole[] = ['worker', 'admin'];

/** How long a set-up link works. */
export const setUpDays = 7;
/** How long a right password waits for its code. */
export const secondFactorMinutes = 5;
/** The name authenticator apps show beside the code. */
export const totpIssuer = 'In My Words';

// What every authenticator app expects: 6 digits, a new code every 30 s, HMAC-SHA-1 (apps such
// as Google Authenticator ignore any other algorithm named in the QR code).
const totp = { period: 30, digits: 6, algorithm: 'SHA-1' } as const;
// One step either side forgives a phone clock up to 30 s out, and a code typed as it changed.
const totpWindow = 1;

// Staff type digits in whichever script their keyboard gives; the code is compared in 0–9.
const digitZeros = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xa66];
function asciiDigits(value: string): string {
  return value.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0) ?? 0;
    const zero = digitZeros.find((z) => code >= z && code <= z + 9);
    return zero === undefined ? d : String(code - zero);
  });
}

const codeField = z
  .string()
  .transform((v) => asciiDigits(v).replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'staff:errors.codeEmpty')
      .regex(/^\d{6}$/, 'staff:errors.codeFormat'),
  );

const emailField = z
  .string()
  .trim()
  .min(1, 'staff:errors.staffEmailEmpty')
  .max(254, 'staff:errors.emailInvalid')
  .email('staff:errors.emailInvalid')
  .transform((v) => v.toLowerCase());

export const staffSignInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'staff:errors.emailEmpty')
    .transform((v) => v.toLowerCase()),
  password: z.string().min(1, 'staff:errors.passwordEmpty'),
});
export const codeSchema = z.object({ code: codeField });
export const setUpSchema = z.object({ password: passwordSchema, code: codeField });
export const newStaffSchema = z.object({
  name: z.string().trim().min(1, 'staff:errors.nameEmpty').max(100, 'staff:errors.nameLong'),
  email: emailField,
  jobTitle: z.string().trim().max(100, 'staff:errors.jobTitleLong').default(''),
  team: z.string().trim().max(100, 'staff:errors.teamLong').default(''),
  role: z.enum(['worker', 'admin'], { errorMap: () => ({ message: 'staff:errors.roleMissing' }) }),
});
export const organisationNameSchema = z.string().trim().min(1).max(200);

function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function addDays(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** True once the person has chosen a password and confirmed a code through their set-up link. */
export function isSetUpFinished(account: Account): boolean {
  return account.password_hash !== null && account.totp_secret !== null && account.setup_token === null;
}

/** Where a worker or admin starts after signing in. */
export function staffLanding(role: Account['role']): string {
  return role === 'admin' ? '/admin' : '/worker';
}

/** The address people use: PUBLIC_ORIGIN when set (behind a proxy), else the request's own. */
export function publicOrigin(request?: Request): string {
  const origin = process.env.PUBLIC_ORIGIN ?? (request ? new URL(request.url).origin : 'http://localhost:3000');
  return origin.replace(/\/+$/, '');
}

/** The full set-up link to send to the person. */
export function setUpLink(origin: string, token: string): string {
  return `${origin}/staff/set-up/${token}`;
}

// ---------------------------------------------------------------- TOTP

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new TOTP secret: 160 random bits (RFC 4226's recommended length), base32 without padding. */
export function newTotpSecret(): string {
  const bytes = crypto.randomBytes(20);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += base32Alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

/** The secret in groups of 4 characters, easier to copy by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** Encrypts a TOTP secret for storing in its account's row (the account id is the associated data). */
export function sealTotpSecret(secret: string, accountId: string): string {
  return seal(secret, accountId);
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return getTOTPAuthUri({ ...totp, secret, accountName, issuer: totpIssuer });
}

/** The code an authenticator app shows now for this secret (for the demo command and tests). */
export async function currentTotpCode(secret: string): Promise<string> {
  return (await generateTOTP({ ...totp, secret })).otp;
}

function currentStep(): number {
  return Math.floor(Date.now() / 1000 / totp.period);
}

/** The time step a code belongs to, or null when it matches none in the window. */
async function matchingStep(secret: string, code: string): Promise<number | null> {
  // If a step ends during the check, the library's counter and ours may differ by one, and the
  // code would be recorded against the wrong step; checking again settles it.
  for (let attempt = 0; attempt < 2; attempt++) {
    const before = currentStep();
    const match = await verifyTOTP({ ...totp, otp: code, secret, window: totpWindow });
    if (currentStep() !== before) continue;
    return match ? before + match.delta : null;
  }
  return null;
}

export type CodeCheck = 'ok' | 'wrong' | 'used';

async function checkCode(accountId: string, secret: string, code: string): Promise<CodeCheck> {
  const step = await matchingStep(secret, code);
  if (step === null) return 'wrong';
  // A code stays acceptable until the window has passed it; its record is kept a step longer.
  const expiresAt = new Date((step + totpWindow + 2) * totp.period * 1000).toISOString();
  return (await claimCodeStep(getDb(), `used-code:${accountId}:${step}`, accountId, expiresAt)) ? 'ok' : 'used';
}

/** Checks a staff member's 6-digit code: right and unused, wrong, or right but used already (RFC 6238 §5.2). */
export async function checkStaffCode(account: Account, code: string): Promise<CodeCheck> {
  if (!account.totp_secret || !isSetUpFinished(account)) return 'wrong';
  return checkCode(account.id, unseal(account.totp_secret, account.id), code);
}

// ---------------------------------------------------------------- accounts

export interface NewStaff {
  organisationId: string;
  role: StaffRole;
  email: string;
  name: string;
  jobTitle?: string;
  team?: string;
  language?: string;
}

export type CreateStaffResult = { ok: true; account: Account; setUpToken: string } | { ok: false; errors: Record<string, string> };

/** Makes a worker or admin account with a one-time set-up link (its token is returned once, never stored). */
export async function createStaffAccount(input: NewStaff, now = new Date()): Promise<CreateStaffResult> {
  const db = getDb();
  const email = input.email.trim().toLowerCase();
  if (!(await findOrganisation(db, input.organisationId)))
    return { ok: false, errors: { organisation: 'staff:errors.organisationMissing' } };
  if (await findAccountByEmail(db, email)) return { ok: false, errors: { email: 'staff:errors.emailTaken' } };
  const setUpToken = randomToken();
  const account: Account = {
    id: crypto.randomUUID(),
    role: input.role,
    username: null,
    email,
    display_name: input.name.trim(),
    password_hash: null,
    organisation_id: input.organisationId,
    language: input.language ?? 'en',
    created_at: now.toISOString(),
    job_title: input.jobTitle?.trim() ?? '',
    team: input.team?.trim() ?? '',
    totp_secret: null,
    setup_token: sha256(setUpToken),
    setup_expires_at: addDays(now, setUpDays),
  };
  try {
    await insertAccount(db, account);
  } catch {
    return { ok: false, errors: { email: 'staff:errors.emailTaken' } }; // added by someone else at the same moment
  }
  return { ok: true, account, setUpToken };
}

/** What a set-up page shows: who it is for, and the secret to add to an authenticator app. */
export interface SetUpDetails {
  name: string;
  email: string;
  organisation: string;
  secret: string;
  otpauthUri: string;
}

async function accountForSetUp(token: string, now: Date): Promise<Account | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const account = await findAccountBySetUpToken(getDb(), sha256(token));
  if (!account?.setup_expires_at || account.setup_expires_at <= now.toISOString()) return null;
  return account;
}

/**
 * Opens a set-up link: null when it is unknown, used or expired. The secret is made on the first
 * visit and kept (encrypted) so a reload shows the same one the person may have scanned already.
 */
export async function openSetUp(token: string, now = new Date()): Promise<SetUpDetails | null> {
  const account = await accountForSetUp(token, now);
  if (!account?.organisation_id || !account.email) return null;
  const organisation = await findOrganisation(getDb(), account.organisation_id);
  let secret = account.totp_secret ? unseal(account.totp_secret, account.id) : null;
  if (!secret) {
    secret = newTotpSecret();
    await setPendingTotpSecret(getDb(), account.id, sha256(token), sealTotpSecret(secret, account.id));
  }
  return {
    name: account.display_name,
    email: account.email,
    organisation: organisation?.name ?? '',
    secret,
    otpauthUri: totpUri(secret, account.email),
  };
}

export type SetUpResult = { ok: true; account: Account } | { ok: false; invalid: true } | { ok: false; errors: Record<string, string> };

/** Finishes a set-up: the code must match the secret shown, then the password is saved and the link stops working. */
export async function completeSetUp(token: string, password: string, code: string, now = new Date()): Promise<SetUpResult> {
  const account = await accountForSetUp(token, now);
  if (!account?.totp_secret) return { ok: false, invalid: true };
  const check = await checkCode(account.id, unseal(account.totp_secret, account.id), code);
  if (check !== 'ok') return { ok: false, errors: { code: check === 'used' ? 'staff:errors.codeUsed' : 'staff:errors.codeWrong' } };
  if (!(await finishSetUp(getDb(), account.id, sha256(token), await hash(password)))) return { ok: false, invalid: true };
  return { ok: true, account };
}

/** A new set-up link for a person of this organisation who has not finished setting up; null otherwise. */
export async function renewSetUpLink(organisationId: string, accountId: string, now = new Date()): Promise<string | null> {
  const token = randomToken();
  return (await renewSetUpToken(getDb(), organisationId, accountId, sha256(token), addDays(now, setUpDays))) ? token : null;
}

// ---------------------------------------------------------------- signing in

// A real hash to check against when there is no usable account, so the time taken does not
// reveal whether an email address has an account.
const dummyHash = hash(crypto.randomBytes(16).toString('hex'));

/** The account when the email and password match a set-up worker or admin; null otherwise, taking the same time either way. */
export async function checkStaffPassword(email: string, password: string): Promise<Account | null> {
  const account = await findAccountByEmail(getDb(), email.trim().toLowerCase());
  if (!account?.password_hash || account.role === 'adult' || !isSetUpFinished(account)) {
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  return (await verify(account.password_hash, password).catch(() => false)) ? account : null;
}

/** Records a right password, waiting 5 minutes for the code; returns the token for the browser's cookie. */
export async function startSecondFactor(accountId: string, now = new Date()): Promise<string> {
  const token = randomToken();
  // Sign-in is rare enough to tidy up here.
  await deleteExpiredChallenges(getDb(), now.toISOString());
  await insertPendingSecondFactor(getDb(), sha256(token), accountId, new Date(now.getTime() + secondFactorMinutes * 60_000).toISOString());
  return token;
}

/** The account whose right password this token records, while it waits for a code. */
export async function pendingSignIn(token: unknown, now = new Date()): Promise<Account | null> {
  if (typeof token !== 'string' || token.length < 20) return null;
  return (await findPendingSecondFactor(getDb(), sha256(token), now.toISOString())) ?? null;
}

/** Ends the wait for a code; true for the one request that ended it. */
export async function endPendingSignIn(token: string): Promise<boolean> {
  return deletePendingSecondFactor(getDb(), sha256(token));
}

// ---------------------------------------------------------------- organisations

/** A worker or admin as the admin page lists them. */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  team: string;
  role: StaffRole;
  setUpFinished: boolean;
  setUpExpiresAt: string | null;
}

/** The workers and admins of one organisation (and only that one). */
export async function listStaff(organisationId: string): Promise<StaffMember[]> {
  return (await listOrganisationStaff(getDb(), organisationId)).map((a) => ({
    id: a.id,
    name: a.display_name,
    email: a.email ?? '',
    jobTitle: a.job_title,
    team: a.team,
    role: a.role === 'admin' ? 'admin' : 'worker',
    setUpFinished: isSetUpFinished(a),
    setUpExpiresAt: a.setup_expires_at,
  }));
}

/** The organisation a worker or admin belongs to. */
export async function organisationOf(account: Account): Promise<Organisation | null> {
  return account.organisation_id ? ((await findOrganisation(getDb(), account.organisation_id)) ?? null) : null;
}

/** Makes an organisation. */
export async function createOrganisation(name: string, now = new Date()): Promise<Organisation> {
  const organisation: Organisation = {
    id: crypto.randomUUID(),
    name: name.trim(),
    languages: '',
    help_numbers: '[]',
    created_at: now.toISOString(),
  };
  await insertOrganisation(getDb(), organisation);
  return organisation;
}

export type OrganisationLookup = { ok: true; organisation: Organisation } | { ok: false; reason: 'none' | 'ambiguous' };

/** An organisation by its id or its exact name; two with the same name must be told apart by id. */
export async function findOrganisationByIdOrName(value: string): Promise<OrganisationLookup> {
  const byId = await findOrganisation(getDb(), value);
  if (byId) return { ok: true, organisation: byId };
  const byName = await findOrganisationsByName(getDb(), value.trim());
  if (byName.length === 1) return { ok: true, organisation: byName[0]! };
  return { ok: false, reason: byName.length === 0 ? 'none' : 'ambiguous' };
}

/** Every organisation with its workers and admins. */
export async function listOrganisationsWithStaff(): Promise<{ organisation: Organisation; staff: StaffMember[] }[]> {
  const organisations = await listOrganisations(getDb());
  return Promise.all(organisations.map(async (organisation) => ({ organisation, staff: await listStaff(organisation.id) })));
}

/** Replaces an organisation's help numbers. */
export async function saveHelpNumbers(organisationId: string, numbers: HelpNumber[]): Promise<void> {
  await setHelpNumbers(getDb(), organisationId, JSON.stringify(numbers.map(({ name, number }) => ({ name, number }))));
}
