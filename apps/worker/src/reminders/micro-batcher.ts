/**
 * Runs the calls that arrive together as one batch: what is submitted within one turn of the event
 * loop, or while the previous batches are still running (at most `maxInFlight` at once), goes into
 * the next batch of up to `maxSize` items. Under load, batches grow by themselves; alone, a call waits
 * for no one (one setImmediate).
 *
 * `run` answers one result per item, in order. When the batch as a whole fails, each item is run
 * alone (`runOne`), so one item's failure (or a batch-wide one such as a deadlock) decides nothing
 * for the others: every caller gets the outcome its own call would have had.
 */
export class MicroBatcher<I, O> {
  private queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<O[]>,
    private readonly runOne: (item: I) => Promise<O>,
    private readonly opts: { maxSize: number; maxInFlight: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= this.opts.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < this.opts.maxInFlight) {
      const batch = this.queue.splice(0, this.opts.maxSize);
      this.inFlight++;
      void this.runBatch(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private async runBatch(batch: MicroBatcher<I, O>['queue']): Promise<void> {
    if (batch.length > 1) {
      let out: O[] | undefined;
      try {
        out = await this.run(batch.map((b) => b.item));
        if (out.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${out.length} results`);
      } catch {
        out = undefined; // each alone below
      }
      if (out) {
        batch.forEach((b, i) => b.resolve(out[i]));
        return;
      }
    }
    await Promise.all(batch.map((b) => this.runOne(b.item).then(b.resolve, b.reject)));
  }
}
