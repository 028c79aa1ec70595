/**
 * `npm run keys:rotate`: adds a new encryption key to the key file (running servers start writing
 * with it at once), then re-encrypts every registered encrypted column with it. Old keys stay.
 *
 * `npm run keys:rotate -- --reencrypt-only` skips adding a key and only re-encrypts with the
 * current one: the second step of rotating keys held in DATA_ENCRYPTION_KEYS.
 *
 * `npm run keys:rotate -- --remove-old-keys` is the separate, last step: it removes the old keys
 * from the key file, and refuses while any stored value still needs one (with DATA_ENCRYPTION_KEYS
 * it only checks, and says whether the old keys may go).
 */
import type { Kysely } from 'kysely';
import { loadKeyring, rotateKeyFile } from '../utils/crypto.server';
import { getDb } from '../utils/db.server';
import { dataDir } from '../utils/env.server';
import { reencryptAll, retireOldKeyFile, valuesUnderOtherKeys } from '../utils/key-rotation.server';
import { migrateToLatest } from '../utils/migrate.server';

const USAGE = 'Usage: npm run keys:rotate [-- --reencrypt-only | --remove-old-keys]';

const ENV_INSTRUCTIONS = `DATA_ENCRYPTION_KEYS is set, so the keys live in your deployment's settings, not in a file this command can change.
To rotate them:
  1. Make a new key:  openssl rand -base64 32
  2. Put it FIRST in DATA_ENCRYPTION_KEYS, keeping every old key after it (comma-separated).
  3. Restart every portal process, so new values are written with the new key.
  4. Run:  npm run keys:rotate -- --reencrypt-only
  5. Run:  npm run keys:rotate -- --remove-old-keys  (it checks that nothing still needs the old keys)
  6. Only when it says so, remove the old keys from DATA_ENCRYPTION_KEYS and restart again.`;

function describeStillUsed(stillUsed: Record<string, number>): string {
  return Object.entries(stillUsed)
    .map(([column, count]) => `  ${column}: ${count}`)
    .join('\n');
}

async function removeOldKeys(db: Kysely<any>): Promise<number> {
  if (process.env.DATA_ENCRYPTION_KEYS !== undefined) {
    const keyring = loadKeyring();
    const stillUsed = await valuesUnderOtherKeys(db, keyring.current.id);
    if (Object.keys(stillUsed).length > 0) {
      console.error(
        `Keep the old keys: these values still need them.\n${describeStillUsed(stillUsed)}\nRun: npm run keys:rotate -- --reencrypt-only`,
      );
      return 1;
    }
    console.log(`Nothing needs a key other than ${keyring.current.id}: you may remove the others from DATA_ENCRYPTION_KEYS and restart.`);
    return 0;
  }
  const result = await retireOldKeyFile(db, dataDir);
  if (!result.ok) {
    console.error(
      `Refused: these values were written with an old key, which is kept.\n${describeStillUsed(result.stillUsed)}\n` +
        'Run: npm run keys:rotate -- --reencrypt-only, then try again.',
    );
    return 1;
  }
  console.log(
    result.removed.length === 0
      ? 'There were no old keys to remove.'
      : `Removed key${result.removed.length === 1 ? '' : 's'} ${result.removed.join(', ')}.`,
  );
  return 0;
}

async function reencrypt(db: Kysely<any>, reencryptOnly: boolean): Promise<number> {
  if (!reencryptOnly) {
    if (process.env.DATA_ENCRYPTION_KEYS !== undefined) {
      console.error(ENV_INSTRUCTIONS);
      return 1;
    }
    // Checks the existing file (permissions, key sizes) before touching it, and creates it on a
    // portal that has never started, so there is something to rotate.
    loadKeyring({ dataDir });
    const { newKeyId } = rotateKeyFile(dataDir);
    console.log(`Added key ${newKeyId} to the key file in ${dataDir}; older keys are kept. Running servers write with it from now on.`);
  }
  const keyring = loadKeyring({ dataDir });
  console.log(`Re-encrypting with key ${keyring.current.id}.`);
  try {
    const { total, tables } = await reencryptAll(db, keyring, (table, count) => {
      console.log(`  ${table}: ${count} value${count === 1 ? '' : 's'} re-encrypted`);
    });
    console.log(`Re-encrypted ${total} value${total === 1 ? '' : 's'} in ${tables} table${tables === 1 ? '' : 's'}.`);
  } catch (error) {
    console.error(
      `Re-encryption stopped: ${(error as Error).message}\n` +
        'Tables already done are committed; the one that failed was rolled back. Every key is kept, so all values still decrypt.\n' +
        'Fix the cause, then run: npm run keys:rotate -- --reencrypt-only',
    );
    return 1;
  }
  console.log('The old keys are kept. When you no longer need them, run: npm run keys:rotate -- --remove-old-keys');
  return 0;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const known = ['--reencrypt-only', '--remove-old-keys'];
  const unknown = args.filter((arg) => !known.includes(arg));
  if (unknown.length > 0 || args.length > 1) {
    console.error(`${unknown.length > 0 ? `Unknown option: ${unknown.join(' ')}\n` : ''}${USAGE}`);
    return 2;
  }
  const db = getDb();
  try {
    await migrateToLatest(db);
    const kysely = db as unknown as Kysely<any>;
    return args.includes('--remove-old-keys') ? await removeOldKeys(kysely) : await reencrypt(kysely, args.includes('--reencrypt-only'));
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
