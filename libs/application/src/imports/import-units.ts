import { randomBytes } from 'node:crypto';
import { aliasKey, aliasScope, closestUnits, ParsedPlan, ProposedMatch, UnitMapping, unitNamesOf } from '@app/importer';
import { UnitAliasRepository, UnitEntity, UnitRepository } from '@app/persistence';

/** How a unit name of an import is understood. */
export type UnitFinding =
  | { how: 'mapped' | 'alias' | 'unit'; units: UnitEntity[] }
  | { how: 'group'; group: string; units: UnitEntity[] }
  | { how: 'create'; create: string }
  | { how: 'unknown' };

/** A name the directory does not know, with what the supervisor may make of it. */
export interface UnitProposal {
  name: string;
  /** The name as it would be stored (widths, spaces). */
  normalized: string;
  /** The name proposed for a new unit. */
  proposed: string;
  /** The closest directory units, best first. */
  candidates: ProposedMatch[];
}

/**
 * The unit names of one import, resolved in this order: the supervisor's mapping in the draft, a
 * name learned from an earlier correction (in its scope), the directory (names, aliases, groups),
 * else unknown. Commit turns unknown names into pending units and "create" mappings into units.
 */
export class ImportUnits {
  private readonly found = new Map<string, UnitFinding>();
  private readonly pending = new Set<string>();
  private readonly createdNames = new Set<string>();

  constructor(
    private readonly units: UnitRepository,
    private readonly aliases: UnitAliasRepository,
    private readonly issuer: string | null,
    private readonly mappings: Record<string, UnitMapping>,
  ) {}

  async find(name: string): Promise<UnitFinding> {
    const hit = this.found.get(name);
    if (hit) return hit;
    const f = await this.lookup(name);
    this.found.set(name, f);
    return f;
  }

  private async lookup(name: string): Promise<UnitFinding> {
    const m = this.mappings[name];
    if (m && 'create' in m) return { how: 'create', create: m.create };
    if (m) {
      const [unit] = await this.units.byIds([m.unitId]);
      if (unit) return { how: 'mapped', units: [unit] };
    }
    const learned = await this.aliases.lookup(aliasKey(name), aliasScope(name, this.issuer));
    if (learned) return { how: 'alias', units: [learned] };
    const r = await this.units.resolve(name);
    if (r.kind === 'unit' && !r.unit.pending) return { how: 'unit', units: [r.unit] };
    if (r.kind === 'group') return { how: 'group', group: r.name, units: r.units };
    return { how: 'unknown' };
  }

  /** The units a name assigns on commit; creates what the draft asks to create, else a pending unit. */
  async resolve(name: string): Promise<UnitEntity[]> {
    const f = await this.find(name);
    if (f.how === 'create') {
      const unit = await this.units.createConfirmed(f.create, `u-${randomBytes(4).toString('hex')}`);
      this.createdNames.add(unit.name);
      const done: UnitFinding = { how: 'mapped', units: [unit] };
      this.found.set(name, done);
      return done.units;
    }
    if (f.how !== 'unknown') return f.units;
    const unit = await this.units.createPending(name);
    this.pending.add(unit.name);
    this.found.set(name, { how: 'unit', units: [unit] });
    return [unit];
  }

  /** After commit: each name mapped by hand is remembered for the unit it was mapped to. */
  async learn(plan: ParsedPlan, by: string | null): Promise<{ name: string; unitId: string; scope: string }[]> {
    const used = new Set(unitNamesOf(plan));
    const learned: { name: string; unitId: string; scope: string }[] = [];
    for (const name of Object.keys(this.mappings)) {
      if (!used.has(name)) continue;
      const [unit] = await this.resolve(name);
      const key = aliasKey(name);
      if (key === unit.name) continue;
      const scope = aliasScope(name, this.issuer);
      await this.aliases.learn(unit.id, key, scope, by);
      learned.push({ name, unitId: unit.id, scope });
    }
    return learned;
  }

  pendingNames(): string[] {
    return [...this.pending];
  }

  createdUnitNames(): string[] {
    return [...this.createdNames];
  }

  /** Names still unknown (no mapping, alias or directory unit), each with proposals. */
  async proposals(plan: ParsedPlan, directory: UnitEntity[]): Promise<UnitProposal[]> {
    const candidates = directory.filter((u) => !u.pending);
    const own = await this.issuerUnits(directory);
    const out: UnitProposal[] = [];
    for (const name of unitNamesOf(plan)) {
      if ((await this.find(name)).how !== 'unknown') continue;
      const normalized = aliasKey(name);
      // A district's document means the district's own units first (区发改局 → 甲区's, not 乙区's).
      const closest = closestUnits(normalized, candidates, { limit: 10 });
      const ranked = [...closest.filter((c) => own.has(c.id)), ...closest.filter((c) => !own.has(c.id))].slice(0, 3);
      out.push({ name, normalized, proposed: proposedName(plan, normalized), candidates: ranked });
    }
    return out;
  }

  /** The issuing unit and every unit under it. */
  private async issuerUnits(directory: UnitEntity[]): Promise<Set<string>> {
    const own = new Set<string>();
    if (!this.issuer) return own;
    const r = await this.units.resolve(this.issuer);
    if (r.kind !== 'unit' || r.unit.pending) return own;
    own.add(r.unit.id);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of directory) if (u.parentId && own.has(u.parentId) && !own.has(u.id)) grew = !!own.add(u.id);
    }
    return own;
  }
}

/**
 * The full name for a new unit: the document's own declaration ("（以下简称区数据局）") when it
 * makes one; the importer's resolvePlanUnits replaces this once it is on main.
 */
function proposedName(plan: ParsedPlan, normalized: string): string {
  const declared = (plan as ParsedPlan & { unitAliases?: Record<string, string> }).unitAliases;
  return declared?.[normalized] ?? normalized;
}
