import { BadRequestException } from '@nestjs/common';
import { shanghaiDate, taskVisibility } from '@app/domain';
import type { ReportClock, ReportScope } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { Lights } from '../tasks/light-policy';
import { ReportQuery } from './dto/report-query.dto';

/** The items a report covers: what GET /tasks shows the caller (taskVisibility), filtered like it. */
export function reportScope(user: AuthUser, q: ReportQuery): ReportScope {
  if (q.from && q.to && q.from > q.to) throw new BadRequestException(['from must be on or before to']);
  return { visibility: taskVisibility(user), planId: q.planId, unitId: q.unitId, from: q.from, to: q.to };
}

/** The same light parameters GET /tasks uses, so a report's lights equal the list's. */
export function reportClock(lights: Lights): ReportClock {
  return { ...lights.params, today: shanghaiDate(lights.now) };
}
