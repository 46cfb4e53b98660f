import { HttpException, Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { QUEUES } from '@app/queue';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { clientAddress } from '../auth/auth-rate-limit';
import { retryAfterOf } from '../common/too-many-requests';

export const DASHBOARD_PATH = '/queues';

/**
 * bull-board is plain Express: it sits behind HTTP Basic auth checked against admin accounts, through
 * the same password check as /auth/login (rate limit per address, lock-out, constant time).
 */
@Injectable()
export class AdminBasicAuth implements NestMiddleware {
  constructor(private readonly auth: AuthService) {}

  async use(req: Request, res: Response, next: NextFunction) {
    const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (m) {
      const [username, ...rest] = Buffer.from(m[1], 'base64').toString('utf8').split(':');
      try {
        const user = await this.auth.checkPassword(username, rest.join(':'), clientAddress(req));
        if (user.roles.includes('admin')) return next();
      } catch (e) {
        if (!(e instanceof HttpException)) throw e;
        if (e.getStatus() === 429) {
          const body = e.getResponse() as Record<string, unknown>;
          res.setHeader('Retry-After', String(retryAfterOf(429, body)));
          return res.status(429).json(body);
        }
        // A wrong username or password: asked again below, like a missing header.
      }
    }
    res.setHeader('WWW-Authenticate', 'Basic realm="Duban queues", charset="UTF-8"');
    res.status(401).json({ statusCode: 401, message: 'admin credentials required' });
  }
}

/** bull-board at /queues for operators (admin accounts), over the reminders queue. */
@Module({ imports: [AuthModule], providers: [AdminBasicAuth] })
export class QueueDashboardModule implements NestModule {
  constructor(@InjectQueue(QUEUES.reminders) private readonly queue: Queue) {}

  configure(consumer: MiddlewareConsumer) {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({ queues: [new BullMQAdapter(this.queue, { readOnlyMode: false })], serverAdapter: adapter });
    consumer.apply(AdminBasicAuth, adapter.getRouter()).forRoutes(DASHBOARD_PATH, `${DASHBOARD_PATH}/{*path}`);
  }
}
