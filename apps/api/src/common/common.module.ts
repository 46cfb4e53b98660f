import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApiExceptionFilter } from './api-exception.filter';
import { Idempotency } from './idempotency';

/** Cross-cutting pieces of the API: the error shape and retry-safe (idempotent) commands. */
@Global()
@Module({
  providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }, Idempotency],
  exports: [Idempotency],
})
export class CommonModule {}
