/**
 * The columns every list of items selects — `t.id, t.plan_id, pl.title AS plan_title, t.code, t.title,
 * t.status, t.progress, t.due_at` — and the lead units, mapped once for the task list, the 工作台, the
 * overdue report and the calendar feed.
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

export function taskHead(r: Record<string, unknown>): TaskHead {
  return {
    id: r.id as string,
    planId: r.plan_id as string,
    planTitle: r.plan_title as string,
    code: r.code as string,
    title: r.title as string,
    status: r.status as string,
    // a report's count(*) or a column read through a CTE can arrive as a string
    progress: Number(r.progress),
    dueAt: r.due_at as Date,
    leadUnits: (r.lead_units as string[] | null) ?? [],
  };
}
