import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Journal, PlanCounts, PlanEntity, PlanRepository, updateVersioned, UserAdminRepository } from '@app/persistence';
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
  taskCounts: counts ?? { total: 0, byStatus: {}, overdue: 0 },
  version: p.version,
  createdAt: p.createdAt.toISOString(),
});

@Injectable()
export class PlansService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(q: PlanQuery, now = new Date()) {
    const plans = new PlanRepository(this.ds);
    const { rows, total } = await plans.list({ q: q.q, year: q.year, offset: (q.page - 1) * q.limit, limit: q.limit });
    const counts = await plans.counts(rows.map((p) => p.id), now);
    return page(rows.map((p) => summary(p, counts.get(p.id))), total, q);
  }

  async get(id: string, now = new Date()) {
    const plans = new PlanRepository(this.ds);
    const p = await plans.findById(id);
    if (!p) throw new NotFoundException(`plan ${id} not found`);
    const [counts, targets, supervisors] = await Promise.all([plans.counts([id], now), plans.targets(id), this.supervisors(id)]);
    return {
      ...summary(p, counts.get(id)),
      sourceFileName: p.sourceFileName,
      targets: targets.map((t) => ({ code: t.code, text: t.text, indicators: t.indicators })),
      supervisors,
    };
  }

  async supervisors(planId: string, m: EntityManager = this.ds.manager) {
    const plans = new PlanRepository(m);
    if (!(await plans.findById(planId))) throw new NotFoundException(`plan ${planId} not found`);
    const users = await new UserAdminRepository(m).findByIds(await plans.supervisorIds(planId));
    return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, email: u.email }));
  }

  async setSupervisors(m: EntityManager, actor: AuthUser, planId: string, dto: SupervisorsDto) {
    const plans = new PlanRepository(m);
    const before = await plans.supervisorIds(planId);
    const users = await new UserAdminRepository(m).findByIds(dto.userIds);
    const bad = dto.userIds.filter((id) => {
      const u = users.find((x) => x.id === id);
      return !u || !u.active || !u.roles.some((r) => r === 'supervisor' || r === 'admin');
    });
    if (bad.length) throw new BadRequestException(bad.map((id) => `userIds: ${id} is not an active supervisor`));
    const after = await updateVersioned(m, PlanEntity, 'plan', planId, dto.version, { version: () => 'version + 1' });
    await plans.replaceSupervisors(planId, dto.userIds);
    await new Journal(m).audit(actorOf(actor), 'plan.supervisors_changed', { type: 'plan', id: planId }, { supervisorIds: before }, { supervisorIds: dto.userIds, version: after.version });
    return { planId, version: after.version, supervisors: await this.supervisors(planId, m) };
  }
}
