// The browser tests run the compiled apps and the built web app: build what is stale first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildIfStale } = require('../../../scripts/build-if-stale');

export default function globalSetup(): void {
  buildIfStale();
}
