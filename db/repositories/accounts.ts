import type { Kysely } from 'kysely';
import type { Account, Database, NewAccount } from '../schema';

/** Adds an account. */
export async function insertAccount(db: Kysely<Database>, account: NewAccount): Promise<void> {
  await db.insertInto('account').values(account).execute();
}

/** Finds an adult's account by the username they chose. */
export async function findAccountByUsername(db: Kysely<Database>, username: string): Promise<Account | undefined> {
  return db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Finds a worker's or admin's account by email address. */
export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<Account | undefined> {
  return db.selectFrom('account').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** Finds an account by id. */
export async function findAccount(db: Kysely<Database>, id: string): Promise<Account | undefined> {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sets or replaces an account's password hash. */
export async function setPasswordHash(db: Kysely<Database>, accountId: string, hash: string): Promise<void> {
  await db.updateTable('account').set({ password_hash: hash }).where('id', '=', accountId).execute();
}
