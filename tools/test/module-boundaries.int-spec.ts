import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');

/** Lints a throwaway file placed in a project, and returns the module-boundary errors it gets. */
async function boundaryErrors(relativePath: string, source: string): Promise<string[]> {
  const path = resolve(root, relativePath);
  await writeFile(path, source);
  try {
    // The real CLI, as `npm run lint` runs it (jest's module system cannot load ESLint's ESM config).
    const eslint = resolve(root, 'node_modules/eslint/bin/eslint.js');
    const { stdout } = await promisify(execFile)(process.execPath, [eslint, '--format', 'json', path], {
      cwd: root,
    }).catch((failure: { stdout: string }) => failure);
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  } finally {
    await rm(path, { force: true });
  }
}

describe('module boundaries', () => {
  // The rule reads Nx's cached project graph and silently skips when there is none (a fresh clone):
  // compute it first, as `npm run lint` does.
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/.bin/nx'), 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
    });
  }, 120_000);

  it.each([
    ['@nestjs/common', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n"],
    ['typeorm', "import { Entity } from 'typeorm';\nexport const x = Entity;\n"],
    ['react', "import { useState } from 'react';\nexport const x = useState;\n"],
  ])(
    'fails lint when libs/domain imports %s',
    async (name, source) => {
      const errors = await boundaryErrors('libs/domain/identifiers/src/boundary-probe.ts', source);
      expect(errors).toContain(`A project tagged with "platform:any" is not allowed to import "${name}"`);
    },
    60_000,
  );

  it('fails lint when the domain imports a server library', async () => {
    const errors = await boundaryErrors(
      'libs/domain/identifiers/src/boundary-probe.ts',
      "import { loadConfig } from '@fleet/server/config';\nexport const x = loadConfig;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('passes a domain file that imports only the domain', async () => {
    const errors = await boundaryErrors(
      'libs/domain/identifiers/src/boundary-probe.ts',
      "import { parseImei } from './identifiers.util';\nexport const x = parseImei;\n",
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
