// One jest run, three projects: unit (pure, fast), integration (real PostgreSQL and Redis) and e2e
// (a real browser against the built console). Each run gets a fresh database: see tools/test/.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/\//g, '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const transform = {
  '^.+\\.[tj]sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2022',
        keepClassNames: true,
        // SWC rewrites the path aliases itself, so they resolve in global setup too, where jest's
        // moduleNameMapper does not apply.
        baseUrl: __dirname,
        paths: compilerOptions.paths,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // ESM-only dependencies (jest's module registry cannot require ESM on Node 20) are compiled too.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
};

module.exports = {
  testTimeout: 30_000,
  globalSetup: '<rootDir>/tools/test/global-setup.ts',
  globalTeardown: '<rootDir>/tools/test/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,docker}/**/*.spec.{ts,tsx}'] },
    {
      ...common,
      displayName: 'integration',
      // Starting and stopping real servers takes seconds when the two cores are busy.
      testTimeout: 30_000,
      testMatch: ['<rootDir>/{apps,libs,tools,docker}/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testTimeout: 60_000,
      testMatch: ['<rootDir>/apps/**/*.e2e-spec.ts'],
    },
  ],
};
