import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const frameworkImports = [
  '@nestjs/*',
  'typeorm',
  'bullmq',
  'ioredis',
  'pg',
  'react',
  'react-dom',
  'react-admin',
  '@mui/*',
];

/** What only the console may import: a server library that imports these is wrong. */
const webImports = ['react', 'react-dom', 'react-admin', 'ra-*', '@mui/*', '@emotion/*', 'recharts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'tmp/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:infra', 'type:domain', 'type:shared'],
            },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:infra', 'type:domain', 'type:shared'],
            },
            {
              sourceTag: 'type:infra',
              onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:shared'],
            },
            { sourceTag: 'type:shared', onlyDependOnLibsWithTags: ['type:shared', 'type:domain'] },
            // The domain is pure rules: other domain code and nothing else, not even a package.
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              allowedExternalImports: [],
            },
            {
              sourceTag: 'platform:any',
              onlyDependOnLibsWithTags: ['platform:any'],
              bannedExternalImports: frameworkImports,
            },
            { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:any'] },
            {
              sourceTag: 'platform:server',
              onlyDependOnLibsWithTags: ['platform:server', 'platform:any'],
              bannedExternalImports: webImports,
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @fleet/server/config.' },
      ],
      // A library is used through its entry point (its index.ts), never by a path into its src/.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@fleet/**/src', '@fleet/**/src/**', '**/libs/**/src/**', '**/apps/**/src/**'],
              message:
                'Import the library by its name (@fleet/...): its index.ts is what it offers; its src/ is its own.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain runs anywhere (the console included): no Node built-ins either.
    files: ['libs/domain/**/*.ts', 'libs/shared/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'The domain is pure: no Node built-ins (it runs in the console too).',
            },
            { group: ['@fleet/**/src', '@fleet/**/src/**'], message: 'Import the library by its name.' },
          ],
          paths: [
            'fs',
            'path',
            'crypto',
            'os',
            'child_process',
            'stream',
            'http',
            'https',
            'net',
            'zlib',
          ].map((name) => ({
            name,
            message: 'The domain is pure: no Node built-ins (it runs in the console too).',
          })),
        },
      ],
    },
  },
  {
    // One owner per table (ADR 18): inside a feature only its stores, readers, writers and module
    // wiring touch TypeORM; services, use cases, runners and controllers call them. Type-only imports
    // (an EntityManager passed along a transaction) are fine anywhere.
    files: ['libs/server/feature-*/src/**/*.ts'],
    ignores: [
      '**/*.store.ts',
      '**/*.reader.ts',
      '**/*.writer.ts',
      '**/*.module.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['typeorm', '@nestjs/typeorm'].map((name) => ({
            name,
            allowTypeImports: true,
            message:
              "Only a feature's *.store.ts, *.reader.ts or *.writer.ts touches TypeORM: call the store (ADR 18).",
          })),
        },
      ],
    },
  },
  {
    // One clock (issue: tests that expire): the server asks the injected Clock for "now".
    files: ['libs/server/**/*.ts', 'apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/server/config/src/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Ask the injected Clock (@fleet/server/config) for now, so tests can set it.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Ask the injected Clock (@fleet/server/config) for now, so tests can set it.',
        },
      ],
    },
  },
  {
    // Configuration, start and test tooling are the places that read the environment.
    files: [
      'libs/server/config/**/*.ts',
      'tools/**/*.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'apps/console/vite.config.ts',
      'jest.config.ts',
      'jest.*.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'tools/test/**/*.ts',
      'apps/*/e2e/**/*.ts',
    ],
    rules: {
      // Tests and their harness start the real apps, so they reach across project lines on purpose.
      '@nx/enforce-module-boundaries': 'off',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
