import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, loadEnv } from '@app/config';
import { ImportError } from '@app/importer';
import { CliModule } from './cli.module';
import { CliError } from './cli-error';

/** Errors the user can act on get one line; anything else is a bug and keeps its stack. */
function report(err: unknown): never {
  if (err instanceof ImportError) {
    const where = err.line ? `line ${err.line}` : err.cell ? `cell ${err.cell}` : '';
    const message = where && !err.message.includes(where) ? `${err.message} (${where})` : err.message;
    process.stderr.write(`duban: import failed: ${message}\n`);
  } else if (err instanceof CliError || err instanceof ConfigError) {
    process.stderr.write(`duban: ${err.message}\n`);
  } else if (err instanceof Error && /ECONNREFUSED|cannot reach/.test(err.message)) {
    process.stderr.write(`duban: ${err.message.split('\n')[0]}\n`);
  } else {
    process.stderr.write(`duban: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
}

let failure: unknown;

async function main() {
  loadEnv();
  const app = await CommandFactory.createWithoutRunning(CliModule, {
    logger: false,
    cliName: 'npm run cli --',
    // Errors thrown by a command's run() arrive here; close the database before exiting.
    serviceErrorHandler: (err) => {
      failure = err;
    },
    errorHandler: (err) => {
      // commander's own exits (help, version, unknown option) carry an exit code
      const code = (err as { exitCode?: number }).exitCode;
      if (typeof code === 'number') process.exit(code);
      report(err);
    },
  });
  try {
    await CommandFactory.runApplication(app);
  } catch (err) {
    failure = err;
  }
  await app.close().catch(() => undefined);
  if (failure !== undefined) report(failure);
  process.exit(0);
}

main().catch(report);
