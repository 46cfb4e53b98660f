/// <reference path="./autocannon.d.ts" />
import autocannon from 'autocannon';

/** One GET under load (autocannon): its p50 and p99 latency in ms and requests per second; any error or non-2xx fails the run. */
export async function measureGet(url: string, token: string, connections: number, seconds: number): Promise<{ p50: number; p99: number; rps: number }> {
  const r = await autocannon({ url, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
}
