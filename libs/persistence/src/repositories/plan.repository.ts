import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { updateVersioned } from './versioned';
import { PlanEntity, PlanSupervisorEntity, PlanTargetEntity } from '../entities';

export interface PlanCounts {
  total: number;
  byStatus: Record<string, number>;
  overdue: number;
}

/** Saved plans, their task counts and their supervisors (督办员). */
@Injectable()
export class PlanRepository extends RepositoryBase {
  async list(f: { q?: string; year?: number; offset: number; limit: number }) {
    const qb = this.m.createQueryBuilder(PlanEntity, 'p');
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(p.title ILIKE :like OR p.issuer ILIKE :like OR p.doc_number ILIKE :like)', { like });
    }
    if (f.year) qb.andWhere('p.year = :year', { year: f.year });
    const [rows, total] = await qb.orderBy('p.year', 'DESC').addOrderBy('p.created_at', 'DESC').skip(f.offset).take(f.limit).getManyAndCount();
    return { rows, total };
  }

  findById(id: string) {
    return this.m.findOne(PlanEntity, { where: { id } });
  }

  targets(planId: string) {
    return this.m.find(PlanTargetEntity, { where: { planId }, order: { code: 'ASC' } });
  }

  /** Task counts per plan, by status, and how many are overdue at `now`. */
  async counts(planIds: string[], now: Date): Promise<Map<string, PlanCounts>> {
    const out = new Map<string, PlanCounts>(planIds.map((id) => [id, { total: 0, byStatus: {}, overdue: 0 }]));
    if (!planIds.length) return out;
    const rows: { plan_id: string; status: string; n: number; overdue: number }[] = await this.m.query(
      `SELECT plan_id, status, count(*)::int AS n,
              count(*) FILTER (WHERE status NOT IN ('completed', 'cancelled', 'suspended') AND $2::timestamptz > due_at
                AND NOT (status = 'submitted' AND submitted_at IS NOT NULL AND submitted_at <= due_at))::int AS overdue
         FROM tasks WHERE plan_id = ANY($1::uuid[]) GROUP BY plan_id, status`,
      [planIds, now],
    );
    for (const r of rows) {
      const c = out.get(r.plan_id)!;
      c.total += r.n;
      c.byStatus[r.status] = r.n;
      c.overdue += r.overdue;
    }
    return out;
  }

  async supervisorIds(planId: string): Promise<string[]> {
    const rows = await this.m.find(PlanSupervisorEntity, { where: { planId } });
    return rows.map((r) => r.userId);
  }

  /** Claims the plan at `version` (409 when stale) for a change of its own rows, e.g. its supervisors. */
  bumpVersion(id: string, version: number): Promise<PlanEntity> {
    return updateVersioned(this.m, PlanEntity, 'plan', id, version, { version: () => 'version + 1' });
  }

  /** Whoever imports a plan supervises it until an admin says otherwise. */
  async addSupervisor(planId: string, userId: string): Promise<void> {
    await this.m.upsert(PlanSupervisorEntity, { planId, userId }, ['planId', 'userId']);
  }

  async isSupervisor(planId: string, userId: string): Promise<boolean> {
    return (await this.m.count(PlanSupervisorEntity, { where: { planId, userId } })) > 0;
  }

  /**
   * Saves the plan's reminder policy or report cycle if the plan is still at `version`; returns
   * the current version when it is not (a stale write), null when saved.
   */
  async saveSetting(planId: string, field: 'reminderPolicy' | 'progressCycle', value: unknown, version: number): Promise<{ stale: number | undefined } | null> {
    const column = field === 'reminderPolicy' ? 'reminder_policy' : 'progress_cycle';
    const [, n] = (await this.m.query(
      `UPDATE plans SET ${column} = $1, version = version + 1, updated_at = now() WHERE id = $2 AND version = $3`,
      [value === null ? null : JSON.stringify(value), planId, version],
    )) as [unknown, number];
    if (n > 0) return null;
    const [cur] = (await this.m.query(`SELECT version FROM plans WHERE id = $1`, [planId])) as { version: number }[];
    return { stale: cur?.version };
  }

  async replaceSupervisors(planId: string, userIds: string[]): Promise<void> {
    await this.m.delete(PlanSupervisorEntity, { planId });
    for (const userId of userIds) await this.m.insert(PlanSupervisorEntity, { planId, userId });
  }
}
