import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');

const boundaryRules = new Set([
  '@nx/enforce-module-boundaries',
  'no-restricted-imports',
  '@typescript-eslint/no-restricted-imports',
]);

interface Probe {
  /** Where the throwaway file goes: the project whose rules apply. */
  project: string;
  source: string;
}

const probes: Record<string, Probe> = {};
let nextProbe = 0;

/** Declares a throwaway file to lint; all are linted in one ESLint run (a typed lint takes seconds). */
function probe(project: string, source: string, suffix = ''): string {
  const id = `boundary-probe-${nextProbe++}${suffix}`;
  probes[id] = { project, source };
  return id;
}

/** The module-boundary errors of each probe, from one run of the real CLI as `npm run lint` runs it. */
async function lintProbes(): Promise<Map<string, string[]>> {
  const paths = Object.entries(probes).map(([id, { project }]) => resolve(root, project, 'src', `${id}.ts`));
  await Promise.all(Object.values(probes).map(({ source }, index) => writeFile(paths[index], source)));
  try {
    // jest's module system cannot load ESLint's ESM config, so the CLI in a child process.
    const eslint = resolve(root, 'node_modules/eslint/bin/eslint.js');
    const { stdout } = await promisify(execFile)(process.execPath, [eslint, '--format', 'json', ...paths], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((failure: { stdout: string }) => failure);
    const results = JSON.parse(stdout) as {
      filePath: string;
      messages: { ruleId: string; message: string }[];
    }[];
    return new Map(
      results.map((result) => [
        basename(result.filePath, '.ts'),
        result.messages.filter((m) => boundaryRules.has(m.ruleId)).map((m) => m.message),
      ]),
    );
  } finally {
    await Promise.all(paths.map((path) => rm(path, { force: true })));
  }
}

const use = (what: string, from: string) => `import { ${what} } from '${from}';\nexport const x = ${what};\n`;

const domainImports = {
  '@nestjs/common': probe('libs/domain/identifiers', use('Injectable', '@nestjs/common')),
  typeorm: probe('libs/domain/identifiers', use('Entity', 'typeorm')),
  react: probe('libs/domain/identifiers', use('useState', 'react')),
  exceljs: probe('libs/domain/billing', use('Workbook', 'exceljs')),
  papaparse: probe('libs/domain/billing', use('parse', 'papaparse')),
  'class-validator': probe('libs/domain/billing', use('IsInt', 'class-validator')),
  fastify: probe('libs/domain/billing', use('fastify', 'fastify')),
};
const domainImportsServer = probe('libs/domain/identifiers', use('loadConfig', '@fleet/server/config'));
const domainImportsBuiltin = probe('libs/domain/billing', use('readFileSync', 'node:fs'));
const domainImportsDomain = probe('libs/domain/identifiers', use('parseImei', './identifiers.util'));
const serverImports = {
  react: probe('libs/server/platform', use('useState', 'react')),
  '@mui/material': probe('libs/server/platform', use('Button', '@mui/material')),
  'react-admin': probe('libs/server/platform', use('List', 'react-admin')),
};
const deepImport = probe(
  'libs/server/feature-billing',
  use('UsageRunner', '@fleet/server/feature-usage/src/usage-runner'),
);
const relativeImport = probe(
  'libs/server/feature-billing',
  use('UsageRunner', '../../feature-usage/src/usage-runner'),
);
const serverImportsConsole = probe(
  'libs/server/feature-billing',
  use('App', '../../../../apps/console/src/App'),
);
// The file-import pipeline is infrastructure the import features build on, never the other way round.
const fileImportImportsFeature = probe(
  'libs/server/file-import',
  use('OrgModule', '@fleet/server/feature-org'),
);
const featureImportsFileImport = probe(
  'libs/server/feature-usage',
  use('FileImportService', '@fleet/server/file-import'),
);
const serviceTouchesTypeorm = probe(
  'libs/server/feature-billing',
  use('InjectDataSource', '@nestjs/typeorm'),
  '.service',
);
const storeTouchesTypeorm = probe(
  'libs/server/feature-billing',
  use('InjectDataSource', '@nestjs/typeorm'),
  '.store',
);
const serviceTypeImport = probe(
  'libs/server/feature-billing',
  "import type { EntityManager } from 'typeorm';\nexport type X = EntityManager;\n",
  '.service',
);
const featureImportsFeature = probe(
  'libs/server/feature-billing',
  use('UsageModule', '@fleet/server/feature-usage'),
);

describe('module boundaries', () => {
  let errors: Map<string, string[]>;

  // The rule reads Nx's cached project graph and silently skips when there is none (a fresh clone):
  // compute it first, as `npm run lint` does; then lint every probe in one run.
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/.bin/nx'), 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    errors = await lintProbes();
  }, 300_000);

  it.each(Object.entries(domainImports))(
    'fails lint when libs/domain imports a package, here %s',
    (name, id) => {
      expect(errors.get(id)).toContain(
        `A project tagged with "type:domain" is not allowed to import "${name}"`,
      );
    },
  );

  it('fails lint when the domain imports a server library', () => {
    expect(errors.get(domainImportsServer)?.length).toBeGreaterThan(0);
  });

  it('fails lint when libs/domain imports a Node built-in', () => {
    expect(errors.get(domainImportsBuiltin)?.join('\n')).toContain('no Node built-ins');
  });

  it.each(Object.entries(serverImports))('fails lint when a server library imports %s', (name, id) => {
    expect(errors.get(id)).toContain(
      `A project tagged with "platform:server" is not allowed to import "${name}"`,
    );
  });

  it('fails lint when a feature imports another library by a path into its src/', () => {
    expect(errors.get(deepImport)?.join('\n')).toContain('Import the library by its name');
  });

  it("fails lint when a feature reaches into another feature's files by a relative path", () => {
    expect(errors.get(relativeImport)?.length).toBeGreaterThan(0);
  });

  it('fails lint when a server library imports the console', () => {
    expect(errors.get(serverImportsConsole)?.length).toBeGreaterThan(0);
  });

  it("fails lint when a feature's service uses TypeORM instead of a store", () => {
    expect(errors.get(serviceTouchesTypeorm)?.join('\n')).toContain('touches TypeORM');
  });

  it("passes a feature's store that uses TypeORM, and a type-only import of it anywhere", () => {
    expect(errors.get(storeTouchesTypeorm)).toEqual([]);
    expect(errors.get(serviceTypeImport)).toEqual([]);
  });

  it('passes a feature file that imports another feature by its name', () => {
    expect(errors.get(featureImportsFeature)).toEqual([]);
  });

  it('fails lint when the file-import library imports a feature', () => {
    expect(errors.get(fileImportImportsFeature)?.join('\n')).toContain('type:infra');
  });

  it('passes a feature file that imports the file-import library', () => {
    expect(errors.get(featureImportsFileImport)).toEqual([]);
  });

  it('passes a domain file that imports only the domain', () => {
    expect(errors.get(domainImportsDomain)).toEqual([]);
  });
});
