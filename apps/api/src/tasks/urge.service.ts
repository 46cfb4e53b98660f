import { ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { manualUrgeKey, TaskStatus, urgeTargets } from '@app/domain';
import { Journal, ReminderRepository, TaskRepository, UnitOfWork } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { UrgeDto } from './dto/task-commands.dto';
import { UrgeResultResponse } from './dto/task.response';
import { actorOf, LoadedTask, TaskGate } from './task-gate';

const URGE_CHANNELS = ['email', 'inbox', 'webhook'];

/**
 * 催办 by hand: the supervisor urges picked items now. Each open lead or responsible unit gets one urge
 * reminder row due at once; the commit hook queues it and the worker delivers it like any planned urge
 * (exactly once per recipient and channel). All items or none.
 */
@Injectable()
export class UrgeService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly reminders: ReminderRepository,
    private readonly journal: Journal,
    private readonly gate: TaskGate,
    private readonly uow: UnitOfWork,
  ) {}

  urge(user: AuthUser, dto: UrgeDto): Promise<UrgeResultResponse> {
    return this.uow.run(async () => {
      const found = new Set((await this.tasks.findByIds(dto.taskIds)).map((t) => t.id));
      const unknown = dto.taskIds.filter((id) => !found.has(id));
      if (unknown.length) throw new UnprocessableEntityException(unknown.map((id) => `taskIds: 事项 ${id} 不存在`));
      const loaded: LoadedTask[] = [];
      for (const id of dto.taskIds) loaded.push(await this.gate.load(user, id));
      const foreign = loaded.filter((l) => !l.access.canSupervise).map((l) => l.task.code);
      if (foreign.length) throw new ForbiddenException(`只能催办您督办的方案中的事项，以下事项不是：${foreign.join('、')}`);
      const problems: string[] = [];
      const targets = loaded.map(({ task, assignments }) => {
        const t = urgeTargets(task.status as TaskStatus, assignments);
        if ('refused' in t) problems.push(`taskIds: 事项 ${task.code}「${task.title.slice(0, 20)}」：${t.refused}`);
        return { task, unitIds: 'unitIds' in t ? t.unitIds : [] };
      });
      if (problems.length) throw new UnprocessableEntityException(problems);

      const urgeId = randomUUID();
      const note = dto.note?.trim() || null;
      const rows = targets.flatMap(({ task, unitIds }) => unitIds.map((unitId) => ({ key: manualUrgeKey(urgeId, task.id, unitId), taskId: task.id, unitId })));
      const ids = await this.reminders.insertManualUrges(rows, note, URGE_CHANNELS);
      for (const { task, unitIds } of targets) {
        await this.journal.audit(actorOf(user), 'task.urged', { type: 'task', id: task.id, taskId: task.id }, null, { unitIds, note, urgeId });
      }
      return { queued: ids.length, tasks: targets.map(({ task, unitIds }) => ({ taskId: task.id, unitIds })) };
    });
  }
}
