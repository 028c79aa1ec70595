import type { Kysely } from 'kysely';
import type { Account, Database, Organisation } from '../schema';

/** The workers and admins of one organisation, by name. Adults never appear here. */
export async function listOrganisationStaff(db: Kysely<Database>, organisationId: string): Promise<Account[]> {
  return db
    .selectFrom('account')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('role', 'in', ['worker', 'admin'])
    .orderBy('display_name', 'asc')
    .orderBy('email', 'asc')
    .execute();
}

/** Every organisation, by name. */
export async function listOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  return db.selectFrom('organisation').selectAll().orderBy('name', 'asc').orderBy('id', 'asc').execute();
}

/** Organisations whose name is exactly this one (there may be more than one). */
export async function findOrganisationsByName(db: Kysely<Database>, name: string): Promise<Organisation[]> {
  return db.selectFrom('organisation').selectAll().where('name', '=', name).execute();
}

/** Replaces an organisation's help numbers (JSON). */
export async function setHelpNumbers(db: Kysely<Database>, organisationId: string, json: string): Promise<void> {
  await db.updateTable('organisation').set({ help_numbers: json }).where('id', '=', organisationId).execute();
}

/** The staff account a set-up link belongs to, by the sha-256 of its token. */
export async function findAccountBySetUpToken(db: Kysely<Database>, tokenHash: string): Promise<Account | undefined> {
  return db.selectFrom('account').selectAll().where('setup_token', '=', tokenHash).executeTakeFirst();
}

/** Keeps the (encrypted) TOTP secret shown on a set-up page, until the person confirms it. */
export async function setPendingTotpSecret(db: Kysely<Database>, accountId: string, tokenHash: string, secret: string): Promise<void> {
  await db.updateTable('account').set({ totp_secret: secret }).where('id', '=', accountId).where('setup_token', '=', tokenHash).execute();
}

/**
 * Finishes a set-up: the password is saved and the link stops working, in one update that only
 * matches while the link is unused, so two tabs cannot both finish it. True when this one did.
 */
export async function finishSetUp(db: Kysely<Database>, accountId: string, tokenHash: string, passwordHash: string): Promise<boolean> {
  const result = await db
    .updateTable('account')
    .set({ password_hash: passwordHash, setup_token: null, setup_expires_at: null })
    .where('id', '=', accountId)
    .where('setup_token', '=', tokenHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Gives a not-yet-set-up staff account of this organisation a new set-up link (and forgets the
 * secret the old one showed). True when such an account was found.
 */
export async function renewSetUpToken(
  db: Kysely<Database>,
  organisationId: string,
  accountId: string,
  tokenHash: string,
  expiresAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('account')
    .set({ setup_token: tokenHash, setup_expires_at: expiresAt, totp_secret: null })
    .where('id', '=', accountId)
    .where('organisation_id', '=', organisationId)
    .where('role', 'in', ['worker', 'admin'])
    .where('setup_token', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a one-time code as used (its row id names the account and the time step). False when
 * it was used already: the primary key makes the check and the record one step, so two requests
 * at once cannot both use the same code.
 */
export async function claimCodeStep(db: Kysely<Database>, id: string, accountId: string, expiresAt: string): Promise<boolean> {
  const result = await db
    .insertInto('auth_challenge')
    .values({ id, challenge: 'used-code', purpose: 'second-factor', account_id: accountId, username: null, expires_at: expiresAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Stores that a staff member's password was right, waiting for their code. */
export async function insertPendingSecondFactor(db: Kysely<Database>, id: string, accountId: string, expiresAt: string): Promise<void> {
  await db
    .insertInto('auth_challenge')
    .values({ id, challenge: 'password-checked', purpose: 'second-factor', account_id: accountId, username: null, expires_at: expiresAt })
    .execute();
}

/** The account waiting for its code under this id, while the wait has not expired. */
export async function findPendingSecondFactor(db: Kysely<Database>, id: string, now: string): Promise<Account | undefined> {
  return db
    .selectFrom('auth_challenge')
    .innerJoin('account', 'account.id', 'auth_challenge.account_id')
    .selectAll('account')
    .where('auth_challenge.id', '=', id)
    .where('auth_challenge.purpose', '=', 'second-factor')
    .where('auth_challenge.challenge', '=', 'password-checked')
    .where('auth_challenge.expires_at', '>', now)
    .executeTakeFirst();
}

/** Ends a wait for a code. True when this call ended it (so a sign-in completes once). */
export async function deletePendingSecondFactor(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('auth_challenge')
    .where('id', '=', id)
    .where('purpose', '=', 'second-factor')
    .where('challenge', '=', 'password-checked')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Removes expired challenges, waits for a code and used-code records. */
export async function deleteExpiredChallenges(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('auth_challenge').where('expires_at', '<', now).execute();
}
