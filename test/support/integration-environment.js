// The integration suites' test environment: Node's, plus a quick exit for Jest's worker processes.
//
// Jest gives a worker 500 ms to exit after its last suite, then kills it and prints "A worker process
// has failed to exit gracefully". No handle is left open (DUBAN_HANDLE_REPORT shows each suite back at
// Jest's own stdio pipes and hook timer), but a natural exit tears down the whole heap of a worker that
// ran a dozen NestJS apps: 1-3 s on a busy machine, measured. Exiting explicitly once the event loop is
// empty skips that teardown; the exit code is the one the worker would have had.
const { TestEnvironment } = require('jest-environment-node');

if (process.send && !process.listeners('beforeExit').some((l) => l.dubanQuickExit)) {
  const quickExit = (code) => process.exit(code);
  quickExit.dubanQuickExit = true;
  process.once('beforeExit', quickExit);
}

module.exports = TestEnvironment;
