import { spawn } from 'node:child_process';
import { ImportError } from '../errors';

export interface ChildResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
}

/**
 * Runs a helper program (node with pdf.js, tesseract, pdftoppm) on untrusted input with a hard time
 * limit: past it the process is killed and the import fails with a clear message instead of hanging.
 */
export function runChild(
  command: string,
  args: string[],
  opts: { input?: Buffer; timeoutMs: number; what: string; notFound?: string },
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // The environment is passed on purpose: the program is looked up on this process's PATH as the
    // caller sees it (a test hides tesseract by changing PATH; Jest's process.env is its own copy).
    // eslint-disable-next-line no-restricted-properties -- hands the environment on; reads no setting
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 4000) err += c.toString();
    });
    child.stdin.on('error', () => undefined);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        e.code === 'ENOENT' && opts.notFound
          ? new ImportError('ocr_unavailable', opts.notFound)
          : new ImportError('unreadable', `无法读取${opts.what}：${e.message}`),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new ImportError('timeout', `读取${opts.what}超过 ${Math.round(opts.timeoutMs / 1000)} 秒，已停止；请拆分文件后重试`));
        return;
      }
      resolve({ stdout: Buffer.concat(out), stderr: err, code });
    });
    child.stdin.end(opts.input ?? Buffer.alloc(0));
  });
}
