import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlanImportService } from '@app/application';
import type { ParsedPlan } from '@app/importer';
import { PLAN } from '../../support/workflow-app';

/**
 * A plan of its own for one test (the workflow test plan under a new title), so a test sets up
 * exactly the items it works on and passes alone and in any order. Returns task id by code.
 */
export async function importOwnPlan(
  app: INestApplication,
  label: string,
  opts: { supervisorIds?: string[]; tasks?: ParsedPlan['tasks'] } = {},
): Promise<{ planId: string; taskIds: Record<string, string> }> {
  const tasks = opts.tasks ?? PLAN.tasks;
  const tag = randomBytes(3).toString('hex');
  const parsed: ParsedPlan = { ...PLAN, plan: { ...PLAN.plan, title: `${label}（${tag}）` }, tasks };
  const actor = { id: null, name: 'test seed' };
  const imports = app.get(PlanImportService);
  const ds = app.get(DataSource);
  const preview = await imports.preview(parsed, { contentHash: `hash-${tag}`, fileName: `${tag}.txt`, actor });
  const { planId } = await imports.commit(preview.importId, actor);
  for (const userId of opts.supervisorIds ?? []) {
    await ds.query(`INSERT INTO plan_supervisors (plan_id, user_id) VALUES ($1, $2)`, [planId, userId]);
  }
  const rows: { id: string; code: string }[] = await ds.query(`SELECT id, code FROM tasks WHERE plan_id = $1`, [planId]);
  return { planId, taskIds: Object.fromEntries(rows.map((r) => [r.code, r.id])) };
}
