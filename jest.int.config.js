// Integration and e2e tests: real PostgreSQL, Redis and SMTP. Each file creates its own schema and queue
// prefix, so two files run side by side (one per core) without touching each other's data.
module.exports = {
  ...require('./jest.base.config'),
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{int-spec,e2e-spec}.ts'],
  maxWorkers: 2,
  // A guard against a hung test, not a speed check: two files at once on a shared two-core machine
  // can take minutes where they take seconds alone.
  testTimeout: 300000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/after-each-suite.ts'],
  // Node's environment; Jest's workers exit without tearing their heap down (see the file).
  testEnvironment: '<rootDir>/test/support/integration-environment.js',
};
