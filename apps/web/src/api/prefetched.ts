import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { session } from '../auth/session';
import { takePrefetched } from '../boot/early';
import { ApiError } from './errors';

/** Until the session is restored (or found missing): an API call sent before would go without a token. */
const sessionSettled = () =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (session.snapshot().status === 'unknown') return;
      stop();
      resolve();
    };
    const stop = session.subscribe(check);
    check();
  });

/**
 * Puts the boot script's early answer to `path` (boot/boot.ts) into the query cache under `key`. Without
 * one (the boot script did not ask, or could not), nothing happens; when its request failed, `ask`
 * asks again the usual way.
 */
export function primeFromBoot<T>(qc: QueryClient, key: QueryKey, path: string, ask: () => Promise<T>, read: (body: unknown) => T = (b) => b as T): void {
  const early = takePrefetched(path);
  if (!early) return;
  void qc.prefetchQuery({
    queryKey: key,
    queryFn: async () => {
      const res = await early;
      if (!res) return sessionSettled().then(ask);
      const body: unknown = await res.json().catch(() => ({}));
      if (!res.ok) throw ApiError.from(res.status, body);
      return read(body);
    },
  });
}
