import { sql } from '../db/sql';
import { unitNames } from './task-scope';

/**
 * What every list of items shows of an item — the task list, the 工作台, the overdue report (the
 * calendar feed names its own) — selected once by TASK_HEAD over `tasks t JOIN plans pl`.
 */
export interface TaskHead {
  id: string;
  planId: string;
  planTitle: string;
  code: string;
  title: string;
  status: string;
  progress: number;
  dueAt: Date;
  leadUnits: string[];
}

/** The TaskHead columns, named as its fields so that the rows come back ready to use. */
export const TASK_HEAD = sql`t.id, t.plan_id AS "planId", pl.title AS "planTitle", t.code, t.title, t.status, t.progress,
       t.due_at AS "dueAt", ${unitNames('lead')} AS "leadUnits"`;
