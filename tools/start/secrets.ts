import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { passwordProblems } from '@fleet/domain/accounts';

export interface LocalSecrets {
  jwtSecret: string;
  /** Password of the application's database role (APP_DATABASE_URL) that npm start makes. */
  appDatabasePassword: string;
}

/**
 * The JWT secret and the application database role's password of a local demo run, made once and kept in
 * the data folder (git-ignored, mode 600), so a second `npm start` keeps its sessions valid. Passwords are never kept here: each is printed once, when
 * it is made, and only its argon2 hash is stored (an older file that held passwords is rewritten without).
 */
export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const path = join(dataDir, 'secrets.json');
  let stored: Partial<LocalSecrets> & Record<string, unknown> = {};
  try {
    stored = JSON.parse(await readFile(path, 'utf8')) as typeof stored;
  } catch {
    // First start: made below.
  }
  const secrets: LocalSecrets = {
    jwtSecret: typeof stored.jwtSecret === 'string' ? stored.jwtSecret : randomBytes(32).toString('hex'),
    appDatabasePassword:
      typeof stored.appDatabasePassword === 'string'
        ? stored.appDatabasePassword
        : randomBytes(24).toString('hex'),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    await writeFile(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** A random password that the password policy accepts (96 bits, 16 characters). */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(12).toString('base64url');
    if (!passwordProblems(password, null).length) return password;
  }
}
