import { measureGet } from './measure-get';
import { median } from './median';

export interface PairedResult {
  path: string;
  /** Medians over the rounds, ms and requests per second. */
  p50: number;
  p99: number;
  rps: number;
  /** Medians over the rounds of the path's figure divided by the same round's GET /health figure. */
  ratioP50: number;
  ratioP99: number;
  /** Every round's p50 ratio, to show the spread. */
  roundRatios: number[];
}

/**
 * Each path against GET /health measured just before it, in `rounds` rounds, so a change in the
 * machine's load between endpoints (minutes apart in one long run) moves both sides of a ratio alike.
 * The ratios are per round, then the median of the rounds: one 5 s window per path swung a report's
 * ratio between 2.5x and 5.5x from one run to the next on a quiet machine (bench/reports/README.md).
 */
export async function measureAgainstHealth(
  base: string,
  paths: string[],
  token: string,
  o: { connections: number; seconds: number; rounds: number; label?: (path: string) => string },
): Promise<PairedResult[]> {
  const label = o.label ?? ((p: string) => p);
  const runs = paths.map(() => [] as { p50: number; p99: number; rps: number; h50: number; h99: number }[]);
  for (let round = 0; round < o.rounds; round++) {
    for (const [i, path] of paths.entries()) {
      const h = await measureGet(`${base}/health`, token, o.connections, o.seconds);
      const m = await measureGet(`${base}${path}`, token, o.connections, o.seconds);
      runs[i].push({ ...m, h50: Math.max(h.p50, 0.1), h99: Math.max(h.p99, 0.1) });
      console.log(
        `  round ${round + 1}: ${label(path).padEnd(44)} p50 ${m.p50.toFixed(1).padStart(6)} ms (health ${h.p50.toFixed(1)})  ` +
          `p99 ${m.p99.toFixed(1).padStart(6)} ms (health ${h.p99.toFixed(1)})  ratio p50 ${(m.p50 / Math.max(h.p50, 0.1)).toFixed(1)}x`,
      );
    }
  }
  return paths.map((path, i) => ({
    path,
    p50: median(runs[i].map((r) => r.p50)),
    p99: median(runs[i].map((r) => r.p99)),
    rps: median(runs[i].map((r) => r.rps)),
    ratioP50: median(runs[i].map((r) => r.p50 / r.h50)),
    ratioP99: median(runs[i].map((r) => r.p99 / r.h99)),
    roundRatios: runs[i].map((r) => r.p50 / r.h50),
  }));
}

/** The summary table: one line per path, medians over the rounds. */
export function printPaired(results: PairedResult[], label: (path: string) => string = (p) => p): void {
  console.log(
    `${'median of the rounds'.padEnd(44)}    p50        p99     req/s   × health p50 (each round)   × health p99`,
  );
  for (const r of results) {
    console.log(
      `${label(r.path).padEnd(44)} ${r.p50.toFixed(1).padStart(6)} ms ${r.p99.toFixed(1).padStart(7)} ms ${r.rps.toFixed(0).padStart(6)}   ` +
        `${r.ratioP50.toFixed(1).padStart(4)}x (${r.roundRatios.map((x) => x.toFixed(1)).join(', ')})`.padEnd(30) +
        `${r.ratioP99.toFixed(1).padStart(6)}x`,
    );
  }
}
