import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DirectoryImportCommittedError, DirectoryImportNotFoundError, DirectoryImportService, DirectoryRowsError, DirectorySheet } from '@app/application';
import { AuthUser } from '../common/current-user';
import { actorOf } from '../tasks/task-gate';
import { refusal, translating } from '../common/http-errors';

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

const answer = <T>(run: () => Promise<T>): Promise<T> =>
  translating(run, (e) => {
    if (e instanceof DirectoryRowsError) return refusal('invalid_rows', e.message, { errors: e.errors });
    if (e instanceof DirectoryImportNotFoundError) return new NotFoundException(e.message);
    if (e instanceof DirectoryImportCommittedError) return new ConflictException(e.message);
    return undefined;
  });
