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
