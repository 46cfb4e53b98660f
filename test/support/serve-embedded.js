// Serves the embedded database (the compiled startEmbeddedPostgres) from a data directory until SIGTERM;
// prints its URL as the first line. Tests connect to it as the apps would, across a process boundary.
const { join } = require('node:path');
const { startEmbeddedPostgres } = require(join(__dirname, '../../dist/apps/api/libs/persistence/src/embedded-postgres'));

startEmbeddedPostgres(process.argv[2]).then(
  (db) => {
    process.stdout.write(`${db.url}\n`);
    process.once('SIGTERM', () => db.stop().then(() => process.exit(0)));
  },
  (err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  },
);
