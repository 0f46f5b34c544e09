// Compiles the server side (apps/api, apps/worker, libs, tools) with SWC into dist/server, keeping the
// folder layout and rewriting the tsconfig path aliases to relative imports. SWC keeps decorator
// metadata, which NestJS and TypeORM need; a full build takes about a second.
import { transformFile } from '@swc/core';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'server');
const sourceRoots = ['apps/api/src', 'apps/worker/src', 'libs', 'tools'];
const skip = /(\.spec|\.int-spec|\.e2e-spec)\.ts$|\.d\.ts$/;

const { compilerOptions } = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') yield* walk(path);
    } else if (entry.name.endsWith('.ts') && !skip.test(entry.name)) {
      yield path;
    }
  }
}

const files = [];
for (const sourceRoot of sourceRoots) {
  for await (const file of walk(join(root, sourceRoot))) files.push(file);
}

await Promise.all(
  files.map(async (file) => {
    const { code, map } = await transformFile(file, {
      swcrc: false,
      sourceMaps: true,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
        baseUrl: root,
        paths: compilerOptions.paths,
      },
      module: { type: 'commonjs' },
    });
    const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    await writeFile(`${target}.map`, map);
  }),
);
// Data the compiled code reads beside itself (the demo seed's delivery lists).
const assets = ['tools/seed/data'];
await Promise.all(assets.map((dir) => cp(join(root, dir), join(outDir, dir), { recursive: true })));
console.log(`build: ${files.length} files compiled to ${relative(root, outDir)}`);
