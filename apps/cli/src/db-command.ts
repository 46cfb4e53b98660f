import { readFile, stat } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { CommandRunner } from 'nest-commander';
import { CliDatabase } from './cli-database.service';
import { CliError } from './cli-error';

/** A command that works on the database: it gets the CliDatabase, which opens it on first use. */
@Injectable()
export abstract class DbCommand extends CommandRunner {
  constructor(protected readonly db: CliDatabase) {
    super();
  }
}

/** The bytes of a file named on the command line; an unreadable path is a CliError naming it. */
export async function readInputFile(file: string): Promise<Buffer> {
  const content = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(`${file}: cannot read the file (${e.code ?? e.message})`);
  });
  if ((await stat(file)).isDirectory()) throw new CliError(`${file}: is a directory`);
  return content;
}
