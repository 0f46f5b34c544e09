import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LocalSecrets {
  jwtSecret: string;
  adminPassword: string;
  demoPassword: string;
}

/**
 * Secrets of a local demo run, made once and kept in the data folder (git-ignored), so that a second
 * `npm start` keeps its logins working. A deployment sets JWT_SECRET and ADMIN_PASSWORD itself.
 */
export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const path = join(dataDir, 'secrets.json');
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LocalSecrets;
  } catch {
    const secrets: LocalSecrets = {
      jwtSecret: randomBytes(32).toString('hex'),
      adminPassword: `Admin-${randomBytes(6).toString('hex')}`,
      demoPassword: `Demo-${randomBytes(6).toString('hex')}`,
    };
    await writeFile(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}
