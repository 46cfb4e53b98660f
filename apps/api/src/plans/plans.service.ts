import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Journal, PlanCounts, PlanEntity, PlanRepository, UnitOfWork, UserAdminRepository } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { page } from '../common/pagination';
import { actorOf } from '../tasks/task-gate';
import { PlanQuery, SupervisorsDto } from './plans.dto';

const summary = (p: PlanEntity, counts: PlanCounts | undefined) => ({
  id: p.id,
  title: p.title,
  issuer: p.issuer,
  year: p.year,
  publishedAt: p.publishedAt,
  docNumber: p.docNumber,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  sourceType: p.sourceType,
  taskCounts: counts ?? { total: 0, byStatus: {}, overdue: 0 },
  version: p.version,
  createdAt: p.createdAt.toISOString(),
});

@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly users: UserAdminRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  async list(q: PlanQuery, now = new Date()) {
    const { rows, total } = await this.plans.list({ q: q.q, year: q.year, offset: (q.page - 1) * q.limit, limit: q.limit });
    const counts = await this.plans.counts(rows.map((p) => p.id), now);
    return page(rows.map((p) => summary(p, counts.get(p.id))), total, q);
  }

  async get(id: string, now = new Date()) {
    const p = await this.plans.findById(id);
    if (!p) throw new NotFoundException(`plan ${id} not found`);
    const [counts, targets, supervisors] = await Promise.all([this.plans.counts([id], now), this.plans.targets(id), this.supervisors(id)]);
    return {
      ...summary(p, counts.get(id)),
      sourceFileName: p.sourceFileName,
      targets: targets.map((t) => ({ code: t.code, text: t.text, indicators: t.indicators })),
      supervisors,
    };
  }

  async supervisors(planId: string) {
    if (!(await this.plans.findById(planId))) throw new NotFoundException(`plan ${planId} not found`);
    const users = await this.users.findByIds(await this.plans.supervisorIds(planId));
    return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, email: u.email }));
  }

  setSupervisors(actor: AuthUser, planId: string, dto: SupervisorsDto) {
    return this.uow.run(async () => {
      const before = await this.plans.supervisorIds(planId);
      const users = await this.users.findByIds(dto.userIds);
      const bad = dto.userIds.filter((id) => {
        const u = users.find((x) => x.id === id);
        return !u || !u.active || !u.roles.some((r) => r === 'supervisor' || r === 'admin');
      });
      if (bad.length) throw new BadRequestException(bad.map((id) => `userIds: ${id} is not an active supervisor`));
      const after = await this.plans.bumpVersion(planId, dto.version);
      await this.plans.replaceSupervisors(planId, dto.userIds);
      await this.journal.audit(actorOf(actor), 'plan.supervisors_changed', { type: 'plan', id: planId }, { supervisorIds: before }, { supervisorIds: dto.userIds, version: after.version });
      return { planId, version: after.version, supervisors: await this.supervisors(planId) };
    });
  }
}
