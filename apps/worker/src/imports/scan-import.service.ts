import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { PlanImportService } from '@app/application';
import { Env } from '@app/config';
import { importLimits } from '@app/config';
import { importScan, ImportError } from '@app/importer';
import { FileRepository, PlanImportRepository } from '@app/persistence';
import { enqueueOcr, QUEUES } from '@app/queue';
import { FileStore } from '@app/storage';

export type OcrOutcome = 'previewed' | 'skipped' | 'failed';

/**
 * OCR of a scanned plan, in the worker: reads the kept document, runs tesseract page by page (progress
 * on the import row after each page) and turns the row into a preview. A problem with the document or
 * a missing tesseract fails the import for good with the reason on the row; anything else (a crash,
 * a lost database connection) is thrown so BullMQ tries again.
 */
@Injectable()
export class ScanImportService {
  private readonly log = new Logger(ScanImportService.name);

  constructor(
    private readonly imports: PlanImportRepository,
    private readonly files: FileRepository,
    private readonly store: FileStore,
    private readonly importer: PlanImportService,
    private readonly env: Env,
    @InjectQueue(QUEUES.imports) private readonly queue: Queue,
  ) {}

  async run(importId: string): Promise<OcrOutcome> {
    const row = await this.imports.findImport(importId);
    // Done by an earlier delivery, or the upload is gone: nothing to do.
    if (row?.status !== 'ocr_pending') return 'skipped';
    const key = await this.files.importDocumentKey(importId);
    if (!key) {
      await this.imports.failOcr(importId, '上传的扫描件已不存在，请重新上传');
      return 'failed';
    }
    const content = await this.read(key);
    try {
      const parsed = await importScan(
        { fileName: row.fileName, content, limits: importLimits(this.env) },
        {
          maxPages: this.env.OCR_MAX_PAGES,
          pageTimeoutMs: this.env.OCR_PAGE_TIMEOUT_SECONDS * 1000,
          onPage: (done, total) => this.imports.setOcrProgress(importId, done, total),
        },
      );
      return (await this.importer.completeOcr(importId, parsed)) ? 'previewed' : 'skipped';
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      await this.imports.failOcr(importId, e.message);
      this.log.warn(`OCR of import ${importId} failed: ${e.code}`);
      return 'failed';
    }
  }

  /** The last attempt failed for a reason that was not the document's: the row says so. */
  async giveUp(importId: string, error: Error): Promise<void> {
    await this.imports.failOcr(importId, `文字识别失败：${error.message}`);
  }

  /** The import rows are the source of truth: whatever Redis lost, scans still waiting go back in. */
  async requeuePending(): Promise<number> {
    const ids = await this.imports.ocrPendingIds();
    for (const id of ids) await enqueueOcr(this.queue, id);
    return ids.length;
  }

  private async read(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of await this.store.get(key)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
}
