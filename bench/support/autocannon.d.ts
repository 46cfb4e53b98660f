// The few parts of autocannon the benches use (the package ships no types; we may not add @types).
declare module 'autocannon' {
  /** Per connection, kept across its requests. */
  export type Context = Record<string, unknown>;
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Returns the request to send (may change path and body from the connection's context). */
    setupRequest?: (req: Request, context: Context) => Request;
    onResponse?: (status: number, body: string, context: Context) => void;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    method?: string;
    body?: string;
    /** Each connection sends these in order, then starts over. */
    requests?: Request[];
  }
  export interface Histogram {
    p50: number;
    p99: number;
    average: number;
  }
  export interface Result {
    latency: Histogram;
    requests: Histogram & { total: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
