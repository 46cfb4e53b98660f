import { createTransport, Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. X-Duban-Reminder: the reminder a mail was sent for (tracing, tests). */
  headers?: Record<string, string>;
}

/** The mail port: SMTP in production, the log when no SMTP_URL is set (demo, development). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    options: { pool?: boolean; maxConnections?: number; timeoutMs?: number } = {},
  ) {
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = createTransport({
      url: smtpUrl,
      pool: options.pool ?? true,
      maxConnections: options.maxConnections ?? 5,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as Parameters<typeof createTransport>[0]);
  }

  async send(m: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

export class LogMailer implements Mailer {
  constructor(private readonly log: (line: string) => void) {}

  async send(m: MailMessage): Promise<void> {
    this.log(`mail to ${m.to}: ${m.subject}`);
  }

  async close(): Promise<void> {}
}

/**
 * Tells a failure that retrying cannot fix (the server refused the address: 5xx for a recipient)
 * from one that may pass (connection refused, timeout, 4xx).
 */
export function isPermanentMailError(e: unknown): boolean {
  const err = e as { responseCode?: number; code?: string };
  return typeof err?.responseCode === 'number' && err.responseCode >= 500 && err.code === 'EENVELOPE';
}
