import { SMTPServer } from 'smtp-server';
import { freePort } from './processes';

/** One message as the sink accepted it (recorded when it answered 250). */
export interface SunkMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  /** The text/plain part, decoded. */
  text: string;
  headers: Record<string, string>;
  raw: string;
  receivedAt: number;
}

export interface SmtpSinkOptions {
  /** Hold each message this long before answering 250 (a slow server; widens the crash window). */
  acceptDelayMs?: number;
}

/**
 * A real SMTP server on loopback that records what it accepts. It can refuse connections for a
 * while (stop/start on the same port) and reject chosen recipient addresses with 550.
 */
export class SmtpSink {
  readonly messages: SunkMail[] = [];
  private readonly rejected = new Set<string>();
  private server: SMTPServer | null = null;
  private listeners: (() => void)[] = [];

  /** Hold each message this long before answering 250; may be changed while running. */
  acceptDelayMs: number;

  private constructor(
    readonly port: number,
    options: SmtpSinkOptions,
  ) {
    this.acceptDelayMs = options.acceptDelayMs ?? 0;
  }

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(await freePort(), options);
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  /** Starts accepting connections again on the same port. */
  async listen(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, cb) => {
        if (this.rejected.has(address.address.toLowerCase())) {
          const err = new Error(`5.1.1 <${address.address}>: mailbox unavailable`) as Error & { responseCode: number };
          err.responseCode = 550;
          return cb(err);
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const accept = () => {
            this.record(Buffer.concat(chunks).toString('utf8'), session.envelope);
            cb();
          };
          if (this.acceptDelayMs) setTimeout(accept, this.acceptDelayMs);
          else accept();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Refuses connections from now on: closes the listener and drops the open (pooled) connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const c of server.connections) c.close();
    await closed;
  }

  /** Recipients the server answers 550 for (a permanently bad address). */
  reject(address: string): void {
    this.rejected.add(address.toLowerCase());
  }

  accept(address: string): void {
    this.rejected.delete(address.toLowerCase());
  }

  to(address: string): SunkMail[] {
    const a = address.toLowerCase();
    return this.messages.filter((m) => m.to.includes(a));
  }

  clear(): void {
    this.messages.length = 0;
  }

  /** Resolves when `count` messages satisfy `match`, or rejects after `timeoutMs`. */
  waitFor(match: (m: SunkMail) => boolean, count = 1, timeoutMs = 20_000): Promise<SunkMail[]> {
    const found = () => this.messages.filter(match);
    return new Promise((resolve, reject) => {
      if (found().length >= count) return resolve(found());
      const check = () => {
        if (found().length < count) return;
        this.off(check);
        clearTimeout(timer);
        resolve(found());
      };
      const timer = setTimeout(() => {
        this.off(check);
        reject(new Error(`smtp sink: ${found().length} of ${count} expected messages after ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.push(check);
    });
  }

  private off(l: () => void) {
    this.listeners = this.listeners.filter((x) => x !== l);
  }

  private record(raw: string, envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] }) {
    const { headers, body } = splitMessage(raw);
    this.messages.push({
      to: envelope.rcptTo.map((r) => r.address.toLowerCase()),
      from: envelope.mailFrom ? envelope.mailFrom.address : '',
      subject: decodeWords(headers['subject'] ?? ''),
      text: textPart(headers, body),
      headers,
      raw,
      receivedAt: Date.now(),
    });
    for (const l of [...this.listeners]) l();
  }
}

function splitMessage(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=), as nodemailer writes them. */
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQp(text.replace(/_/g, ' ')),
    );
}

function decodeQp(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQp(body);
    default:
      return body;
  }
}

/** The text/plain part of a single-part or multipart message. */
function textPart(headers: Record<string, string>, body: string): string {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return decodeBody(body, headers['content-transfer-encoding']);
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const p = splitMessage(part.replace(/^\r?\n/, ''));
    const text = textPart(p.headers, p.body.replace(/\r?\n$/, ''));
    if (/^text\/plain/i.test(p.headers['content-type'] ?? 'text/plain') || /^multipart\//i.test(p.headers['content-type'] ?? '')) {
      if (text) return text;
    }
  }
  return '';
}
