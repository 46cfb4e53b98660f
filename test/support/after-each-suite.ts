import { appendFileSync } from 'fs';
import { killLeftoverProcesses } from './processes';

afterAll(killLeftoverProcesses);

// DUBAN_HANDLE_REPORT=<file>: after each suite has closed what it opened, append what the test process
// still holds (Node's active resources by kind), to find a suite that leaves a socket or timer behind.
const report = process.env.DUBAN_HANDLE_REPORT;
if (report) {
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const counts: Record<string, number> = {};
    for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
    appendFileSync(report, `${process.pid} ${expect.getState().testPath} ${JSON.stringify(counts)}\n`);
  });
}
