import { ConfigError } from './env.schema';

/**
 * Ends a process whose start failed. A bad setting or a missing service is the operator's
 * to fix, so they get one line that names it, not a stack trace.
 */
export function exitOnStartupError(app: string, err: unknown): never {
  const message =
    err instanceof ConfigError
      ? err.message
      : err instanceof Error
        ? `${err.message}`
        : String(err);
  process.stderr.write(`duban ${app}: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
