import { exitOnStartupError } from './fatal';

/**
 * SIGTERM/SIGINT handling for a Duban process, installed before the app starts so a signal during
 * start-up is handled too. Our own handler instead of Nest's enableShutdownHooks(): Nest re-raises
 * the signal after closing, which makes the exit code 143; an orderly stop exits 0.
 */
export function exitCleanlyOnSignals(name: string, close: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`duban ${name}: ${signal} received, finishing work in flight\n`);
    try {
      await close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * Runs a long-lived Duban process (the API, the worker): signals are handled from the first line;
 * `prepare` (configuration, Redis checks) runs first, and a signal then exits at once; a signal while
 * `start` runs waits for the start to finish and then closes it; `afterClose` runs once the app has
 * closed (the embedded database). A failed start exits with the start-up error.
 */
export function runProcess<P>(
  name: string,
  prepare: () => Promise<P>,
  start: (prepared: P) => Promise<{ close(): Promise<void> }>,
  afterClose: () => Promise<void>,
): void {
  let started: Promise<{ close(): Promise<void> }> | undefined;
  exitCleanlyOnSignals(name, async () => {
    const app = await started?.catch(() => undefined);
    await app?.close();
    await afterClose();
  });
  const main = async () => {
    const prepared = await prepare();
    started = start(prepared);
    await started;
  };
  main().catch((err) => exitOnStartupError(name, err));
}
