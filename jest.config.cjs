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
      // 20 s per test and hook (a `testTimeout` here would be ignored: see the setup file).
      setupFilesAfterEnv: ['<rootDir>/test/e2e-timeout.setup.ts'],
      slowTestThreshold: 30,
    },
  ],
};
