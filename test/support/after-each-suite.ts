import { appendFileSync } from 'fs';
import { killLeftoverProcesses } from './processes';

afterAll(killLeftoverProcesses);

// DUBAN_HANDLE_REPORT=<file>: after each suite's describe blocks have closed what they opened, append what
// the test process still holds (Node's active resources by kind), to find a suite that leaves a socket or
// timer behind. A file's own top-level afterAll runs after this one, so its handles show here too.
const report = process.env.DUBAN_HANDLE_REPORT;
if (report) {
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const counts: Record<string, number> = {};
    for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
    appendFileSync(report, `${process.pid} ${expect.getState().testPath} ${JSON.stringify(counts)}\n`);
  });
}
