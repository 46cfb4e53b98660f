// Every word a person reads about an item's state, in one place (a later translation starts here).

export const TASK_STATUS: Record<string, string> = {
  assigned: '待签收',
  acknowledged: '已签收',
  in_progress: '办理中',
  submitted: '已报送待审核',
  returned: '被退回',
  completed: '已办结',
  suspended: '已暂停',
  cancelled: '已撤销',
};

export const PART_STATUS: Record<string, string> = {
  assigned: '待签收',
  acknowledged: '已签收',
  in_progress: '办理中',
  submitted: '已完成本单位部分',
};

export const UNIT_ROLE: Record<string, string> = { lead: '牵头', responsible: '责任', assisting: '配合' };

export const LIGHT: Record<string, string> = { green: '正常', yellow: '临期', red: '超期', none: '—' };

export const NOTICE_LEVEL: Record<string, string> = { blue: '提醒', yellow: '催办', red: '督办' };

export const EXTENSION_STATUS: Record<string, string> = { pending: '待审批', approved: '已批准', rejected: '未批准' };

export const USER_ROLE: Record<string, string> = {
  staff: '承办人',
  unit_head: '单位负责人',
  supervisor: '督办员',
  leader: '领导',
  admin: '管理员',
};

export const HISTORY_ACTION: Record<string, string> = {
  'task.created': '立项',
  'task.acknowledged': '签收',
  'assignment.acknowledged_by_link': '通过邮件链接签收',
  'task.started': '开始办理',
  'task.progress_reported': '报送进展',
  'task.submitted': '申请办结',
  'task.approved': '审核通过（办结）',
  'task.returned': '退回',
  'task.suspended': '暂停',
  'task.resumed': '恢复',
  'task.cancelled': '撤销',
  'task.deadline_changed': '调整期限',
  'task.assignments_changed': '调整责任单位',
  'task.assignment_changed': '调整责任单位',
  'task.urged': '督办员催办',
  'task.commented': '评论',
  'task.revised': '随方案修订',
  'task.updated': '修改',
  'task.removed_by_revision': '随方案修订移除',
  'extension.requested': '申请延期',
  'extension.approved': '批准延期',
  'extension.rejected': '驳回延期',
  'step.completed': '完成工作步骤',
};

export const label = (table: Record<string, string>, key: string | null | undefined) => (key ? (table[key] ?? key) : '—');

export const REMINDER_KIND: Record<string, string> = { remind: '提醒', urge: '催办', escalate: '督办' };

export const AUDIENCE: Record<string, string> = {
  responsible: '承办人',
  lead: '牵头单位',
  unit_head: '单位负责人',
  supervisor: '督办员',
  leader: '分管领导',
};

export const REMINDER_STATE: Record<string, string> = {
  pending: '待发送',
  enqueued: '发送中',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  cancelled: '已取消',
};
