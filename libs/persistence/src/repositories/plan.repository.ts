import { DataSource, EntityManager } from 'typeorm';
import { PlanEntity, PlanSupervisorEntity, PlanTargetEntity } from '../entities';

export interface PlanCounts {
  total: number;
  byStatus: Record<string, number>;
  overdue: number;
}

/** Saved plans, their task counts and their supervisors (督办员). */
export class PlanRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get m(): EntityManager {
    return this.db instanceof DataSource ? this.db.manager : this.db;
  }

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

  async replaceSupervisors(planId: string, userIds: string[]): Promise<void> {
    await this.m.delete(PlanSupervisorEntity, { planId });
    for (const userId of userIds) await this.m.insert(PlanSupervisorEntity, { planId, userId });
  }
}
