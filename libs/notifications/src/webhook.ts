/** Robot message shapes of the chat tools Chinese offices use, or plain JSON. */
export type WebhookFormat = 'json' | 'wecom' | 'dingtalk' | 'feishu';

export const WEBHOOK_FORMATS: WebhookFormat[] = ['json', 'wecom', 'dingtalk', 'feishu'];

export interface WebhookMessage {
  title: string;
  text: string;
  /** Machine-readable facts for the json format. */
  data: Record<string, unknown>;
}

export function webhookBody(format: WebhookFormat, m: WebhookMessage): unknown {
  switch (format) {
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: `**${m.title}**\n${m.text}` } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: m.title, text: `### ${m.title}\n${m.text}` } };
    case 'feishu':
      return { msg_type: 'text', content: { text: `${m.title}\n${m.text}` } };
    case 'json':
      return { title: m.title, text: m.text, ...m.data };
    default: {
      const never: never = format;
      throw new Error(`unknown webhook format ${String(never)}`);
    }
  }
}

export class WebhookError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** POSTs the message; a 4xx is permanent (the robot refuses it), a 5xx or network error may pass later. */
export async function postWebhook(url: string, format: WebhookFormat, m: WebhookMessage, timeoutMs = 10_000): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookBody(format, m)),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new WebhookError(`webhook ${url}: ${(e as Error).message}`, false);
  }
  if (!res.ok) throw new WebhookError(`webhook ${url} answered ${res.status}`, res.status >= 400 && res.status < 500);
}
