import { Injectable, NotFoundException } from '@nestjs/common';
import { Journal, TaskRepository, UnitOfWork, UserRepository } from '@app/persistence';

/** 签收 from the signed link in a reminder mail: one unit's part, and the item when it is the lead unit's. */
@Injectable()
export class AckLinkService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  acknowledge(claim: { taskId: string; unitId: string; userId: string }): Promise<{ title: string; already: boolean }> {
    return this.uow.run(async () => {
      const a = await this.tasks.lockAssignmentOf(claim.taskId, claim.unitId);
      if (!a) throw new NotFoundException('this unit is no longer assigned to the item');
      if (a.status !== 'assigned') return { title: a.title, already: true };
      await this.tasks.acknowledge(a.id, a.role === 'lead' && a.taskStatus === 'assigned' ? claim.taskId : null);
      const user = await this.users.findById(claim.userId);
      await this.journal.audit(
        { id: claim.userId, name: user?.username ?? 'mail link' },
        'assignment.acknowledged_by_link',
        { type: 'assignment', id: a.id, taskId: claim.taskId },
        { status: 'assigned' },
        { status: 'acknowledged' },
      );
      await this.journal.event('task.status_changed', claim.taskId, { assignment: a.id, to: 'acknowledged' });
      return { title: a.title, already: false };
    });
  }
}
