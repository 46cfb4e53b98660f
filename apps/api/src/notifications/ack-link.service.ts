import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { AckLinkItem, AckLinkRepository, Journal, TaskRepository, UnitOfWork, UserRepository } from '@app/persistence';
import { AckLinkItemResponse } from './notifications.response';

export interface AckClaimTarget {
  taskId: string;
  unitId: string;
  userId: string;
}

const CLOSED = ['completed', 'cancelled', 'suspended'];

/**
 * 签收 from the signed link in a reminder mail: reading the item is free, acknowledging is the
 * page's button. A link works only while its user is active and still in the unit it names.
 */
@Injectable()
export class AckLinkService {
  constructor(
    private readonly links: AckLinkRepository,
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  async item(claim: AckClaimTarget): Promise<AckLinkItemResponse> {
    const { item, user } = await this.load(claim);
    return toView(item, user.displayName || user.username);
  }

  acknowledge(claim: AckClaimTarget): Promise<AckLinkItemResponse & { alreadyAcknowledged: boolean }> {
    return this.uow.run(async () => {
      const { item, user } = await this.load(claim, true);
      const name = user.displayName || user.username;
      if (item.partStatus !== 'assigned') return { ...toView(item, name), alreadyAcknowledged: true };
      if (CLOSED.includes(item.taskStatus)) {
        throw new UnprocessableEntityException({ statusCode: 422, message: `the item is ${item.taskStatus}: there is nothing to acknowledge`, allowed: [] });
      }
      await this.tasks.acknowledge(item.assignmentId, item.role === 'lead' && item.taskStatus === 'assigned' ? claim.taskId : null);
      await this.journal.audit(
        { id: user.id, name: user.username },
        'assignment.acknowledged_by_link',
        { type: 'assignment', id: item.assignmentId, taskId: claim.taskId },
        { status: 'assigned' },
        { status: 'acknowledged' },
      );
      await this.journal.event('task.status_changed', claim.taskId, { assignment: item.assignmentId, to: 'acknowledged' });
      const after = (await this.links.item(claim.taskId, claim.unitId))!;
      return { ...toView(after, name), alreadyAcknowledged: false };
    });
  }

  private async load(claim: AckClaimTarget, lock = false) {
    const user = await this.users.findActiveById(claim.userId);
    if (!user || user.unitId !== claim.unitId) throw new ForbiddenException('this link is no longer valid: its user is disabled or moved');
    const item = await this.links.item(claim.taskId, claim.unitId, lock);
    if (!item) throw new NotFoundException('this unit is no longer assigned to the item');
    return { item, user };
  }
}

function toView(i: AckLinkItem, recipientName: string): AckLinkItemResponse {
  return {
    taskId: i.taskId,
    code: i.code,
    title: i.title,
    planTitle: i.planTitle,
    dueAt: i.dueAt.toISOString(),
    taskStatus: i.taskStatus,
    unitName: i.unitName,
    role: i.role,
    partStatus: i.partStatus,
    acknowledgedAt: i.acknowledgedAt ? i.acknowledgedAt.toISOString() : null,
    recipientName,
  };
}
