import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { redirectBrowserNavigation } from './browser-redirects';
import { WebController } from './web.controller';

/** Serves the web app (apps/web/dist) under /app and sends old mail links to its pages. */
@Module({ controllers: [WebController] })
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(redirectBrowserNavigation).forRoutes({ path: 'tasks', method: RequestMethod.GET }, { path: 'tasks/*path', method: RequestMethod.GET });
  }
}
