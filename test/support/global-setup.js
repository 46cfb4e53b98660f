// Integration tests run the real compiled apps as child processes: build them first if stale.
const { buildIfStale } = require('../../scripts/build-if-stale');

module.exports = async () => {
  buildIfStale();
};
