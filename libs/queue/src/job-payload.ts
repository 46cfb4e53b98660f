const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one id a job payload carries, checked on arrival: payloads live in Redis across deploys, so
 * a job queued by another version (or by hand) is refused rather than half-read.
 */
export function uuidPayload<K extends string>(data: unknown, key: K, what: string): Record<K, string> {
  const id = (data as Record<string, unknown> | null)?.[key];
  if (typeof id !== 'string' || !UUID.test(id)) throw new Error(`invalid ${what} job payload: ${JSON.stringify(data)}`);
  return { [key]: id } as Record<K, string>;
}
