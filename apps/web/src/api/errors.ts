import { TASK_STATUS, label } from '../lib/labels';

export interface ApiErrorBody {
  statusCode?: number;
  message?: string | string[];
  code?: string;
  from?: string;
  to?: string;
  allowed?: string[];
  currentVersion?: number;
  retryAfterSeconds?: number;
  /** Imports: where in the document the problem is. */
  line?: number | null;
  cell?: string | null;
  /** Every problem of a refused change, in Chinese (the working-day calendar). */
  errors?: unknown[];
}

/** The API's reasons are English (for logs and integrators); people read them in Chinese. */
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^only staff of a lead or responsible unit/, () => '只有本事项牵头单位或责任单位的人员可以办理'],
  [/^only the lead unit/, () => '只有牵头单位可以申请办结'],
  [/^only a supervisor of this item's plan/, () => '只有本方案的督办员可以执行此操作'],
  [/^you may read this item but not comment/, () => '您可以查看此事项，但不能评论'],
  [/^your unit is not a lead or responsible unit/, () => '您的单位不是本事项的牵头或责任单位'],
  [/^your unit already acknowledged this item/, () => '您的单位已经签收过此事项'],
  [/acknowledge \(签收\) the item for your unit/, () => '请先签收本事项，再报送进展或办理'],
  [/^progress cannot be reported while the item is (\w+)/, (m) => `事项处于“${label(TASK_STATUS, m[1])}”状态，暂不能报送进展`],
  [/^no extension can be asked for while the item is (\w+)/, (m) => `事项处于“${label(TASK_STATUS, m[1])}”状态，不能申请延期`],
  [/^requestedDueAt must be later than the current deadline/, () => '申请的新期限必须晚于当前完成时限'],
  [/already waiting for a decision/, () => '已有一项延期申请正在等待审批'],
  [/^task [\w-]+ not found/, () => '事项不存在，或您无权查看'],
  [/^this API token is read-only/, () => '只读令牌不能修改数据'],
  [/too many failed logins.*try again in (\d+) minute/, (m) => `密码错误次数过多，该账号已暂时锁定，请 ${m[1]} 分钟后再试`],
  [/^wrong username or password/, () => '用户名或密码错误'],
  [/^too many attempts from this address/, () => '尝试次数过多，请稍后再试'],
  [/ThrottlerException|Too Many Requests/, () => '请求过于频繁，请稍后再试'],
];

const CODES: Record<string, (b: ApiErrorBody) => string> = {
  not_allowed: (b) => `事项当前为“${label(TASK_STATUS, b.from)}”，不能改为“${label(TASK_STATUS, b.to)}”`,
  reason_required: () => '此操作需要填写理由',
  lead_unit_only: () => '只有牵头单位可以执行此操作',
  open_steps: () => '还有未完成的工作步骤',
};

function reasonOf(body: ApiErrorBody): string | null {
  if (body.code && CODES[body.code]) return CODES[body.code](body);
  const listed = (body.errors ?? []).filter((e): e is string => typeof e === 'string');
  if (listed.length) return listed.join('；');
  const messages = Array.isArray(body.message) ? body.message : body.message ? [body.message] : [];
  for (const msg of messages) {
    for (const [re, say] of REASONS) {
      const m = re.exec(msg);
      if (m) return say(m);
    }
  }
  // Messages written for people (imports, corrections) are Chinese already: show them as they are.
  // A field-named refusal ("name: 已有名为…") reads without the field's English name.
  const chinese = messages.map((m) => m.replace(/^[\w.]+: (?=[\u4e00-\u9fff「（])/, '')).filter((m) => /^[\u4e00-\u9fff「（]/.test(m));
  if (chinese.length) return chinese.join('；') + (body.line ? `（第 ${body.line} 行）` : body.cell ? `（单元格 ${body.cell}）` : '');
  return null;
}

const BY_STATUS: Record<number, string> = {
  400: '提交的内容不符合要求，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您没有权限执行此操作',
  404: '要找的内容不存在，或您无权查看',
  409: '此事项已被他人修改，已为您刷新',
  413: '提交的内容过大',
  415: '不支持的文件类型',
  422: '当前状态下不能执行此操作',
  429: '请求过于频繁，请稍后再试',
};

/** An API call that did not succeed, with the words to show for it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    message: string,
  ) {
    super(message);
  }

  static network(cause: unknown): ApiError {
    const e = new ApiError(0, {}, '网络连接失败，请检查网络后重试；您填写的内容已保留');
    e.cause = cause;
    return e;
  }

  static from(status: number, raw: unknown): ApiError {
    const body = (raw && typeof raw === 'object' ? raw : {}) as ApiErrorBody;
    if (status >= 500) return new ApiError(status, body, '服务器暂时出错，请稍后重试；您填写的内容已保留');
    // A stale version: someone changed the item since this page read it.
    if (status === 409 && body.currentVersion !== undefined) return new ApiError(status, body, BY_STATUS[409]);
    // Refused uploads are explained by the API in Chinese (which type, what is allowed): show that as it is.
    if ((status === 413 || status === 415) && typeof body.message === 'string' && /[\u4e00-\u9fff]/.test(body.message)) {
      return new ApiError(status, body, body.message);
    }
    const reason = reasonOf(body);
    const general = BY_STATUS[status] ?? `操作未成功（${status}）`;
    if (status === 422 || status === 403 || status === 409 || status === 429 || status === 401) {
      return new ApiError(status, body, reason ?? general);
    }
    return new ApiError(status, body, reason ? `${general}：${reason}` : general);
  }

  /** The item changed under the user: reload it and tell them. */
  get stale(): boolean {
    return this.status === 409 && this.body.currentVersion !== undefined;
  }

  /** Nothing was decided about the request: the form keeps what was typed for a retry. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export const messageOf = (e: unknown): string => (e instanceof ApiError ? e.message : '操作未成功，请稍后重试');
