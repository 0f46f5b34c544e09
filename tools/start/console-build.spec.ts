import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleIsCurrent, recordConsoleBuild } from './console-build';

describe('console build stamp', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'fleet-stamp-'));
    await mkdir(join(root, 'apps/console/src'), { recursive: true });
    await mkdir(join(root, 'dist/console'), { recursive: true });
    await writeFile(join(root, 'apps/console/src/App.tsx'), 'export const App = 1;');
    await writeFile(join(root, 'package-lock.json'), '{}');
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('asks for a build until one is recorded, then again only when a source or the lockfile changes', async () => {
    const first = await consoleIsCurrent(root);
    expect(first.current).toBe(false); // nothing built yet
    await writeFile(join(root, 'dist/console/index.html'), '<!doctype html>');
    expect((await consoleIsCurrent(root)).current).toBe(false); // built, but from unknown sources
    await recordConsoleBuild(root, first.hash);
    expect(await consoleIsCurrent(root)).toEqual({ hash: first.hash, current: true });

    await writeFile(join(root, 'apps/console/src/App.tsx'), 'export const App = 2;');
    expect((await consoleIsCurrent(root)).current).toBe(false);
    await writeFile(join(root, 'apps/console/src/App.tsx'), 'export const App = 1;');
    expect((await consoleIsCurrent(root)).current).toBe(true);
    await writeFile(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect((await consoleIsCurrent(root)).current).toBe(false);
  });
});
