import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Env } from '@app/config';
import { contentHash, ImportError, importDocument } from '@app/importer';
import {
  ImportAlreadyCommittedError,
  ImportEntity,
  ImportNotFoundError,
  PlanImportRepository,
  PlanSupervisorEntity,
} from '@app/persistence';
import { AuthUser } from '../common/current-user';

@Injectable()
export class ImportsService {
  private readonly repo: PlanImportRepository;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    env: Env,
  ) {
    this.repo = new PlanImportRepository(ds, { endOfDay: env.DUE_TIME });
  }

  /** Parses and stores a preview; nothing about plans or tasks changes until commit. */
  async preview(file: { originalname: string; buffer: Buffer }, user: AuthUser) {
    let parsed;
    try {
      parsed = await importDocument({ fileName: file.originalname, content: file.buffer });
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
    return this.repo.preview(parsed, {
      contentHash: contentHash(file.buffer),
      fileName: file.originalname,
      actor: { id: user.id, name: user.username },
    });
  }

  async get(id: string) {
    const row = await this.ds.manager.findOne(ImportEntity, { where: { id } });
    if (!row) throw new NotFoundException(`import ${id} not found`);
    return {
      id: row.id,
      status: row.status,
      fileName: row.fileName,
      planId: row.planId,
      diff: row.diff,
      parsed: row.parsed,
      createdAt: row.createdAt,
      committedAt: row.committedAt,
    };
  }

  async commit(id: string, user: AuthUser) {
    try {
      const result = await this.repo.commit(id, { id: user.id, name: user.username });
      // Whoever imports a plan supervises it until an admin says otherwise.
      if (user.roles.includes('supervisor')) {
        await this.ds.manager.upsert(PlanSupervisorEntity, { planId: result.planId, userId: user.id }, ['planId', 'userId']);
      }
      return result;
    } catch (e) {
      if (e instanceof ImportNotFoundError) throw new NotFoundException(e.message);
      if (e instanceof ImportAlreadyCommittedError) throw new ConflictException(e.message);
      throw e;
    }
  }
}
