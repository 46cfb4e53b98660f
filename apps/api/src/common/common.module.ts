import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApiExceptionFilter } from './api-exception.filter';
import { TransactionRunner } from './transaction-runner';

/** Cross-cutting pieces of the API: the error shape and transactions with idempotency. */
@Global()
@Module({
  providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }, TransactionRunner],
  exports: [TransactionRunner],
})
export class CommonModule {}
