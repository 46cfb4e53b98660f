import { MigrationInterface, QueryRunner } from 'typeorm';

const DAY = (col: string) => `((${col} AT TIME ZONE 'Asia/Shanghai')::date)`;

/**
 * The appraisal report (issue #18) without the cache:
 * - acknowledgements on their deadline's own date are compared with the deadline instant; with the
 *   instant as the index's last key column (it was only included) the comparison bounds the index
 *   range, so only the late ones are read instead of every acknowledgement of that date;
 * - the notices per unit (yellow, red, progress-cycle urges among the sent reminders) are counted
 *   from the index alone: the same keys, with the reason and kind included.
 */
export class AppraisalIndexes1736310000000 implements MigrationInterface {
  name = 'AppraisalIndexes1736310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS assignments_ack_days_idx`);
    await q.query(`CREATE INDEX assignments_ack_days_idx ON assignments (${DAY('created_at')}, ${DAY('acknowledged_at')}, acknowledged_at)
                   INCLUDE (unit_id, task_id) WHERE role IN ('lead', 'responsible') AND acknowledged_at IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS reminders_sent_unit_idx`);
    await q.query(`CREATE INDEX reminders_sent_unit_idx ON reminders (unit_id, notice_level) INCLUDE (reason, kind) WHERE state = 'sent'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS reminders_sent_unit_idx`);
    await q.query(`CREATE INDEX reminders_sent_unit_idx ON reminders (unit_id, notice_level) WHERE state = 'sent'`);
    await q.query(`DROP INDEX IF EXISTS assignments_ack_days_idx`);
    await q.query(`CREATE INDEX assignments_ack_days_idx ON assignments (${DAY('created_at')}, ${DAY('acknowledged_at')})
                   INCLUDE (unit_id, task_id, acknowledged_at) WHERE role IN ('lead', 'responsible') AND acknowledged_at IS NOT NULL`);
  }
}
