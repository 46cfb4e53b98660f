import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { Env } from '@app/config';
import { cleanFileName, declaredKind, evidenceMime, EvidenceKind, extensionOf, judgeContent, taskAccess } from '@app/domain';
import { FileRepository, FileView, Journal, PlanRepository, TaskRepository, UnitOfWork } from '@app/persistence';
import { FileStore, HEAD_BYTES, HeadSniff, inspectContainer, sniffHead, StoredObjectReader } from '@app/storage';
import { AuthUser } from '../common/current-user';
import { actorOf, TaskGate } from '../tasks/task-gate';
import { attachEvidence } from './attach-evidence';
import { toFileResponse } from './file-views';
import { FileResponse } from './files.response';
import { IncomingFile, receiveFile } from './multipart';
import { FileTooLargeError, UploadMeter } from './upload-meter';

/** Refused by type: answered 415 with the reason in Chinese. */
class RefusedType extends Error {}

const storageKey = (id: string) => `${id.slice(0, 2)}/${id}`;

const PLAN_DOCUMENT_MIME: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  docx: evidenceMime('docx'),
  xlsx: evidenceMime('xlsx'),
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

/** Evidence files: streamed uploads checked by content, and reads under the visibility of what they belong to. */
@Injectable()
export class FilesService {
  private readonly log = new Logger(FilesService.name);
  private readonly maxBytes: number;

  constructor(
    private readonly files: FileRepository,
    private readonly store: FileStore,
    private readonly gate: TaskGate,
    private readonly tasks: TaskRepository,
    private readonly plans: PlanRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
    env: Env,
  ) {
    this.maxBytes = env.UPLOAD_MAX_MB * 1024 * 1024;
  }

  /** POST /files: streams the request's file into the store; the new file is unattached. */
  async upload(user: AuthUser, req: Request): Promise<FileResponse> {
    return receiveFile(req, this.maxBytes, (file) => this.receive(user, file));
  }

  private async receive(user: AuthUser, incoming: IncomingFile): Promise<FileResponse> {
    const name = cleanFileName(incoming.fileName);
    const declared = declaredKind(name);
    if (!declared.ok) {
      incoming.stream.resume();
      throw unsupported(declared.message);
    }
    const ext = extensionOf(name);
    const id = randomUUID();
    const key = storageKey(id);
    let sniff: HeadSniff = { content: { kind: 'unknown' }, container: null };
    const meter = new UploadMeter({
      maxBytes: this.maxBytes,
      headBytes: HEAD_BYTES,
      onHead: async (head) => {
        if (!head.length) throw new BadRequestException([`文件“${name}”是空的`]);
        sniff = await sniffHead(head);
        // Containers (zip, OLE) are judged once stored, by the names inside them.
        if (sniff.container) return;
        const j = judgeContent(declared.kind, sniff.content, ext);
        if (!j.ok) throw new RefusedType(j.message);
      },
    });
    try {
      await this.store.put(key, pipeline(incoming.stream, meter, () => undefined));
      if (sniff.container) {
        const content = await inspectContainer(new StoredObjectReader(this.store, key, meter.bytes), sniff.container);
        const j = judgeContent(declared.kind, content, ext);
        if (!j.ok) throw new RefusedType(j.message);
      }
      const row = await this.files.insert({
        id,
        storageKey: key,
        name,
        kind: declared.kind,
        mime: evidenceMime(declared.kind as EvidenceKind),
        size: meter.bytes,
        sha256: meter.sha256,
        uploadedBy: user.id,
        uploadedAt: new Date(),
        importId: null,
      });
      return toFileResponse({ ...row, uploaderName: user.displayName || user.username });
    } catch (e) {
      await this.discard(key);
      if (e instanceof RefusedType) throw unsupported(e.message);
      if (e instanceof FileTooLargeError) {
        throw new PayloadTooLargeException({ statusCode: 413, error: 'Payload Too Large', message: `文件超过大小上限 ${this.maxBytes / 1024 / 1024} MB` });
      }
      throw e;
    }
  }

  private async discard(key: string): Promise<void> {
    await this.store.delete(key).catch((e) => this.log.error(`could not remove ${key} after a failed upload: ${(e as Error).message}`));
  }

  /**
   * Keeps a plan document given to POST /imports as a file (its format already proven by the
   * importer), linked to the import so that its commit makes it the plan's source file.
   */
  async keepImportDocument(user: AuthUser, importId: string, doc: { originalname: string; buffer: Buffer }): Promise<void> {
    const name = cleanFileName(doc.originalname);
    const kind = extensionOf(name) || 'txt';
    const id = randomUUID();
    const key = storageKey(id);
    await this.store.put(key, Readable.from([doc.buffer]));
    try {
      await this.files.insert({
        id,
        storageKey: key,
        name,
        kind,
        mime: PLAN_DOCUMENT_MIME[kind] ?? 'application/octet-stream',
        size: doc.buffer.length,
        sha256: createHash('sha256').update(doc.buffer).digest('hex'),
        uploadedBy: user.id,
        uploadedAt: new Date(),
        importId,
      });
    } catch (e) {
      await this.discard(key);
      throw e;
    }
  }

  /**
   * A file the caller may see: one of an item's through the item's rule (TaskGate, libs/domain
   * taskAccess), a plan's wherever the plan can be read (GET /plans/:id: every signed-in user), an
   * unattached one by its uploader only. Anything else is 404, like a missing file.
   */
  async visible(user: AuthUser, id: string): Promise<FileView> {
    const missing = () => new NotFoundException(`file ${id} not found`);
    const f = await this.files.findById(id);
    if (!f) throw missing();
    if (f.taskId) {
      await this.gate.load(user, f.taskId).catch((e) => {
        throw e instanceof NotFoundException ? missing() : e;
      });
      return f;
    }
    if (f.planId) {
      if (!(await this.plans.findById(f.planId))) throw missing();
      return f;
    }
    if (f.uploadedBy !== user.id) throw missing();
    return f;
  }

  async get(user: AuthUser, id: string): Promise<FileResponse> {
    return toFileResponse(await this.visible(user, id));
  }

  /** The file and a stream of its bytes. */
  async open(user: AuthUser, id: string): Promise<{ file: FileView; body: () => Promise<Readable> }> {
    const file = await this.visible(user, id);
    return { file, body: () => this.store.get(file.storageKey) };
  }

  async forTask(user: AuthUser, taskId: string): Promise<FileResponse[]> {
    await this.gate.load(user, taskId);
    return (await this.files.forTask(taskId)).map(toFileResponse);
  }

  async forPlan(planId: string): Promise<FileResponse[]> {
    if (!(await this.plans.findById(planId))) throw new NotFoundException(`plan ${planId} not found`);
    return (await this.files.forPlan(planId)).map(toFileResponse);
  }

  /** The plan's supervisors (and admins) attach their uploads to the plan. */
  attachToPlan(user: AuthUser, planId: string, fileIds: string[]) {
    return this.uow.run(async () => {
      if (!(await this.plans.findById(planId))) throw new NotFoundException(`plan ${planId} not found`);
      if (!taskAccess(user, [], await this.tasks.supervisorIds(planId)).canSupervise) {
        throw new ForbiddenException('只有该计划的督办员可以为计划添加文件');
      }
      const files = await attachEvidence(this.files, user.id, fileIds, { attachedTo: 'plan', planId });
      await this.journal.audit(actorOf(user), 'plan.files_attached', { type: 'plan', id: planId }, null, {
        files: files.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256 })),
      });
      return { planId, files: files.map(toFileResponse) };
    });
  }
}

function unsupported(message: string): UnsupportedMediaTypeException {
  return new UnsupportedMediaTypeException({ statusCode: 415, error: 'Unsupported Media Type', message });
}
