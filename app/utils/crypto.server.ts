import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir as defaultDataDir } from './env.server';

/**
 * Encryption at rest for the person's words (special-category data). AES-256-GCM, so a changed
 * byte is detected rather than decrypted into nonsense; every value names the key that wrote it, so
 * keys can be rotated without a flag day.
 */

/** The keys this process can use: `current` encrypts, `all` (including current) decrypts. */
export interface Keyring {
  current: { id: string; key: Buffer };
  all: Map<string, Buffer>;
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
// 96 bits is the IV size GCM is designed for; any other length is hashed and weakens the bounds.
const IV_BYTES = 12;
// Without a fixed tag length Node accepts truncated tags (down to 4 bytes), which makes forgery far easier.
const TAG_BYTES = 16;
const KEY_FILE = 'encryption.keys';
const ENV_VAR = 'DATA_ENCRYPTION_KEYS';
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const FORMAT_HINT = `expected ${VERSION}.<keyId>.<iv>.<tag>.<ciphertext>`;

/** The key id written into each value: the first 16 hex characters of sha256(key). */
export function keyIdFor(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Builds a keyring from raw 32-byte keys; the first one becomes the current (encrypting) key. */
export function keyringFromKeys(keys: Buffer[]): Keyring {
  const first = keys[0];
  if (!first) throw new Error('An encryption keyring needs at least one key.');
  const all = new Map<string, Buffer>();
  for (const [index, key] of keys.entries()) {
    if (key.length !== KEY_BYTES) {
      throw new Error(`Encryption key ${index + 1} is ${key.length} bytes; each key must be exactly ${KEY_BYTES} bytes.`);
    }
    all.set(keyIdFor(key), key);
  }
  return { current: { id: keyIdFor(first), key: first }, all };
}

/** Encrypts text with the keyring's current key; `associatedData` binds the value to its row. */
export function encryptText(keyring: Keyring, plaintext: string, associatedData?: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv(ALGORITHM, keyring.current.key, iv, { authTagLength: TAG_BYTES });
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyring.current.id, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

interface Parsed {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function decodePart(part: string, name: string): Buffer {
  const bytes = Buffer.from(part, 'base64url');
  // Node's decoder skips stray characters and ignores the spare bits of the last one, so several
  // strings would decode alike; insisting on the canonical form means any edit to a value is seen.
  if (!BASE64URL.test(part) || bytes.toString('base64url') !== part) {
    throw new Error(`Cannot decrypt: the ${name} is not canonical base64url (${FORMAT_HINT}).`);
  }
  return bytes;
}

function parse(value: string): Parsed {
  const parts = value.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new Error(`Cannot decrypt: not an encrypted value (${FORMAT_HINT}).`);
  }
  const [, keyId = '', ivPart = '', tagPart = '', ciphertextPart = ''] = parts;
  if (!/^[0-9a-f]{16}$/.test(keyId)) throw new Error(`Cannot decrypt: the key id is malformed (${FORMAT_HINT}).`);
  const iv = decodePart(ivPart, 'IV');
  const tag = decodePart(tagPart, 'auth tag');
  const ciphertext = decodePart(ciphertextPart, 'ciphertext');
  if (iv.length !== IV_BYTES) throw new Error(`Cannot decrypt: the IV is ${iv.length} bytes, not ${IV_BYTES}.`);
  if (tag.length !== TAG_BYTES) throw new Error(`Cannot decrypt: the auth tag is ${tag.length} bytes, not ${TAG_BYTES}.`);
  return { keyId, iv, tag, ciphertext };
}

/** Decrypts a value from `encryptText`; throws if the key is unknown, the value was altered or the AAD differs. */
export function decryptText(keyring: Keyring, value: string, associatedData?: string): string {
  const { keyId, iv, tag, ciphertext } = parse(value);
  const key = keyring.all.get(keyId);
  if (!key) {
    throw new Error(
      `Cannot decrypt: the value was written with key ${keyId}, which is not in the keyring. ` +
        `Old keys must stay in ${ENV_VAR} or ${KEY_FILE} until every value has been re-encrypted.`,
    );
  }
  const decipher = crypto.createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    // GCM cannot tell these apart: both mean the tag does not match.
    throw new Error('Cannot decrypt: the value has been altered, or it belongs to a different record (associated data mismatch).', {
      cause: error,
    });
  }
}

/** The id of the key an encrypted value was written with. */
export function keyIdOf(value: string): string {
  return parse(value).keyId;
}

/** Re-encrypts a value with the current key; returns it unchanged if the current key already wrote it. */
export function reencrypt(keyring: Keyring, value: string, associatedData?: string): string {
  if (keyIdOf(value) === keyring.current.id) return value;
  return encryptText(keyring, decryptText(keyring, value, associatedData), associatedData);
}

/** A new random key, base64-encoded as the key file and DATA_ENCRYPTION_KEYS expect. */
export function generateKey(): string {
  return crypto.randomBytes(KEY_BYTES).toString('base64');
}

function decodeKeys(encoded: string[], source: string): Buffer[] {
  return encoded.map((text, index) => {
    // Never echo the text itself: it may be a real key with a typo.
    if (!BASE64.test(text)) throw new Error(`Key ${index + 1} in ${source} is not base64.`);
    const key = Buffer.from(text, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new Error(
        `Key ${index + 1} in ${source} is ${key.length} bytes; each key must be exactly ${KEY_BYTES} bytes ` +
          '(make one with `openssl rand -base64 32`).',
      );
    }
    return key;
  });
}

function keyFilePath(dir: string): string {
  return path.join(dir, KEY_FILE);
}

function readKeyFile(file: string): { text: string; keys: Buffer[] } {
  const mode = fs.statSync(file).mode;
  // Windows has no POSIX permission bits to check.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(
      `${file} can be read by users other than its owner (mode ${(mode & 0o777).toString(8)}). Run \`chmod 600 ${file}\` and try again.`,
    );
  }
  const text = fs.readFileSync(file, 'utf8');
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length === 0) throw new Error(`${file} holds no keys. Restore it from a backup; without its keys the data cannot be read.`);
  return { text, keys: decodeKeys(lines, file) };
}

function fsyncDir(dir: string): void {
  // Without this a power cut can lose the rename, and a lost key means lost data.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

// 'wx' makes a second writer fail instead of interleaving with this one.
function writeTempFile(tmp: string, text: string): void {
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function createKeyFile(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = keyFilePath(dir);
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  writeTempFile(tmp, `${generateKey()}\n`);
  try {
    // link() fails if the file exists, so two processes starting together cannot each make a key.
    fs.linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fsyncDir(dir);
}

/** Loads keys from DATA_ENCRYPTION_KEYS, else `<dataDir>/encryption.keys`, creating that file with a new key if neither exists. */
export function loadKeyring(options: { env?: NodeJS.ProcessEnv; dataDir?: string } = {}): Keyring {
  const env = options.env ?? process.env;
  const dir = options.dataDir ?? defaultDataDir;
  const fromEnv = env[ENV_VAR];
  if (fromEnv !== undefined) {
    const encoded = fromEnv
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    // Set-but-empty is a deployment mistake; quietly falling back to a key file would hide it.
    if (encoded.length === 0) {
      throw new Error(`${ENV_VAR} is set but holds no keys. Unset it to use ${KEY_FILE}, or give at least one key.`);
    }
    return keyringFromKeys(decodeKeys(encoded, ENV_VAR));
  }
  const file = keyFilePath(dir);
  if (!fs.existsSync(file)) createKeyFile(dir);
  return keyringFromKeys(readKeyFile(file).keys);
}

/**
 * What the key source looks like now, cheaply (a `stat`, no read): a running server compares it
 * before each use and reloads its keys when a rotation has changed the file, so it writes with the
 * newest key at once instead of after a restart.
 */
export function keySourceStamp(options: { env?: NodeJS.ProcessEnv; dataDir?: string } = {}): string {
  const env = options.env ?? process.env;
  const fromEnv = env[ENV_VAR];
  if (fromEnv !== undefined) return `env:${fromEnv.length}`;
  try {
    const stat = fs.statSync(keyFilePath(options.dataDir ?? defaultDataDir), { bigint: true });
    return `file:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return 'file:missing';
  }
}

/**
 * Rewrites `<dataDir>/encryption.keys` through a temporary file and an atomic rename. The fixed
 * temporary name doubles as a lock: a second change at the same time would otherwise drop this
 * one's key after values had been re-encrypted with it.
 */
function rewriteKeyFile(dataDir: string, change: (text: string, keys: Buffer[]) => string): void {
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist, so there is no key to change. Check DATA_DIR.`);
  const tmp = `${file}.rotating`;
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${tmp} exists: another rotation is running, or one was interrupted. If none is running, delete it and retry.`, {
        cause: error,
      });
    }
    throw error;
  }
  let open = true;
  let renamed = false;
  try {
    const { text, keys } = readKeyFile(file);
    fs.writeSync(fd, change(text, keys));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    open = false;
    fs.renameSync(tmp, file);
    renamed = true;
    fsyncDir(dataDir);
  } finally {
    if (open) fs.closeSync(fd);
    // Once renamed, the temp name may already be another rotation's lock.
    if (!renamed) fs.rmSync(tmp, { force: true });
  }
}

/** Adds a new random key at the top of `<dataDir>/encryption.keys`, keeping the old ones so existing values still decrypt. */
export function rotateKeyFile(dataDir: string): { newKeyId: string } {
  const newKey = generateKey();
  rewriteKeyFile(dataDir, (text) => `${newKey}\n${text === '' || text.endsWith('\n') ? text : `${text}\n`}`);
  return { newKeyId: keyIdFor(Buffer.from(newKey, 'base64')) };
}

/**
 * Keeps only the current (first) key in `<dataDir>/encryption.keys` and returns the ids removed,
 * and the file's text before, so a caller that finds a value still needing an old key can put it back.
 * Only call this once nothing is sealed with the old keys (`npm run keys:rotate -- --remove-old-keys`).
 */
export function retireOldKeys(dataDir: string): { removed: string[]; previousText: string } {
  let removed: string[] = [];
  let previousText = '';
  rewriteKeyFile(dataDir, (text, keys) => {
    previousText = text;
    removed = keys.slice(1).map(keyIdFor);
    return `${keys[0]!.toString('base64')}\n`;
  });
  return { removed, previousText };
}

/** Puts back a key file's earlier text (after `retireOldKeys` found a value that still needs an old key). */
export function restoreKeyFile(dataDir: string, text: string): void {
  rewriteKeyFile(dataDir, () => text);
}
