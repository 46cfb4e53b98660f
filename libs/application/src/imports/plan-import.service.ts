import { Injectable } from '@nestjs/common';
import { Env } from '@app/config';
import { dueAtFor } from '@app/domain';
import { diffPlans, ParsedPlan, UnitMapping } from '@app/importer';
import {
  Actor,
  AssignmentRole,
  ImportedStep,
  ImportedTask,
  ImportEntity,
  Journal,
  PlanImportRepository,
  PlanRepository,
  UnitAliasRepository,
  UnitOfWork,
  UnitRepository,
} from '@app/persistence';
import { ImportUnits, UnitProposal } from './import-units';

type ParsedTask = ParsedPlan['tasks'][number];

export interface ImportPreview {
  importId: string;
  /** new: a plan never seen; unchanged: this exact document is already saved; revision: a changed version of a saved plan. */
  kind: 'new' | 'unchanged' | 'revision';
  planId: string | null;
  plan: ParsedPlan['plan'];
  counts: { targets: number; tasks: number; steps: number };
  unknownUnits: string[];
  /** Each unknown name with the proposed new unit and the closest directory units. */
  proposals: UnitProposal[];
  warnings: ParsedPlan['warnings'];
  /** Items whose 责任领导/责任人 columns or labels name persons: people, never units, so they are listed apart. */
  people: ImportItemPeople[];
  diff: { added: string[]; removed: string[]; changed: { code: string; fields: string[] }[] } | null;
}

/** The persons one item names: its leaders (责任领导/分管领导) and contacts (责任人/联系人). */
export interface ImportItemPeople {
  code: string;
  title: string;
  leaders: string[];
  contacts: string[];
}

/** The items that name persons, in document order; items naming nobody are left out. */
export function peopleOf(parsed: ParsedPlan): ImportItemPeople[] {
  return parsed.tasks
    .filter((t) => (t.leaders?.length ?? 0) + (t.contacts?.length ?? 0) > 0)
    .map((t) => ({ code: t.code, title: t.title, leaders: t.leaders ?? [], contacts: t.contacts ?? [] }));
}

export interface ImportCommitResult {
  importId: string;
  planId: string;
  kind: ImportPreview['kind'];
  tasksCreated: number;
  tasksUpdated: number;
  tasksRemoved: number;
  pendingUnits: string[];
  /** Units created because the supervisor asked for them while correcting the preview. */
  createdUnits: string[];
  /** Names mapped by hand, remembered for the next import. */
  learnedAliases: string[];
}

export class ImportNotFoundError extends Error {}
export class ImportAlreadyCommittedError extends Error {}
/** The caller may not commit this import (not its uploader, or not a supervisor of the plan it revises). */
export class ImportForbiddenError extends Error {}

/**
 * Who commits through the API. An import belongs to its uploader, and a revision changes a plan,
 * so only that plan's supervisors (or an admin) may apply one. The CLI, run by the operator, passes none.
 */
export interface ImportCommitter {
  userId: string;
  admin: boolean;
}

type Applied = Omit<ImportCommitResult, 'importId' | 'pendingUnits' | 'createdUnits' | 'learnedAliases'>;

const ROLE_RANK: Record<AssignmentRole, number> = { lead: 3, responsible: 2, assisting: 1 };

/**
 * Saving a parsed plan (the API's uploads, the CLI's import and demo): preview first (nothing but
 * an imports row), then commit in one unit of work: a new plan, nothing for the same document
 * again, or the diff of a revised one applied to the saved plan.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly imports: PlanImportRepository,
    private readonly units: UnitRepository,
    private readonly aliases: UnitAliasRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
    private readonly env: Env,
    private readonly plans: PlanRepository,
  ) {}

  async preview(parsed: ParsedPlan, meta: { contentHash: string; fileName: string; actor: Actor }): Promise<ImportPreview> {
    const seen = await this.compare(parsed, meta.contentHash);
    const row = await this.imports.insertPreview({
      fileName: meta.fileName,
      contentHash: meta.contentHash,
      parsed,
      diff: seen.diff,
      planId: seen.planId,
      createdBy: meta.actor.id,
    });
    return this.previewOf(row.id, parsed, seen);
  }

  /**
   * A scan's OCR is done: its waiting import row becomes a preview, compared with saved plans like an
   * upload. Null when the row no longer waits (a second delivery of the same job).
   */
  completeOcr(importId: string, parsed: ParsedPlan): Promise<ImportPreview | null> {
    return this.uow.run(async () => {
      const row = await this.imports.findImport(importId);
      if (!row) return null;
      const seen = await this.compare(parsed, row.contentHash);
      if (!(await this.imports.fillOcrPreview(importId, { parsed, diff: seen.diff, planId: seen.planId }))) return null;
      return this.previewOf(importId, parsed, seen);
    });
  }

  /** The same document saved before, or an earlier version of the plan and what changed since. */
  private async compare(parsed: ParsedPlan, contentHash: string) {
    const same = await this.imports.planByContentHash(contentHash);
    const previous = same ? null : await this.earlierVersion(parsed);
    let diff: ImportPreview['diff'] = null;
    if (previous) {
      const d = diffPlans(previous.parsed, parsed);
      diff = {
        added: d.added.map((t) => t.code),
        removed: d.removed.map((t) => t.code),
        changed: d.changed.map((c) => ({ code: c.code, fields: c.fields })),
      };
    }
    const kind: ImportPreview['kind'] = same ? 'unchanged' : previous ? 'revision' : 'new';
    return { kind, diff, planId: same?.id ?? previous?.planId ?? null };
  }

  private async previewOf(importId: string, parsed: ParsedPlan, seen: { kind: ImportPreview['kind']; diff: ImportPreview['diff']; planId: string | null }): Promise<ImportPreview> {
    return {
      importId,
      kind: seen.kind,
      planId: seen.planId,
      plan: parsed.plan,
      counts: {
        targets: parsed.targets.length,
        tasks: parsed.tasks.length,
        steps: parsed.tasks.reduce((n, t) => n + t.steps.length, 0),
      },
      ...(await this.unitStatus(parsed, {})),
      warnings: parsed.warnings,
      people: peopleOf(parsed),
      diff: seen.diff,
    };
  }

  commit(importId: string, actor: Actor, committer?: ImportCommitter): Promise<ImportCommitResult> {
    return this.uow.run(async () => {
      const imp = await this.imports.lockImport(importId);
      if (!imp) throw new ImportNotFoundError(`import ${importId} not found`);
      if (committer && imp.createdBy !== committer.userId) throw new ImportForbiddenError('only the supervisor who uploaded the document commits it');
      if (imp.status !== 'previewed') throw new ImportAlreadyCommittedError(`import ${importId} is already ${imp.status}`);
      // The supervisor's corrected draft when there is one, else the document as read.
      const parsed = (imp.draft ?? imp.parsed) as ParsedPlan;
      const units = this.importUnits(parsed, imp.unitMappings as Record<string, UnitMapping>);
      const same = await this.imports.planByContentHash(imp.contentHash);
      let result: Applied;
      if (same) {
        result = { planId: same.id, kind: 'unchanged', tasksCreated: 0, tasksUpdated: 0, tasksRemoved: 0 };
      } else {
        const previous = imp.planId ? await this.imports.lastCommitted(imp.planId) : null;
        if (previous && committer && !committer.admin && !(await this.plans.isSupervisor(imp.planId!, committer.userId))) {
          throw new ImportForbiddenError('only a supervisor of the plan (or an admin) applies a revised document to it');
        }
        result = previous
          ? await this.applyRevision(units, imp.planId!, previous, parsed, imp.contentHash, actor)
          : await this.createPlan(units, parsed, imp, actor);
      }
      const learned = result.kind === 'unchanged' ? [] : await units.learn(parsed, actor.id);
      if (imp.corrections.length > 0 && result.kind !== 'unchanged') {
        await this.journal.audit(actor, 'import.corrections_applied', { type: 'plan', id: result.planId }, { importId: imp.id }, {
          corrections: imp.corrections,
          learnedAliases: learned,
        });
      }
      await this.imports.finishImport(imp.id, result.kind === 'unchanged' ? 'unchanged' : 'committed', result.planId);
      return {
        importId: imp.id,
        ...result,
        pendingUnits: units.pendingNames(),
        createdUnits: units.createdUnitNames(),
        learnedAliases: learned.map((l) => l.name),
      };
    });
  }

  private async createPlan(units: ImportUnits, parsed: ParsedPlan, imp: ImportEntity, actor: Actor): Promise<Applied> {
    const p = parsed.plan;
    const plan = await this.imports.insertPlan(
      {
        title: p.title,
        issuer: p.issuer,
        year: p.year,
        publishedAt: p.publishedAt,
        docNumber: p.docNumber,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        contentHash: imp.contentHash,
        sourceFileName: imp.fileName,
      },
      parsed.targets.map((t) => ({ code: t.code, text: t.text, indicators: t.indicators })),
    );
    for (const t of parsed.tasks) await this.insertTask(units, plan.id, t, actor);
    await this.journal.audit(actor, 'plan.imported', { type: 'plan', id: plan.id }, null, {
      title: p.title,
      tasks: parsed.tasks.length,
      fileName: imp.fileName,
    });
    return { planId: plan.id, kind: 'new', tasksCreated: parsed.tasks.length, tasksUpdated: 0, tasksRemoved: 0 };
  }

  private async applyRevision(
    units: ImportUnits,
    planId: string,
    previous: ParsedPlan,
    next: ParsedPlan,
    contentHash: string,
    actor: Actor,
  ): Promise<Applied> {
    const d = diffPlans(previous, next);
    for (const t of d.added) await this.insertTask(units, planId, t, actor);
    let removed = 0;
    for (const t of d.removed) {
      const row = await this.imports.taskByCode(planId, t.code);
      if (!row || row.status === 'cancelled') continue;
      // Removed items are cancelled, not deleted: their history and reports stay.
      await this.imports.cancelTask(row, 'removed in a revised document');
      await this.journal.audit(actor, 'task.removed_by_revision', { type: 'task', id: row.id, taskId: row.id }, { status: row.status }, { status: 'cancelled' });
      await this.journal.event('task.removed', row.id, {});
      removed++;
    }
    for (const c of d.changed) {
      const row = await this.imports.taskByCode(planId, c.code);
      if (!row) continue;
      const after = c.after as ParsedTask;
      const fields = this.taskFields(after);
      const deadlineMoved = fields.originalDueAt.getTime() !== row.originalDueAt.getTime();
      // An approved extension keeps its later deadline; otherwise the document's deadline rules.
      fields.dueAt = row.extensionApprovedAt && row.dueAt > fields.originalDueAt ? row.dueAt : fields.originalDueAt;
      await this.imports.reviseTask(row, fields, this.steps(after));
      await this.assignUnits(units, row.id, after, actor);
      await this.journal.audit(actor, 'task.revised', { type: 'task', id: row.id, taskId: row.id }, c.before, c.after);
      if (deadlineMoved) await this.journal.event('task.deadline_changed', row.id, { dueAt: fields.dueAt });
    }
    await this.imports.revisePlan(planId, { title: next.plan.title, periodStart: next.plan.periodStart, periodEnd: next.plan.periodEnd, contentHash });
    await this.journal.audit(actor, 'plan.revised', { type: 'plan', id: planId }, null, {
      added: d.added.length,
      removed,
      changed: d.changed.length,
    });
    return { planId, kind: 'revision', tasksCreated: d.added.length, tasksUpdated: d.changed.length, tasksRemoved: removed };
  }

  private taskFields(t: ParsedTask): ImportedTask {
    const dueAt = dueAtFor(t.deadline, this.env.DUE_TIME);
    return {
      code: t.code,
      groupName: t.group,
      section: t.section,
      title: t.title,
      content: t.content,
      goal: t.goal,
      deadlineText: t.deadlineText,
      originalDueAt: dueAt,
      dueAt,
      recurrence: t.recurrence,
      indicators: t.indicators,
    };
  }

  private steps(t: ParsedTask): ImportedStep[] {
    return t.steps.map((s) => ({ code: s.code, text: s.text, deadlineText: s.deadlineText, dueAt: dueAtFor(s.deadline, this.env.DUE_TIME) }));
  }

  private async insertTask(units: ImportUnits, planId: string, t: ParsedTask, actor: Actor): Promise<void> {
    const task = await this.imports.insertTask(planId, this.taskFields(t), this.steps(t));
    await this.assignUnits(units, task.id, t, actor);
    await this.journal.event('task.created', task.id, { planId, dueAt: task.dueAt.toISOString() });
  }

  /** One assignment per unit; a unit named in two roles keeps the stronger one. */
  private async assignUnits(units: ImportUnits, taskId: string, t: ParsedTask, actor: Actor): Promise<void> {
    const wanted = new Map<string, AssignmentRole>();
    const add = async (names: string[], role: AssignmentRole) => {
      for (const name of names) {
        for (const unit of await units.resolve(name)) {
          const have = wanted.get(unit.id);
          if (!have || ROLE_RANK[role] > ROLE_RANK[have]) wanted.set(unit.id, role);
        }
      }
    };
    await add(t.leadUnits, 'lead');
    await add(t.responsibleUnits, 'responsible');
    await add(t.assistingUnits, 'assisting');
    const existing = await this.imports.assignments(taskId);
    const before = existing.map((a) => ({ unitId: a.unitId, role: a.role }));
    await this.imports.syncAssignments(taskId, existing, wanted);
    const after = [...wanted].map(([unitId, role]) => ({ unitId, role }));
    if (existing.length > 0 && JSON.stringify(before) !== JSON.stringify(after)) {
      await this.journal.audit(actor, 'task.assignments_changed', { type: 'task', id: taskId, taskId }, before, after);
      await this.journal.event('task.assignment_changed', taskId, {});
    }
  }

  /** The names of a plan (or corrected draft) the directory does not know, with proposals. */
  async unitStatus(plan: ParsedPlan, mappings: Record<string, UnitMapping>): Promise<Pick<ImportPreview, 'unknownUnits' | 'proposals'>> {
    const proposals = await this.importUnits(plan, mappings).proposals(plan, await this.units.all());
    return { unknownUnits: proposals.map((p) => p.name), proposals };
  }

  private importUnits(plan: ParsedPlan, mappings: Record<string, UnitMapping>): ImportUnits {
    return new ImportUnits(this.units, this.aliases, plan.plan.issuer, mappings);
  }

  /** The same plan in an earlier version: same title and year, most recent first. */
  private async earlierVersion(parsed: ParsedPlan): Promise<{ planId: string; parsed: ParsedPlan } | null> {
    const plan = await this.imports.latestPlanNamed(parsed.plan.title, parsed.plan.year);
    if (!plan) return null;
    const before = await this.imports.lastCommitted(plan.id);
    return before ? { planId: plan.id, parsed: before } : null;
  }
}
