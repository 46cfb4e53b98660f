// Prints the API's OpenAPI document as JSON on stdout, built from the Nest app in preview mode:
// no provider is instantiated, so it needs no database, Redis or server.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../apps/api/src/app.module';
import { createOpenApiDocument } from '../apps/api/src/configure-app';

async function main() {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  process.stdout.write(JSON.stringify(createOpenApiDocument(app), null, 2) + '\n');
  await app.close();
}

main().catch((e) => {
  process.stderr.write(`openapi-document: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
