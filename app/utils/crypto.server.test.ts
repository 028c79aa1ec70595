import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptText, encryptText, keyIdOf, keyringFromKeys, loadKeyring, reencrypt, rotateKeyFile, type Keyring } from './crypto.server';

const newKey = () => crypto.randomBytes(32);
const keyring = (...keys: Buffer[]): Keyring => keyringFromKeys(keys.length > 0 ? keys : [newKey()]);
// @remix-run/node's globals make NODE_ENV a required property of ProcessEnv.
const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...vars });
const noEnv = env();
const posixOnly = process.platform === 'win32' ? it.skip : it;

/** Flips one bit in one dot-separated part of an encrypted value, re-encoding it canonically. */
function tamper(value: string, part: 2 | 3 | 4): string {
  const parts = value.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('encryptText and decryptText', () => {
  const ring = keyring();

  it.each([
    ['English', 'I want to stay in my own home, near my garden.'],
    ['Urdu', 'میں اپنے گھر میں رہنا چاہتا ہوں۔'],
    ['Bengali', 'আমি আমার নিজের বাড়িতে থাকতে চাই।'],
    ['emoji', 'I feel 😟 about the move 🏠➡️🏥, but 👍 to my sister visiting 👩‍👧'],
    ['empty', ''],
  ])('round-trips %s', (_name, text) => {
    const value = encryptText(ring, text, 'account-1');
    expect(value).toMatch(/^v1\.[0-9a-f]{16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/);
    expect(value).not.toContain(text || '\u0000');
    expect(decryptText(ring, value, 'account-1')).toBe(text);
  });

  it('round-trips without associated data', () => {
    expect(decryptText(ring, encryptText(ring, 'no AAD'))).toBe('no AAD');
  });

  it('uses a fresh IV every time, so the same words never look the same', () => {
    const values = Array.from({ length: 20 }, () => encryptText(ring, 'same words', 'account-1'));
    expect(new Set(values.map((v) => v.split('.')[2])).size).toBe(20);
    expect(new Set(values).size).toBe(20);
  });

  it.each([
    ['IV', 2],
    ['auth tag', 3],
    ['ciphertext', 4],
  ] as const)('refuses a value whose %s was changed', (_name, part) => {
    const value = encryptText(ring, 'my words', 'account-1');
    expect(() => decryptText(ring, tamper(value, part), 'account-1')).toThrow(/altered/);
  });

  it('refuses a value with a non-canonical or truncated part', () => {
    const value = encryptText(ring, 'my words', 'account-1');
    const parts = value.split('.');
    expect(() =>
      decryptText(
        ring,
        [...parts.slice(0, 3), Buffer.from(parts[3]!, 'base64url').subarray(0, 4).toString('base64url'), parts[4]].join('.'),
        'account-1',
      ),
    ).toThrow(/auth tag is 4 bytes/);
    expect(() => decryptText(ring, [...parts.slice(0, 4), `${parts[4]}=`].join('.'), 'account-1')).toThrow(/canonical/);
  });

  it('refuses the right value with the wrong associated data (moved to another row)', () => {
    const value = encryptText(ring, 'my words', 'account-1');
    expect(() => decryptText(ring, value, 'account-2')).toThrow(/different record/);
    expect(() => decryptText(ring, value)).toThrow(/different record/);
  });

  it('names the missing key when the key id is unknown', () => {
    const value = encryptText(keyring(), 'my words');
    expect(() => decryptText(ring, value)).toThrow(new RegExp(`key ${keyIdOf(value)}, which is not in the keyring`));
  });

  it.each(['plain words', 'v2.0123456789abcdef.a.b.c', 'v1.nothex.a.b.c', 'v1.0123456789abcdef.a.b', ''])(
    'refuses a badly formed value %j',
    (value) => {
      expect(() => decryptText(ring, value)).toThrow(/Cannot decrypt/);
    },
  );

  it('reports the key id a value was written with', () => {
    const value = encryptText(ring, 'x');
    expect(keyIdOf(value)).toBe(ring.current.id);
    expect(ring.current.id).toBe(crypto.createHash('sha256').update(ring.current.key).digest('hex').slice(0, 16));
  });
});

describe('loadKeyring and rotateKeyFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imw-keys-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  posixOnly('creates a 0600 key file with one key, then reuses it', () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const first = loadKeyring({ env: noEnv, dataDir });
    const file = path.join(dataDir, 'encryption.keys');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(first.all.size).toBe(1);

    const second = loadKeyring({ env: noEnv, dataDir });
    expect(second.current.id).toBe(first.current.id);
    expect(second.current.key.equals(first.current.key)).toBe(true);
  });

  posixOnly('refuses a key file other users can read', () => {
    const file = path.join(dir, 'encryption.keys');
    fs.writeFileSync(file, `${newKey().toString('base64')}\n`);
    fs.chmodSync(file, 0o644);
    expect(() => loadKeyring({ env: noEnv, dataDir: dir })).toThrow(/chmod 600/);
    expect(() => rotateKeyFile(dir)).toThrow(/chmod 600/);
  });

  it('refuses keys that are not exactly 32 bytes, without echoing them', () => {
    const short = crypto.randomBytes(16).toString('base64');
    expect(() => loadKeyring({ env: env({ DATA_ENCRYPTION_KEYS: short }), dataDir: dir })).toThrow(/16 bytes; each key must be exactly 32/);
    expect(() => loadKeyring({ env: env({ DATA_ENCRYPTION_KEYS: short }), dataDir: dir })).not.toThrow(short);
    const file = path.join(dir, 'encryption.keys');
    fs.writeFileSync(file, `${crypto.randomBytes(33).toString('base64')}\n`, { mode: 0o600 });
    expect(() => loadKeyring({ env: noEnv, dataDir: dir })).toThrow(/33 bytes/);
    expect(() => loadKeyring({ env: env({ DATA_ENCRYPTION_KEYS: 'not base64!' }), dataDir: dir })).toThrow(/not base64/);
    expect(() => loadKeyring({ env: env({ DATA_ENCRYPTION_KEYS: ' , ' }), dataDir: dir })).toThrow(/holds no keys/);
  });

  it('takes keys from DATA_ENCRYPTION_KEYS over the key file, first key current', () => {
    const fromFile = loadKeyring({ env: noEnv, dataDir: dir });
    const [a, b] = [newKey(), newKey()];
    const ring = loadKeyring({ env: env({ DATA_ENCRYPTION_KEYS: `${a.toString('base64')}, ${b.toString('base64')}` }), dataDir: dir });
    expect(ring.all.has(fromFile.current.id)).toBe(false);
    expect(ring.current.key.equals(a)).toBe(true);
    expect(ring.all.size).toBe(2);
    expect([...ring.all.values()].some((k) => k.equals(b))).toBe(true);
  });

  it('does not create a key file when the keys come from the environment', () => {
    loadKeyring({ env: env({ DATA_ENCRYPTION_KEYS: newKey().toString('base64') }), dataDir: dir });
    expect(fs.existsSync(path.join(dir, 'encryption.keys'))).toBe(false);
  });

  posixOnly('rotates: old values still decrypt, reencrypt moves them to the new key, the old key can then go', () => {
    const before = loadKeyring({ env: noEnv, dataDir: dir });
    const oldValue = encryptText(before, 'میرا گھر', 'account-7');

    const { newKeyId } = rotateKeyFile(dir);
    const file = path.join(dir, 'encryption.keys');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['encryption.keys']);

    const after = loadKeyring({ env: noEnv, dataDir: dir });
    expect(after.current.id).toBe(newKeyId);
    expect(newKeyId).not.toBe(before.current.id);
    expect(after.all.size).toBe(2);
    expect(decryptText(after, oldValue, 'account-7')).toBe('میرا گھر');

    const moved = reencrypt(after, oldValue, 'account-7');
    expect(keyIdOf(moved)).toBe(newKeyId);
    expect(reencrypt(after, moved, 'account-7')).toBe(moved);
    expect(() => reencrypt(after, oldValue, 'account-8')).toThrow(/different record/);

    const onlyNew = keyring(after.current.key);
    expect(decryptText(onlyNew, moved, 'account-7')).toBe('میرا گھر');
    expect(() => decryptText(onlyNew, oldValue, 'account-7')).toThrow(/not in the keyring/);
  });

  it('refuses to rotate when there is no key file, and while another rotation holds the lock', () => {
    expect(() => rotateKeyFile(dir)).toThrow(/does not exist/);
    loadKeyring({ env: noEnv, dataDir: dir });
    fs.writeFileSync(path.join(dir, 'encryption.keys.rotating'), '');
    expect(() => rotateKeyFile(dir)).toThrow(/another rotation/);
    expect(loadKeyring({ env: noEnv, dataDir: dir }).all.size).toBe(1);
  });
});
