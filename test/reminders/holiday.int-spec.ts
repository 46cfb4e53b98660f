import { PlanImportService } from '@app/application';
import type { ParsedPlan } from '@app/importer';
import { ReminderPlanner, UnitOfWork, UnitRepository } from '@app/persistence';
import { openTestContext } from '../support/database';

/** Working-day rules as stored: rows' due_at after an import and a recompute at a fixed `now`. */
describe('reminder rows around the 2025 National Day holiday', () => {
  let db: Awaited<ReturnType<typeof openTestContext>>;
  const now = new Date('2025-09-01T10:00:00+08:00');

  beforeAll(async () => {
    db = await openTestContext();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a reminder falling on a holiday moves to the working day before; overdue steps count working days', async () => {
    await db.get(UnitRepository).upsertDirectory({
      units: [{ code: 'kjj', name: '市科技局', aliases: [], parent: null, kind: 'department' }],
      groups: [],
    });
    const plan: ParsedPlan = {
      plan: { title: '国庆节前后测试方案', issuer: '市科技局', year: 2025, publishedAt: '2025-08-01', docNumber: null, periodStart: '2025-01-01', periodEnd: '2025-12-31' },
      targets: [],
      tasks: [
        {
          code: '1', group: null, section: null, title: '节前完成的事项', content: '内容', goal: null,
          deadline: '2025-10-08', deadlineText: '10月8日', leadUnits: ['市科技局'], responsibleUnits: [], assistingUnits: [],
          steps: [{ code: '(1)', text: '国庆当天到期的步骤', deadline: '2025-10-01', deadlineText: null }],
          indicators: [], recurrence: null,
        },
      ],
      warnings: [],
    };
    const actor = { id: null, name: 'test' };
    const imports = db.get(PlanImportService);
    const { planId } = await imports.commit((await imports.preview(plan, { contentHash: 'holiday', fileName: 'h.txt', actor })).importId, actor);
    const [{ id: taskId }] = await db.ds.query(`SELECT id FROM tasks WHERE plan_id = $1`, [planId]);
    const [{ id: stepId }] = await db.ds.query(`SELECT id FROM steps WHERE task_id = $1`, [taskId]);
    // Imported today, every 2025 reminder predates the item and is skipped; as of 1 September they are all ahead.
    await db.ds.query(`UPDATE tasks SET created_at = $2 WHERE id = $1`, [taskId, now]);
    await db.ds.query(`UPDATE assignments SET created_at = $2, status = 'acknowledged' WHERE task_id = $1`, [taskId, now]);
    const planner = db.get(ReminderPlanner);
    const uow = db.get(UnitOfWork);
    await uow.run(() => planner.recompute(taskId, now));

    const rows: { step_id: string | null; key: string; due_at: Date }[] = await db.ds.query(
      `SELECT step_id, key, due_at FROM reminders WHERE task_id = $1 AND state = 'pending' AND reason = 'deadline'`,
      [taskId],
    );
    const at = (step: string | null, source: string) =>
      rows.find((r) => r.step_id === step && r.key.split(':')[2] === source)?.due_at.toISOString();
    const shanghai = (s: string) => new Date(`${s}+08:00`).toISOString();

    // The step is due on 1 October (a holiday): its day-before reminder is on Tuesday 30 September.
    expect(at(stepId, '-P1D.remind')).toBe(shanghai('2025-09-30T09:00:00'));
    // -P7D of 1 October is 24 September, a working day.
    expect(at(stepId, '-P7D.remind')).toBe(shanghai('2025-09-24T09:00:00'));
    // The same day exactly, at the step's due time (18:00 on the holiday: short offsets are exact).
    expect(at(stepId, 'PT0S.remind')).toBe(shanghai('2025-10-01T18:00:00'));
    // Overdue days are working days: the first working day after 1 October is 9 October.
    expect(at(stepId, 'P1D.urge')).toBe(shanghai('2025-10-09T09:00:00'));
    // The item is due 8 October: -P1D (7 October) and -P7D (1 October) both fall in the holiday → 30 September.
    expect(at(null, '-P1D.remind')).toBe(shanghai('2025-09-30T09:00:00'));
    expect(at(null, '-P7D.remind')).toBe(shanghai('2025-09-30T09:00:00'));
    // -P30D: 8 September, a Monday.
    expect(at(null, '-P30D.remind')).toBe(shanghai('2025-09-08T09:00:00'));
    // P3D after 8 October: 9, 10, 11 (the Saturday 调休 workday) → 11 October.
    expect(at(null, 'P3D.escalate')).toBe(shanghai('2025-10-11T09:00:00'));

    // Recomputing is idempotent: the same rows, nothing new.
    const again = await uow.run(() => planner.recompute(taskId, now));
    expect(again).toEqual({ created: 0, cancelled: 0 });
  });
});
