import { DataSource } from 'typeorm';

/** What the templates need about the item a reminder is for, read in one query. */
export interface DeliveryContext {
  planId: string;
  planTitle: string;
  taskCode: string;
  taskTitle: string;
  taskStatus: string;
  stepText: string | null;
  unitName: string | null;
  unitWebhook: { url: string; format: string } | null;
}

export async function loadDeliveryContext(
  ds: DataSource,
  r: { taskId: string; stepId: string | null; unitId: string | null },
): Promise<DeliveryContext | null> {
  const rows = await ds.query(
    `SELECT p.id AS "planId", p.title AS "planTitle", t.code AS "taskCode", t.title AS "taskTitle",
            t.status AS "taskStatus", s.text AS "stepText", u.name AS "unitName", u.webhook AS "unitWebhook"
       FROM tasks t
       JOIN plans p ON p.id = t.plan_id
       LEFT JOIN steps s ON s.id = $2
       LEFT JOIN units u ON u.id = $3
      WHERE t.id = $1`,
    [r.taskId, r.stepId, r.unitId],
  );
  return rows[0] ?? null;
}
