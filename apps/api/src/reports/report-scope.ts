import { BadRequestException } from '@nestjs/common';
import { shanghaiDate } from '@app/domain';
import type { ReportClock, ReportScope, TaskVisibility } from '@app/persistence';
import { AuthUser, hasRole } from '../common/current-user';
import { lightParams } from '../tasks/light-policy';
import { ReportQuery } from './dto/report-query.dto';

/**
 * Who sees which items in reports: the rule GET /tasks applies (TasksService): leaders,
 * supervisors and admins every item; staff and unit heads the items their unit has a role on.
 */
export function reportVisibility(user: AuthUser): TaskVisibility {
  if (hasRole(user, 'admin', 'leader', 'supervisor')) return { kind: 'all' };
  if (user.unitId && hasRole(user, 'staff', 'unit_head')) return { kind: 'unit', unitId: user.unitId };
  return { kind: 'none' };
}

export function reportScope(user: AuthUser, q: ReportQuery): ReportScope {
  if (q.from && q.to && q.from > q.to) throw new BadRequestException(['from must be on or before to']);
  return { visibility: reportVisibility(user), planId: q.planId, unitId: q.unitId, from: q.from, to: q.to };
}

/** The same light parameters GET /tasks uses, so a report's lights equal the list's. */
export function reportClock(now: Date): ReportClock {
  return { ...lightParams(now), today: shanghaiDate(now) };
}
