import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DirectoryImportCommittedError, DirectoryImportNotFoundError, DirectoryImportService, DirectoryRowsError, DirectorySheet } from '@app/application';
import { AuthUser } from '../common/current-user';
import { actorOf } from '../tasks/task-gate';

/** The HTTP side of the directory import: errors as the API answers them. */
@Injectable()
export class DirectoryService {
  constructor(private readonly directory: DirectoryImportService) {}

  preview(file: { originalname: string; buffer: Buffer }, user: AuthUser) {
    return answer(() => this.directory.preview(file.originalname, file.buffer, { ...actorOf(user), username: user.username }));
  }

  commit(id: string, user: AuthUser) {
    return answer(() => this.directory.commit(id, { ...actorOf(user), username: user.username }));
  }

  export(format: 'xlsx' | 'csv', sheet: DirectorySheet) {
    return this.directory.export(format, sheet);
  }
}

async function answer<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof DirectoryRowsError) {
      throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', code: 'invalid_rows', message: e.message, errors: e.errors });
    }
    if (e instanceof DirectoryImportNotFoundError) throw new NotFoundException(e.message);
    if (e instanceof DirectoryImportCommittedError) throw new ConflictException(e.message);
    throw e;
  }
}
