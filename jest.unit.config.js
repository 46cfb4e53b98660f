// Unit tests: pure libraries and small units, no services needed. Run in parallel.
module.exports = {
  ...require('./jest.base.config'),
  displayName: 'unit',
  // Jest's default is one worker fewer than the cores: one worker on CI's two cores, where two took 54 s instead of 92 s.
  maxWorkers: 2,
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
};
