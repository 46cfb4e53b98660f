import { Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { UserRepository, verifyPassword } from '@app/persistence';
import { QUEUES } from '@app/queue';

export const DASHBOARD_PATH = '/queues';

/** bull-board is plain Express: it sits behind HTTP Basic auth checked against admin accounts. */
@Injectable()
export class AdminBasicAuth implements NestMiddleware {
  constructor(private readonly users: UserRepository) {}

  async use(req: Request, res: Response, next: NextFunction) {
    const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (m) {
      const [username, ...rest] = Buffer.from(m[1], 'base64').toString('utf8').split(':');
      const user = await this.users.findByUsername(username);
      if (user?.active && user.roles.includes('admin') && (await verifyPassword(user.passwordHash, rest.join(':')))) {
        return next();
      }
    }
    res.setHeader('WWW-Authenticate', 'Basic realm="Duban queues", charset="UTF-8"');
    res.status(401).json({ statusCode: 401, message: 'admin credentials required' });
  }
}

/** bull-board at /queues for operators (admin accounts), over the reminders queue. */
@Module({ providers: [AdminBasicAuth] })
export class QueueDashboardModule implements NestModule {
  constructor(@InjectQueue(QUEUES.reminders) private readonly queue: Queue) {}

  configure(consumer: MiddlewareConsumer) {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({ queues: [new BullMQAdapter(this.queue, { readOnlyMode: false })], serverAdapter: adapter });
    consumer.apply(AdminBasicAuth, adapter.getRouter()).forRoutes(DASHBOARD_PATH, `${DASHBOARD_PATH}/{*path}`);
  }
}
