import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { insertAccount } from '../../db/repositories/accounts';
import { countOrganisations, insertOrganisation } from '../../db/repositories/organisations';
import type { Database } from '../../db/schema';
import { newTotpSecret, sealTotpSecret } from './staff.server';

/** A demo worker's or admin's sign-in: the password, and the TOTP secret an authenticator app (or `npm run demo:code`) reads. */
export interface DemoStaffAccount {
  email: string;
  password: string;
  totpSecret: string;
}

export interface DemoAccounts {
  organisation: string;
  adult: { username: string; password: string };
  worker: DemoStaffAccount;
  admin: DemoStaffAccount;
}

/** The demo organisation's example help number, shown with 999 to a person who is not safe now. */
export const demoHelpNumbers = [{ name: 'Adult social care duty team', number: '0300 123 4567' }];

/** A password that is easy to type from a printout: 4 groups of 4 letters and digits, no look-alikes. */
function readablePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => alphabet[crypto.randomInt(alphabet.length)]).join(''));
  return groups.join('-');
}

/**
 * Creates the demo organisation, admin, worker and adult in a new, empty database, so a newcomer
 * can try every journey. Returns null (and changes nothing) when the database already has data.
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoAccounts | null> {
  if ((await countOrganisations(db)) > 0) return null;
  const now = new Date().toISOString();
  const organisationId = crypto.randomUUID();
  const accounts: DemoAccounts = {
    organisation: 'Demo Borough Council',
    adult: { username: 'demo-adult', password: readablePassword() },
    worker: { email: 'worker@demo.example', password: readablePassword(), totpSecret: newTotpSecret() },
    admin: { email: 'admin@demo.example', password: readablePassword(), totpSecret: newTotpSecret() },
  };
  const adminId = crypto.randomUUID();
  const workerId = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertOrganisation(trx, {
      id: organisationId,
      name: accounts.organisation,
      created_at: now,
      help_numbers: JSON.stringify(demoHelpNumbers),
    });
    // Set up already (a password and a TOTP secret, no set-up link), so a newcomer can sign in.
    await insertAccount(trx, {
      id: adminId,
      role: 'admin',
      username: null,
      email: accounts.admin.email,
      display_name: 'Sam Admin',
      password_hash: await hash(accounts.admin.password),
      organisation_id: organisationId,
      language: 'en',
      created_at: now,
      totp_secret: sealTotpSecret(accounts.admin.totpSecret, adminId),
    });
    await insertAccount(trx, {
      id: workerId,
      role: 'worker',
      username: null,
      email: accounts.worker.email,
      display_name: 'Alex Worker',
      password_hash: await hash(accounts.worker.password),
      organisation_id: organisationId,
      language: 'en',
      created_at: now,
      job_title: 'Social worker',
      team: 'Adult safeguarding team',
      totp_secret: sealTotpSecret(accounts.worker.totpSecret, workerId),
    });
    await insertAccount(trx, {
      id: crypto.randomUUID(),
      role: 'adult',
      username: accounts.adult.username,
      email: null,
      display_name: 'Jo',
      password_hash: await hash(accounts.adult.password),
      organisation_id: null,
      language: 'en',
      created_at: now,
    });
  });
  return accounts;
}

/** Writes the demo sign-in details where a newcomer can find them again (owner-only permissions). */
export function writeDemoAccounts(file: string, accounts: DemoAccounts): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
}
