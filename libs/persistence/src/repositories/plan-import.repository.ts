import { DataSource, EntityManager } from 'typeorm';
import type { ParsedPlan } from '@app/importer';
import { diffPlans } from '@app/importer';
import { dueAtFor } from '@app/domain';
import {
  AssignmentEntity,
  AssignmentRole,
  ImportEntity,
  PlanEntity,
  PlanTargetEntity,
  StepEntity,
  TaskEntity,
  UnitEntity,
} from '../entities';
import { Actor, Journal } from './journal';
import { UnitRepository } from './unit.repository';

type ParsedTask = ParsedPlan['tasks'][number];

export interface ImportPreview {
  importId: string;
  /** new: a plan never seen; unchanged: this exact document is already saved; revision: a changed version of a saved plan. */
  kind: 'new' | 'unchanged' | 'revision';
  planId: string | null;
  plan: ParsedPlan['plan'];
  counts: { targets: number; tasks: number; steps: number };
  unknownUnits: string[];
  warnings: ParsedPlan['warnings'];
  diff: { added: string[]; removed: string[]; changed: { code: string; fields: string[] }[] } | null;
}

export interface ImportCommitResult {
  importId: string;
  planId: string;
  kind: ImportPreview['kind'];
  tasksCreated: number;
  tasksUpdated: number;
  tasksRemoved: number;
  pendingUnits: string[];
}

export class ImportNotFoundError extends Error {}
export class ImportAlreadyCommittedError extends Error {}

const ROLE_RANK: Record<AssignmentRole, number> = { lead: 3, responsible: 2, assisting: 1 };

export interface ImportOptions {
  /** Wall-clock time a deadline date falls due, Asia/Shanghai. */
  endOfDay: string;
}

/** Saves parsed plans: preview first (nothing but an imports row), then commit in one transaction. */
export class PlanImportRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly options: ImportOptions = { endOfDay: '18:00' },
  ) {}

  async preview(parsed: ParsedPlan, meta: { contentHash: string; fileName: string; actor: Actor }): Promise<ImportPreview> {
    const m = this.ds.manager;
    const same = await m.findOne(PlanEntity, { where: { contentHash: meta.contentHash } });
    const previous = same ? null : await this.findEarlierVersion(m, parsed);
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
    const row = await m.save(
      m.create(ImportEntity, {
        status: 'previewed',
        fileName: meta.fileName,
        contentHash: meta.contentHash,
        parsed,
        diff,
        planId: same?.id ?? previous?.planId ?? null,
        createdBy: meta.actor.id,
        committedAt: null,
      }),
    );
    return {
      importId: row.id,
      kind,
      planId: row.planId,
      plan: parsed.plan,
      counts: {
        targets: parsed.targets.length,
        tasks: parsed.tasks.length,
        steps: parsed.tasks.reduce((n, t) => n + t.steps.length, 0),
      },
      unknownUnits: await this.unknownUnits(m, parsed),
      warnings: parsed.warnings,
      diff,
    };
  }

  async commit(importId: string, actor: Actor): Promise<ImportCommitResult> {
    return this.ds.transaction(async (m) => {
      const imp = await m.findOne(ImportEntity, { where: { id: importId }, lock: { mode: 'pessimistic_write' } });
      if (!imp) throw new ImportNotFoundError(`import ${importId} not found`);
      if (imp.status !== 'previewed') throw new ImportAlreadyCommittedError(`import ${importId} is already ${imp.status}`);
      const parsed = imp.parsed as ParsedPlan;
      const journal = new Journal(m);
      const units = new UnitResolver(new UnitRepository(m));
      const same = await m.findOne(PlanEntity, { where: { contentHash: imp.contentHash } });
      let result: Omit<ImportCommitResult, 'importId' | 'pendingUnits'>;
      if (same) {
        result = { planId: same.id, kind: 'unchanged', tasksCreated: 0, tasksUpdated: 0, tasksRemoved: 0 };
      } else {
        const previous = imp.planId ? await this.lastCommitted(m, imp.planId) : null;
        result = previous
          ? await this.applyRevision(m, journal, units, imp.planId!, previous, parsed, imp.contentHash, actor)
          : await this.createPlan(m, journal, units, parsed, imp, actor);
      }
      await m.update(ImportEntity, { id: imp.id }, {
        status: result.kind === 'unchanged' ? 'unchanged' : 'committed',
        planId: result.planId,
        committedAt: new Date(),
      });
      return { importId: imp.id, ...result, pendingUnits: units.pendingNames() };
    });
  }

  private async createPlan(
    m: EntityManager,
    journal: Journal,
    units: UnitResolver,
    parsed: ParsedPlan,
    imp: ImportEntity,
    actor: Actor,
  ) {
    const p = parsed.plan;
    const plan = await m.save(
      m.create(PlanEntity, {
        title: p.title,
        issuer: p.issuer,
        year: p.year,
        publishedAt: p.publishedAt,
        docNumber: p.docNumber,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        contentHash: imp.contentHash,
        sourceFileName: imp.fileName,
        reminderPolicy: null,
        progressCycle: null,
      }),
    );
    for (const t of parsed.targets) {
      await m.insert(PlanTargetEntity, { planId: plan.id, code: t.code, text: t.text, indicators: t.indicators });
    }
    for (const t of parsed.tasks) await this.insertTask(m, journal, units, plan.id, t, actor);
    await journal.audit(actor, 'plan.imported', { type: 'plan', id: plan.id }, null, {
      title: p.title,
      tasks: parsed.tasks.length,
      fileName: imp.fileName,
    });
    return { planId: plan.id, kind: 'new' as const, tasksCreated: parsed.tasks.length, tasksUpdated: 0, tasksRemoved: 0 };
  }

  private async applyRevision(
    m: EntityManager,
    journal: Journal,
    units: UnitResolver,
    planId: string,
    previous: ParsedPlan,
    next: ParsedPlan,
    contentHash: string,
    actor: Actor,
  ) {
    const d = diffPlans(previous, next);
    for (const t of d.added) await this.insertTask(m, journal, units, planId, t, actor);
    let removed = 0;
    for (const t of d.removed) {
      const row = await m.findOne(TaskEntity, { where: { planId, code: t.code } });
      if (!row || row.status === 'cancelled') continue;
      // Removed items are cancelled, not deleted: their history and reports stay.
      await m.update(TaskEntity, { id: row.id }, {
        status: 'cancelled',
        statusReason: 'removed in a revised document',
        version: row.version + 1,
      });
      await journal.audit(actor, 'task.removed_by_revision', { type: 'task', id: row.id, taskId: row.id }, { status: row.status }, { status: 'cancelled' });
      await journal.event('task.removed', row.id, {});
      removed++;
    }
    for (const c of d.changed) {
      const row = await m.findOne(TaskEntity, { where: { planId, code: c.code } });
      if (!row) continue;
      const after = c.after as ParsedTask;
      const originalDueAt = dueAtFor(after.deadline, this.options.endOfDay);
      const deadlineMoved = originalDueAt.getTime() !== row.originalDueAt.getTime();
      const patch = {
        title: after.title,
        content: after.content,
        goal: after.goal,
        section: after.section,
        groupName: after.group,
        deadlineText: after.deadlineText,
        recurrence: after.recurrence,
        indicators: after.indicators,
        originalDueAt,
        // An approved extension keeps its later deadline; otherwise the document's deadline rules.
        dueAt: row.extensionApprovedAt && row.dueAt > originalDueAt ? row.dueAt : originalDueAt,
        version: row.version + 1,
      };
      await m.update(TaskEntity, { id: row.id }, patch);
      await m.delete(StepEntity, { taskId: row.id });
      await this.insertSteps(m, row.id, after);
      await this.assignUnits(m, units, row.id, after, journal, actor);
      await journal.audit(actor, 'task.revised', { type: 'task', id: row.id, taskId: row.id }, c.before, c.after);
      if (deadlineMoved) await journal.event('task.deadline_changed', row.id, { dueAt: patch.dueAt });
    }
    await m.update(PlanEntity, { id: planId }, {
      title: next.plan.title,
      periodStart: next.plan.periodStart,
      periodEnd: next.plan.periodEnd,
      contentHash,
    });
    await m.increment(PlanEntity, { id: planId }, 'version', 1);
    await journal.audit(actor, 'plan.revised', { type: 'plan', id: planId }, null, {
      added: d.added.length,
      removed,
      changed: d.changed.length,
    });
    return { planId, kind: 'revision' as const, tasksCreated: d.added.length, tasksUpdated: d.changed.length, tasksRemoved: removed };
  }

  private async insertTask(m: EntityManager, journal: Journal, units: UnitResolver, planId: string, t: ParsedTask, actor: Actor) {
    const dueAt = dueAtFor(t.deadline, this.options.endOfDay);
    const task = await m.save(
      m.create(TaskEntity, {
        planId,
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
        status: 'assigned',
        progress: 0,
      }),
    );
    await this.insertSteps(m, task.id, t);
    await this.assignUnits(m, units, task.id, t, journal, actor);
    await journal.event('task.created', task.id, { planId, dueAt: dueAt.toISOString() });
  }

  private async insertSteps(m: EntityManager, taskId: string, t: ParsedTask) {
    let position = 0;
    for (const s of t.steps) {
      await m.insert(StepEntity, {
        taskId,
        code: s.code,
        position: position++,
        text: s.text,
        deadlineText: s.deadlineText,
        dueAt: dueAtFor(s.deadline, this.options.endOfDay),
        status: 'open',
      });
    }
  }

  /** One assignment per unit; a unit named in two roles keeps the stronger one. */
  private async assignUnits(m: EntityManager, units: UnitResolver, taskId: string, t: ParsedTask, journal: Journal, actor: Actor) {
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
    const existing = await m.find(AssignmentEntity, { where: { taskId } });
    const before = existing.map((a) => ({ unitId: a.unitId, role: a.role }));
    for (const a of existing) {
      const role = wanted.get(a.unitId);
      if (!role) await m.delete(AssignmentEntity, { id: a.id });
      else if (role !== a.role) await m.update(AssignmentEntity, { id: a.id }, { role, version: a.version + 1 });
    }
    for (const [unitId, role] of wanted) {
      if (!existing.some((a) => a.unitId === unitId)) {
        await m.insert(AssignmentEntity, { taskId, unitId, role, status: 'assigned', progress: 0 });
      }
    }
    const after = [...wanted].map(([unitId, role]) => ({ unitId, role }));
    if (existing.length > 0 && JSON.stringify(before) !== JSON.stringify(after)) {
      await journal.audit(actor, 'task.assignments_changed', { type: 'task', id: taskId, taskId }, before, after);
      await journal.event('task.assignment_changed', taskId, {});
    }
  }

  private async unknownUnits(m: EntityManager, parsed: ParsedPlan): Promise<string[]> {
    const repo = new UnitRepository(m);
    const names = new Set(parsed.tasks.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits, ...t.assistingUnits]));
    const unknown: string[] = [];
    for (const n of names) {
      const r = await repo.resolve(n);
      if (r.kind === 'unknown' || (r.kind === 'unit' && r.unit.pending)) unknown.push(n);
    }
    return unknown;
  }

  /** The same plan in an earlier version: same title and year, most recent first. */
  private async findEarlierVersion(m: EntityManager, parsed: ParsedPlan) {
    const plan = await m.findOne(PlanEntity, {
      where: { title: parsed.plan.title, year: parsed.plan.year },
      order: { createdAt: 'DESC' },
    });
    if (!plan) return null;
    const parsedBefore = await this.lastCommitted(m, plan.id);
    return parsedBefore ? { planId: plan.id, parsed: parsedBefore } : null;
  }

  private async lastCommitted(m: EntityManager, planId: string): Promise<ParsedPlan | null> {
    const imp = await m.findOne(ImportEntity, {
      where: { planId, status: 'committed' },
      order: { committedAt: 'DESC' },
    });
    return (imp?.parsed as ParsedPlan) ?? null;
  }
}

/** Resolves names once per commit and remembers which ones had to become pending units. */
class UnitResolver {
  private readonly cache = new Map<string, UnitEntity[]>();
  private readonly pending = new Set<string>();

  constructor(private readonly repo: UnitRepository) {}

  async resolve(name: string): Promise<UnitEntity[]> {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const r = await this.repo.resolve(name);
    let units: UnitEntity[];
    if (r.kind === 'unit') units = [r.unit];
    else if (r.kind === 'group') units = r.units;
    else units = [await this.repo.createPending(name)];
    for (const u of units) if (u.pending) this.pending.add(u.name);
    this.cache.set(name, units);
    return units;
  }

  pendingNames(): string[] {
    return [...this.pending];
  }
}
