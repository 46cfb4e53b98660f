import { Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { useAgent } from 'request-filtering-agent';
import { isAllowedHost, redactUrls, robotHost, WebhookTargetRules } from './webhook-target';

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

/**
 * POSTs the message through an agent that refuses, at connect time, any address that is not an
 * ordinary public one (unless the host is allowed); a 4xx is permanent (the robot refuses it), a 5xx
 * or network error may pass later. Errors name the robot's host only: its URL may hold its key.
 */
export async function postWebhook(url: string, format: WebhookFormat, m: WebhookMessage, rules: WebhookTargetRules, timeoutMs = 10_000): Promise<void> {
  const host = robotHost(url);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new WebhookError(`webhook ${host}: not a valid URL`, true);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new WebhookError(`webhook ${host}: only http and https`, true);
  const body = Buffer.from(JSON.stringify(webhookBody(format, m)), 'utf8');
  let status: number;
  try {
    status = await post(target, body, isAllowedHost(target, rules) ? undefined : useAgent(url), timeoutMs);
  } catch (e) {
    const refused = /is not allowed/i.test((e as Error).message);
    // A refused address is permanent: retrying cannot make the robot public.
    throw new WebhookError(`webhook ${host}: ${refused ? 'refused: the host resolves to a loopback, private or reserved address' : redactUrls((e as Error).message)}`, refused);
  }
  if (status < 200 || status >= 300) throw new WebhookError(`webhook ${host} answered ${status}`, status >= 400 && status < 500);
}

function post(url: URL, body: Buffer, agent: Agent | undefined, timeoutMs: number): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: 'POST', agent, timeout: timeoutMs, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
