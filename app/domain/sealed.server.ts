import { decryptText, encryptText, keySourceStamp, loadKeyring, type Keyring } from '~/utils/crypto.server';

/**
 * The one place the portal's keyring is held in memory. Every value sealed here is encrypted
 * (AES-256-GCM) with associated data naming its owner (an account or a share), so a value
 * copied into another row does not decrypt.
 */
let keyring: Keyring | null = null;
let loadedFrom = '';
/**
 * The keys, reloaded whenever the key file has changed since they were read (one `stat` a use), so
 * a rotation's new key is used for the very next write: a running server can never keep writing
 * with a key that is about to be retired (ADR 16).
 */
function keys(): Keyring {
  const stamp = keySourceStamp();
  if (!keyring || stamp !== loadedFrom) {
    keyring = loadKeyring();
    loadedFrom = stamp;
  }
  return keyring;
}

/** Encrypts a value for the row named by `associatedData`. */
export function seal(text: string, associatedData: string): string {
  return encryptText(keys(), text, associatedData);
}

/**
 * Decrypts, reloading the keys once if the value was written with a key this process has not
 * loaded yet (another process rotated the keys while this one was running).
 */
export function unseal(value: string, associatedData: string): string {
  try {
    return decryptText(keys(), value, associatedData);
  } catch (error) {
    keyring = null;
    try {
      return decryptText(keys(), value, associatedData);
    } catch {
      throw error;
    }
  }
}

/** Forgets the loaded keys (after a rotation, or between tests). */
export function resetKeyring(): void {
  keyring = null;
}
