import { Logger } from '@nestjs/common';
import { Env } from '@app/config';
import { LogMailer, Mailer, SmtpMailer } from '@app/notifications';

export const MAILER = Symbol('MAILER');

/** SMTP when SMTP_URL is set (pooled); otherwise mail is written to the log, so the demo needs no server. */
export const mailerProvider = {
  provide: MAILER,
  inject: [Env],
  useFactory: (env: Env): Mailer => {
    if (env.SMTP_URL) return new SmtpMailer(env.SMTP_URL, env.MAIL_FROM);
    const logger = new Logger('Mail');
    logger.warn('SMTP_URL is not set: e-mails are written to the log instead of sent');
    return new LogMailer((line) => logger.log(line));
  },
};
