import { similarity } from '../diff';

/** A unit of the directory as the preview proposes it. */
export interface CandidateUnit {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface ProposedMatch {
  id: string;
  name: string;
  /** Dice similarity of the short forms, 0–1. */
  score: number;
}

/** How names are compared: a short-form key (市发展和改革委员会 → 市发改委); identity by default. */
export type UnitKeyFn = (name: string) => string;

const plain: UnitKeyFn = (name) => name.normalize('NFKC').replace(/[\s\u3000]/g, '');

/** How a learned alias is stored and looked up: width and spacing do not matter. */
export const aliasKey: UnitKeyFn = plain;

/** The directory units whose name or alias is closest to `name`, best first. */
export function closestUnits(name: string, units: readonly CandidateUnit[], opts: { key?: UnitKeyFn; limit?: number; min?: number } = {}): ProposedMatch[] {
  const key = opts.key ?? plain;
  const k = key(name);
  const scored: ProposedMatch[] = [];
  for (const u of units) {
    let best = 0;
    for (const n of [u.name, ...u.aliases]) best = Math.max(best, similarity(k, key(n)));
    if (best >= (opts.min ?? 0.3)) scored.push({ id: u.id, name: u.name, score: Math.round(best * 100) / 100 });
  }
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, opts.limit ?? 3);
}

/**
 * "区发改局", "市科技局", "县政府": a name that starts with a level instead of a place means another
 * unit in every city, district or county. Such a name learned from one document holds only for
 * documents of the same issuer; a name with its place ("江岸区发改局") holds everywhere ('').
 */
export function aliasScope(name: string, issuer: string | null | undefined): string {
  if (!/^(省|市|州|盟|区|县|旗|镇|乡|街道|本级)/.test(plain(name))) return '';
  return `@${plain(issuer ?? '')}`;
}
