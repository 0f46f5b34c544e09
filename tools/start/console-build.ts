// Whether dist/console was built from the sources as they are now, so `npm start` builds the console
// (some 30 s on a small machine) only when something it is made of changed: its own folder, the
// libraries it imports, the build configuration, and the installed packages (the lockfile).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const INPUTS = ['apps/console', 'libs/shared', 'libs/domain', 'tsconfig.base.json', 'package-lock.json'];
const SKIP = new Set(['node_modules', 'e2e', 'dist']);
/** Beside dist/console, not in it: Vite empties its output folder on every build. */
export const STAMP = 'dist/console.source-hash';

async function filesUnder(root: string, path: string): Promise<string[]> {
  const full = join(root, path);
  const entries = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (!entries) return existsSync(full) ? [path] : [];
  const nested = await Promise.all(
    entries
      .filter((e) => !SKIP.has(e.name))
      .map((e) =>
        e.isDirectory() ? filesUnder(root, join(path, e.name)) : Promise.resolve([join(path, e.name)]),
      ),
  );
  return nested.flat();
}

/** One SHA-256 over the path and content of every input file, in a stable order. */
export async function consoleSourceHash(root: string): Promise<string> {
  const files = (await Promise.all(INPUTS.map((input) => filesUnder(root, input)))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash
      .update(relative(root, join(root, file)))
      .update('\0')
      .update(await readFile(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** The sources' hash now, and whether dist/console holds a build of exactly these sources. */
export async function consoleIsCurrent(root: string): Promise<{ hash: string; current: boolean }> {
  const hash = await consoleSourceHash(root);
  const built = existsSync(join(root, 'dist/console/index.html'));
  const stamp = await readFile(join(root, STAMP), 'utf8').catch(() => '');
  return { hash, current: built && stamp.trim() === hash };
}

export async function recordConsoleBuild(root: string, hash: string): Promise<void> {
  await writeFile(join(root, STAMP), `${hash}\n`);
}
