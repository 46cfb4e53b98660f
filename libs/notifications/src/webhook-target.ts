import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Where a unit's robot may be. A webhook is fetched by the server, so without a check anyone allowed
 * to set one could make the server talk to itself, the internal network or the cloud's metadata
 * address. The check runs on the addresses the name resolves to (at save) and again on the address
 * actually connected to (at send, through request-filtering-agent), so DNS tricks do not pass.
 */
export interface WebhookTargetRules {
  /** Host names or IP addresses (WEBHOOK_ALLOWED_HOSTS) that may resolve to private addresses. */
  allowedHosts: string[];
}

/** WEBHOOK_ALLOWED_HOSTS as a list: comma-separated, case-insensitive. */
export function webhookRules(allowedHosts: string | undefined): WebhookTargetRules {
  return { allowedHosts: (allowedHosts ?? '').split(',').map((h) => bareHost(h.trim())).filter(Boolean) };
}

/** The robot's host (with its port), the only part of its URL ever shown: the path and query may hold its key. */
export function robotHost(url: string): string {
  try {
    return new URL(url).host || 'invalid URL';
  } catch {
    return 'invalid URL';
  }
}

/** Every URL in a text (an error message, a stored recipient) replaced by its host. */
export function redactUrls(text: string): string;
export function redactUrls(text: string | null): string | null;
export function redactUrls(text: string | null): string | null {
  return text === null ? null : text.replace(/\bhttps?:\/\/[^\s"'<>]+/gi, (u) => robotHost(u));
}

const bareHost = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '');

/** Whether the rules let this URL's host reach private addresses. */
export function isAllowedHost(url: URL, rules: WebhookTargetRules): boolean {
  return rules.allowedHosts.includes(bareHost(url.hostname));
}

/** Why an address may not be a webhook's target, or null: only ordinary public (unicast) addresses pass. */
export function refusedAddress(address: string): string | null {
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : range;
}

/** A webhook URL refused, with the reason in Chinese for the person who entered it. */
export class WebhookTargetError extends Error {}

/** Checks a webhook URL before it is saved: scheme, no credentials, and every address the name resolves to. */
export async function checkWebhookTarget(raw: string, rules: WebhookTargetRules): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('Webhook 地址不是有效的网址');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookTargetError('Webhook 地址须以 https:// 或 http:// 开头');
  if (url.username || url.password) throw new WebhookTargetError('Webhook 地址中不能包含用户名或密码');
  if (isAllowedHost(url, rules)) return;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(bareHost(url.hostname), { all: true, verbatim: true });
  } catch {
    throw new WebhookTargetError(`无法解析 Webhook 主机 ${url.host}`);
  }
  for (const { address } of addresses) {
    if (refusedAddress(address)) {
      throw new WebhookTargetError(`Webhook 主机 ${url.host} 指向本机、内网或保留地址（${address}），不能作为机器人地址；如确需使用，请由管理员将其加入 WEBHOOK_ALLOWED_HOSTS`);
    }
  }
}
