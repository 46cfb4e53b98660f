import { Injectable } from '@nestjs/common';
import type { ParsedPlan } from '@app/importer';
import { AssignmentEntity, AssignmentRole, ImportEntity, OcrProgress, PlanEntity, PlanTargetEntity, StepEntity, TaskEntity } from '../entities';
import { RepositoryBase } from '../db/repository';

export type ImportStatus = 'previewed' | 'committed' | 'unchanged';

type PreviewFields = Pick<ImportEntity, 'parsed' | 'diff' | 'planId'>;

/** A task as an import writes it: the document's fields and its deadline in force. */
export type ImportedTask = Pick<
  TaskEntity,
  'code' | 'groupName' | 'section' | 'title' | 'content' | 'goal' | 'deadlineText' | 'originalDueAt' | 'dueAt' | 'recurrence' | 'indicators'
>;

export type ImportedStep = Pick<StepEntity, 'code' | 'text' | 'deadlineText' | 'dueAt'>;

/**
 * The rows a plan import reads and writes: the `imports` log, plans with their targets, and the
 * tasks, steps and assignments a document defines. What to write is decided by the use case
 * (libs/application PlanImportService); this class only knows how it is stored.
 */
@Injectable()
export class PlanImportRepository extends RepositoryBase {
  findImport(id: string): Promise<ImportEntity | null> {
    return this.m.findOne(ImportEntity, { where: { id } });
  }

  /** Locks the import row for the rest of the transaction (two commits of one preview serialize). */
  lockImport(id: string): Promise<ImportEntity | null> {
    return this.m.findOne(ImportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insertPreview(row: Pick<ImportEntity, 'fileName' | 'contentHash' | 'parsed' | 'diff' | 'planId' | 'createdBy'>): Promise<ImportEntity> {
    return this.m.save(this.m.create(ImportEntity, { ...row, status: 'previewed', committedAt: null }));
  }

  /** A scan waiting for OCR: the row exists (and is the job's source of truth) before any parsed plan. */
  insertOcrPending(row: Pick<ImportEntity, 'fileName' | 'contentHash' | 'createdBy'>, pagesTotal: number): Promise<ImportEntity> {
    const ocr: OcrProgress = { pagesDone: 0, pagesTotal, error: null };
    return this.m.save(this.m.create(ImportEntity, { ...row, parsed: null, diff: null, planId: null, status: 'ocr_pending', ocr, committedAt: null }));
  }

  /** Scans still waiting for OCR, oldest first (re-enqueued when a worker starts). */
  async ocrPendingIds(): Promise<string[]> {
    const rows = await this.m.find(ImportEntity, { select: { id: true }, where: { status: 'ocr_pending' }, order: { createdAt: 'ASC' } });
    return rows.map((r) => r.id);
  }

  async setOcrProgress(id: string, pagesDone: number, pagesTotal: number): Promise<void> {
    await this.m.update(ImportEntity, { id, status: 'ocr_pending' }, { ocr: { pagesDone, pagesTotal, error: null } });
  }

  /** OCR gave up: the row says why (the upload's GET shows it); nothing else was written. */
  async failOcr(id: string, error: string): Promise<void> {
    const row = await this.findImport(id);
    if (row?.status !== 'ocr_pending') return;
    await this.m.update(ImportEntity, { id }, { status: 'ocr_failed', ocr: { ...(row.ocr ?? { pagesDone: 0, pagesTotal: 0 }), error } });
  }

  /** The OCR'd plan of a scan becomes a preview like any other upload's; false if it no longer waits. */
  async fillOcrPreview(id: string, p: PreviewFields): Promise<boolean> {
    const row = await this.lockImport(id);
    if (row?.status !== 'ocr_pending') return false;
    const ocr = row.ocr ?? { pagesDone: 0, pagesTotal: 0, error: null };
    await this.m.update(ImportEntity, { id }, { parsed: p.parsed as never, diff: p.diff as never, planId: p.planId, status: 'previewed', ocr: { ...ocr, pagesDone: ocr.pagesTotal } });
    return true;
  }

  /**
   * Stores the corrected draft of a preview if nobody changed it since `version` (one statement:
   * two editors cannot both pass). Returns false when the version was stale or the import is no
   * longer a preview.
   */
  async saveDraft(
    id: string,
    version: number,
    d: Pick<ImportEntity, 'draft' | 'corrections' | 'unitMappings' | 'diff'>,
  ): Promise<boolean> {
    const r = await this.m
      .createQueryBuilder()
      .update(ImportEntity)
      .set({ draft: d.draft as never, corrections: d.corrections as never, unitMappings: d.unitMappings as never, diff: d.diff as never, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', { id, version, status: 'previewed' })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  async finishImport(id: string, status: ImportStatus, planId: string): Promise<void> {
    await this.m.update(ImportEntity, { id }, { status, planId, committedAt: new Date() });
  }

  /** The plan saved from exactly this document, if any. */
  planByContentHash(contentHash: string): Promise<PlanEntity | null> {
    return this.m.findOne(PlanEntity, { where: { contentHash } });
  }

  /** The most recent plan with this title and year (an earlier version of the same plan). */
  latestPlanNamed(title: string, year: number): Promise<PlanEntity | null> {
    return this.m.findOne(PlanEntity, { where: { title, year }, order: { createdAt: 'DESC' } });
  }

  /** The document of the plan's last committed import. */
  async lastCommitted(planId: string): Promise<ParsedPlan | null> {
    const imp = await this.m.findOne(ImportEntity, { where: { planId, status: 'committed' }, order: { committedAt: 'DESC' } });
    // What was saved: the draft as corrected by hand, else the document as read.
    return ((imp?.draft ?? imp?.parsed) as ParsedPlan) ?? null;
  }

  async insertPlan(
    p: Pick<PlanEntity, 'title' | 'issuer' | 'year' | 'publishedAt' | 'docNumber' | 'periodStart' | 'periodEnd' | 'contentHash' | 'sourceFileName'>,
    targets: Pick<PlanTargetEntity, 'code' | 'text' | 'indicators'>[],
  ): Promise<PlanEntity> {
    const plan = await this.m.save(this.m.create(PlanEntity, { ...p, reminderPolicy: null, progressCycle: null }));
    // jsonb columns: TypeORM's insert typing cannot express unknown[].
    for (const t of targets) await this.m.insert(PlanTargetEntity, { planId: plan.id, code: t.code, text: t.text, indicators: t.indicators as never });
    return plan;
  }

  async revisePlan(planId: string, patch: Pick<PlanEntity, 'title' | 'periodStart' | 'periodEnd' | 'contentHash'>): Promise<void> {
    await this.m.update(PlanEntity, { id: planId }, patch);
    await this.m.increment(PlanEntity, { id: planId }, 'version', 1);
  }

  async insertTask(planId: string, t: ImportedTask, steps: ImportedStep[]): Promise<TaskEntity> {
    const task = await this.m.save(this.m.create(TaskEntity, { ...t, planId, status: 'assigned', progress: 0 }));
    await this.insertSteps(task.id, steps);
    return task;
  }

  taskByCode(planId: string, code: string): Promise<TaskEntity | null> {
    return this.m.findOne(TaskEntity, { where: { planId, code } });
  }

  async cancelTask(task: TaskEntity, reason: string): Promise<void> {
    await this.m.update(TaskEntity, { id: task.id }, { status: 'cancelled', statusReason: reason, version: task.version + 1 });
  }

  /** New document fields for a task; its steps are replaced by the document's. */
  async reviseTask(task: TaskEntity, patch: ImportedTask, steps: ImportedStep[]): Promise<void> {
    await this.m.update(TaskEntity, { id: task.id }, { ...patch, indicators: patch.indicators as never, version: task.version + 1 });
    await this.m.delete(StepEntity, { taskId: task.id });
    await this.insertSteps(task.id, steps);
  }

  private async insertSteps(taskId: string, steps: ImportedStep[]): Promise<void> {
    let position = 0;
    for (const s of steps) await this.m.insert(StepEntity, { ...s, taskId, position: position++, status: 'open' });
  }

  assignments(taskId: string): Promise<AssignmentEntity[]> {
    return this.m.find(AssignmentEntity, { where: { taskId } });
  }

  /** Makes the task's assignments exactly `wanted` (unit id → role); new ones start as assigned. */
  async syncAssignments(taskId: string, existing: AssignmentEntity[], wanted: Map<string, AssignmentRole>): Promise<void> {
    for (const a of existing) {
      const role = wanted.get(a.unitId);
      if (!role) await this.m.delete(AssignmentEntity, { id: a.id });
      else if (role !== a.role) await this.m.update(AssignmentEntity, { id: a.id }, { role, version: a.version + 1 });
    }
    for (const [unitId, role] of wanted) {
      if (!existing.some((a) => a.unitId === unitId)) {
        await this.m.insert(AssignmentEntity, { taskId, unitId, role, status: 'assigned', progress: 0 });
      }
    }
  }
}
