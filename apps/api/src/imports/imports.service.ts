import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ImportAlreadyCommittedError, ImportForbiddenError, ImportNotFoundError, PlanImportService } from '@app/application';
import { Env, importLimits } from '@app/config';
import { contentHash, ImportError, importDocument, ParsedPlan, scanPageCount, sniffBinary } from '@app/importer';
import { enqueueOcr, QUEUES } from '@app/queue';
import { FileRepository, PlanImportRepository, PlanRepository, UnitOfWork } from '@app/persistence';
import { FilesService } from '../files/files.service';
import { AuthUser } from '../common/current-user';
import { refusal } from '../common/http-errors';

const unprocessable = (e: ImportError) => refusal(e.code, e.message, { line: e.line ?? null, cell: e.cell ?? null });

@Injectable()
export class ImportsService {
  private readonly log = new Logger(ImportsService.name);

  constructor(
    private readonly importer: PlanImportService,
    private readonly imports: PlanImportRepository,
    private readonly plans: PlanRepository,
    private readonly uow: UnitOfWork,
    private readonly files: FilesService,
    private readonly fileRows: FileRepository,
    private readonly env: Env,
    @InjectQueue(QUEUES.imports) private readonly queue: Queue,
  ) {}

  /**
   * Parses and stores a preview; nothing about plans or tasks changes until commit. A scan is not read
   * here: it is kept with an import row waiting for OCR, which the worker does (`ocr` in the answer).
   */
  async preview(file: { originalname: string; buffer: Buffer }, user: AuthUser) {
    let parsed: ParsedPlan;
    try {
      parsed = await importDocument({ fileName: file.originalname, content: file.buffer, limits: importLimits(this.env) });
    } catch (e) {
      if (e instanceof ImportError && e.code === 'needs_ocr') return this.queueScan(file, user);
      if (e instanceof ImportError) throw unprocessable(e);
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

  private async queueScan(file: { originalname: string; buffer: Buffer }, user: AuthUser) {
    const kind = sniffBinary(file.buffer) === 'pdf' ? 'pdf' : 'image';
    const pages = await scanPageCount(file.buffer, kind, importLimits(this.env)).catch((e: unknown) => {
      throw e instanceof ImportError ? unprocessable(e) : e;
    });
    if (pages > this.env.OCR_MAX_PAGES) {
      throw unprocessable(new ImportError('too_many_pages', `扫描件共 ${pages} 页需要文字识别，超过上限 ${this.env.OCR_MAX_PAGES} 页`));
    }
    const row = await this.uow.run(async () => {
      const r = await this.imports.insertOcrPending({ fileName: file.originalname, contentHash: contentHash(file.buffer), createdBy: user.id }, pages);
      await this.files.keepImportDocument(user, r.id, file);
      return r;
    });
    // The row is the job's source of truth: if Redis is down now, a worker re-enqueues it when it starts.
    await enqueueOcr(this.queue, row.id).catch((e: Error) => this.log.warn(`OCR of import ${row.id} not queued yet: ${e.message}`));
    return { importId: row.id, status: 'ocr_pending' as const, ocr: row.ocr! };
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
