// Integration and e2e tests: real PostgreSQL, Redis and SMTP. One worker, because the tests
// share one database and one Redis; each file creates its own schema/queue prefix.
module.exports = {
  ...require('./jest.base.config'),
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{int-spec,e2e-spec}.ts'],
  maxWorkers: 1,
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/after-each-suite.ts'],
  // A leaked handle must never hang CI; find one with: npx jest --config jest.int.config.js --detectOpenHandles
  forceExit: true,
};
