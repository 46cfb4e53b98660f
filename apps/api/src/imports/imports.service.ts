import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ImportAlreadyCommittedError, ImportForbiddenError, ImportNotFoundError, PlanImportService } from '@app/application';
import { Env, importLimits } from '@app/config';
import { contentHash, ImportError, importDocument } from '@app/importer';
import { FileRepository, PlanImportRepository, PlanRepository, UnitOfWork } from '@app/persistence';
import { FilesService } from '../files/files.service';
import { AuthUser } from '../common/current-user';

@Injectable()
export class ImportsService {
  constructor(
    private readonly importer: PlanImportService,
    private readonly imports: PlanImportRepository,
    private readonly plans: PlanRepository,
    private readonly uow: UnitOfWork,
    private readonly files: FilesService,
    private readonly fileRows: FileRepository,
    private readonly env: Env,
  ) {}

  /** Parses and stores a preview; nothing about plans or tasks changes until commit. */
  async preview(file: { originalname: string; buffer: Buffer }, user: AuthUser) {
    let parsed;
    try {
      parsed = await importDocument({ fileName: file.originalname, content: file.buffer, limits: importLimits(this.env) });
    } catch (e) {
      if (e instanceof ImportError) {
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'Unprocessable Entity',
          code: e.code,
          message: e.message,
          line: e.line ?? null,
          cell: e.cell ?? null,
        });
      }
      throw e;
    }
    return this.uow.run(async () => {
      const preview = await this.importer.preview(parsed, {
        contentHash: contentHash(file.buffer),
        fileName: file.originalname,
        actor: { id: user.id, name: user.username },
      });
      // The document itself is kept; the commit makes it the plan's source file.
      await this.files.keepImportDocument(user, preview.importId, file);
      return preview;
    });
  }

  async commit(id: string, user: AuthUser) {
    try {
      return await this.uow.run(async () => {
        const result = await this.importer.commit(id, { id: user.id, name: user.username }, { userId: user.id, admin: user.roles.includes('admin') });
        if (result.kind !== 'unchanged') await this.fileRows.attachImportSource(id, result.planId);
        // Whoever creates a plan supervises it until an admin says otherwise; a revision or the
        // same document again makes nobody a supervisor.
        if (result.kind === 'new' && user.roles.includes('supervisor')) await this.plans.addSupervisor(result.planId, user.id);
        return result;
      });
    } catch (e) {
      if (e instanceof ImportNotFoundError) throw new NotFoundException(e.message);
      if (e instanceof ImportAlreadyCommittedError) throw new ConflictException(e.message);
      if (e instanceof ImportForbiddenError) throw new ForbiddenException(e.message);
      throw e;
    }
  }
}
