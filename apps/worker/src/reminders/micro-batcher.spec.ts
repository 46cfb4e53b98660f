import { MicroBatcher } from './micro-batcher';

/** A batch runner that records the batches it was given and answers each item doubled. */
function recorder(opts: { failBatches?: boolean; failItem?: number } = {}) {
  const batches: number[][] = [];
  const singles: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const gates: (() => void)[] = [];
  const run = async (items: readonly number[]) => {
    batches.push([...items]);
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise<void>((r) => gates.push(r));
    running--;
    if (opts.failBatches) throw new Error('batch failed');
    return items.map((x) => x * 2);
  };
  const runOne = async (x: number) => {
    singles.push(x);
    if (x === opts.failItem) throw new Error(`item ${x} failed`);
    return x * 2;
  };
  /** Lets every batch started so far finish. */
  const release = () => gates.splice(0).forEach((g) => g());
  return { run, runOne, batches, singles, release, maxRunning: () => maxRunning };
}

/** Releases the runner's batches until every promise has settled. */
async function drain<T>(r: ReturnType<typeof recorder>, all: Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  let done = false;
  const out = Promise.allSettled(all).finally(() => (done = true));
  while (!done) {
    await new Promise((x) => setImmediate(x));
    r.release();
  }
  return out;
}

describe('MicroBatcher', () => {
  it('runs what is submitted in one tick as one batch, and answers each caller its own result', async () => {
    const r = recorder();
    const b = new MicroBatcher(r.run, r.runOne, { maxSize: 10, maxInFlight: 2 });
    const out = await drain(r, [1, 2, 3].map((x) => b.submit(x)));
    expect(r.batches).toEqual([[1, 2, 3]]);
    expect(out.map((x) => (x as PromiseFulfilledResult<number>).value)).toEqual([2, 4, 6]);
  });

  it('gathers what arrives while batches run into the next one, never more than maxInFlight at once nor maxSize items', async () => {
    const r = recorder();
    const b = new MicroBatcher(r.run, r.runOne, { maxSize: 3, maxInFlight: 1 });
    const first = [1, 2].map((x) => b.submit(x));
    await new Promise((x) => setImmediate(x)); // the first batch is running
    const rest = [3, 4, 5, 6, 7].map((x) => b.submit(x));
    const out = await drain(r, [...first, ...rest]);
    expect(r.batches).toEqual([[1, 2], [3, 4, 5], [6, 7]]);
    expect(r.maxRunning()).toBe(1);
    expect(out.every((x) => x.status === 'fulfilled')).toBe(true);
  });

  it('when a batch fails, runs each item alone: one item failing fails only its caller', async () => {
    const r = recorder({ failBatches: true, failItem: 2 });
    const b = new MicroBatcher(r.run, r.runOne, { maxSize: 10, maxInFlight: 2 });
    const out = await drain(r, [1, 2, 3].map((x) => b.submit(x)));
    expect(r.singles.sort()).toEqual([1, 2, 3]);
    expect(out.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((out[1] as PromiseRejectedResult).reason.message).toBe('item 2 failed');
  });

  it('a lone item runs alone, without a batch', async () => {
    const r = recorder();
    const b = new MicroBatcher(r.run, r.runOne, { maxSize: 10, maxInFlight: 2 });
    await expect(b.submit(7)).resolves.toBe(14);
    expect(r.batches).toEqual([]);
    expect(r.singles).toEqual([7]);
  });
});
