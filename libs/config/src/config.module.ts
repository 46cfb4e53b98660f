import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Env, validateEnv } from './env.schema';

/** Validated settings, injectable as `Env` everywhere. */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateEnv })],
  providers: [{ provide: Env, useFactory: () => validateEnv(process.env) }],
  exports: [Env],
})
export class AppConfigModule {}
