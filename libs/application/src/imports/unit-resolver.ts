import { UnitEntity, UnitRepository } from '@app/persistence';

/** Resolves names once per commit and remembers which ones had to become pending units. */
export class UnitResolver {
  private readonly cache = new Map<string, UnitEntity[]>();
  private readonly pending = new Set<string>();

  constructor(private readonly repo: UnitRepository) {}

  async resolve(name: string): Promise<UnitEntity[]> {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const r = await this.repo.resolve(name);
    let units: UnitEntity[];
    if (r.kind === 'unit') units = [r.unit];
    else if (r.kind === 'group') units = r.units;
    else units = [await this.repo.createPending(name)];
    for (const u of units) if (u.pending) this.pending.add(u.name);
    this.cache.set(name, units);
    return units;
  }

  pendingNames(): string[] {
    return [...this.pending];
  }
}
