// Jest runs with --experimental-vm-modules so its CommonJS runtime can load Nest 12's ESM-only packages.
const moduleNameMapper = { '^@app/([a-z0-9-]+)$': '<rootDir>/libs/$1/src/index.ts' };
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] };
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
  cacheDirectory: '<rootDir>/.jest-cache',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,scripts}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
      // Hooks start several real processes (servers, the fake, an OAuth server); on a busy 2-core machine
      // that can pass Jest's 5 s default (a project's own testTimeout is ignored: only the setup file sets it).
      setupFilesAfterEnv: ['<rootDir>/test/e2e-timeout.setup.ts'],
      // One directory for the logs of every server the run spawns, scanned at the end for the secrets
      // the tests used (libs/testing/src/test-run.ts).
      globalSetup: '<rootDir>/libs/testing/src/e2e-run.global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/e2e-run.global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
};
