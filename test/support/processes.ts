import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
export const ENTRY = {
  api: join(root, 'dist/apps/api/apps/api/src/main.js'),
  worker: join(root, 'dist/apps/worker/apps/worker/src/main.js'),
  cli: join(root, 'dist/apps/cli/apps/cli/src/main.js'),
};

export interface Running {
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/**
 * Kills whatever a suite left running (a failed assertion skips its cleanup), so no child process
 * outlives its suite and keeps Jest from exiting. Registered for every integration suite.
 */
export async function killLeftoverProcesses(): Promise<void> {
  const left = [...running];
  await Promise.all(
    left.map((p) => new Promise<void>((resolve) => {
      if (p.exitCode !== null || p.signalCode !== null) return resolve();
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    })),
  );
}

/** Runs a compiled app with only the environment given (plus PATH), capturing its output. */
export function runApp(entry: string, env: Record<string, string>, args: string[] = []): Running {
  const proc = spawn(process.execPath, [entry, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (err += d));
  running.add(proc);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      running.delete(proc);
      resolve({ code, signal });
    }),
  );
  return { proc, stdout: () => out, stderr: () => err, exited };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Polls until the URL answers 200, or the process dies, or the time is up. The time is a guard against a
 * hang, not a speed check: an app starts in seconds alone and can take minutes on a loaded two-core machine.
 */
export async function waitFor200(url: string, app: Running, timeoutMs = 180_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void app.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return r;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 (exited=${exited}); stderr: ${app.stderr()} stdout: ${app.stdout().slice(-2000)}`);
}
