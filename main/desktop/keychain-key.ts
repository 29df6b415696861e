import { safeStorage } from 'electron';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const FILE = 'secret.key.keychain';

// The key that seals secrets in the database, itself encrypted by the OS keychain (safeStorage).
// Without a keychain (e.g. Linux with no secret service) return null: the engine then falls back
// to its 0600 key file, as in headless mode.
export function keychainProtectedKey(userData: string): Buffer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const file = path.join(userData, FILE);
  if (fs.existsSync(file)) {
    return Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'base64');
  }
  const key = crypto.randomBytes(32);
  fs.mkdirSync(userData, { recursive: true });
  fs.writeFileSync(file, safeStorage.encryptString(key.toString('base64')), { mode: 0o600 });
  return key;
}
