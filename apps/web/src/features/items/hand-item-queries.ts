import {  } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';
import type { components } from '../../api/schema';
import { taskKeys } from '../tasks/task-queries';

export type NewHandItem = components['schemas']['AssignedItemDto'];
export type SourceType = NewHandItem['sourceType'];
export const SOURCE_TYPES: SourceType[] = ['领导批示', '会议议定', '重点工作', '人大建议', '政协提案', '整改', '其他'];

/** 交办件: one item with its source in one call (POST /tasks); the key makes a retry file it once. */
export function useCreateHandItem() {
  return useRefreshingMutation(
    (v: { body: NewHandItem; idempotencyKey: string }) =>
      unwrap(api.POST('/tasks', { body: v.body, params: { header: { 'Idempotency-Key': v.idempotencyKey } } })),
    taskKeys.all,
  );
}

/** The API names each bad field ("deadline: 完成时限「尽快」无法识别"); the form shows them under their fields. */
export function fieldErrors(messages: unknown): { name: string; errors: string[] }[] {
  const list = Array.isArray(messages) ? messages : [messages];
  const out = new Map<string, string[]>();
  for (const m of list) {
    const hit = typeof m === 'string' ? /^(\w+): (.+)$/.exec(m) : null;
    if (hit) out.set(hit[1], [...(out.get(hit[1]) ?? []), hit[2]]);
  }
  return [...out].map(([name, errors]) => ({ name, errors }));
}
