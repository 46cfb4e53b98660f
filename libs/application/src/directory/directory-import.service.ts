import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CurrentDirectory, directoryRows, DirectoryPlan, DirectoryRows, planCounts, planDirectory } from '@app/domain';
import { Actor, DirectoryRepository, hashPassword, Journal, UnitAdminRepository, UnitOfWork } from '@app/persistence';
import { DirectoryRowsError, DirectorySheet, readDirectoryFile, writeDirectoryCsv, writeDirectoryXlsx } from './directory-file';

export class DirectoryImportNotFoundError extends Error {}
export class DirectoryImportCommittedError extends Error {}

/** What a directory file changes, row by row (no passwords). */
export interface DirectoryPreview {
  importId: string | null;
  fileName: string;
  counts: ReturnType<typeof planCounts>;
  units: { row: number; name: string; action: Action; changed: string[] }[];
  groups: { name: string; action: Action; changed: string[] }[];
  users: { row: number; username: string; action: Action; changed: string[] }[];
}

export interface DirectoryCommitResult {
  counts: ReturnType<typeof planCounts>;
  /** New users without an 初始密码 get one made up, shown here once. */
  initialPasswords: { username: string; password: string }[];
}

type Action = 'create' | 'update' | 'unchanged';
type Admin = Actor & { username?: string };

const actionOf = (c: { id: string | null; changed: string[] }): Action => (!c.id ? 'create' : c.changed.length ? 'update' : 'unchanged');
/** Stored rows carry password hashes, never the passwords an office typed. */
const HASHED = /^\$argon2/;

/**
 * The organisation directory from and to the spreadsheet an office keeps (API and CLI): read and
 * check every row, preview what changes, then apply all of it in one transaction or nothing.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly unitAdmin: UnitAdminRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  /** Reads and checks a file against the directory; throws DirectoryRowsError listing every bad row. */
  async check(fileName: string, content: Buffer, actor?: Admin): Promise<{ rows: DirectoryRows; plan: DirectoryPlan }> {
    const rows = await readDirectoryFile(fileName, content);
    const plan = planDirectory(rows, await this.current(), actor?.username ? { username: actor.username } : undefined);
    if (plan.errors.length) throw new DirectoryRowsError(plan.errors);
    return { rows, plan };
  }

  /** Checks the file and keeps it for commit; nothing of the directory changes. */
  async preview(fileName: string, content: Buffer, actor: Admin): Promise<DirectoryPreview> {
    const { rows, plan } = await this.check(fileName, content, actor);
    for (const u of rows.users) if (u.password) u.password = await hashPassword(u.password);
    const saved = await this.directory.insertPreview({ fileName, rows, createdBy: actor.id });
    return describe(saved.id, fileName, plan);
  }

  commit(id: string, actor: Admin): Promise<DirectoryCommitResult> {
    return this.uow.run(async () => {
      const row = await this.directory.lockPreview(id);
      if (!row) throw new DirectoryImportNotFoundError(`directory import ${id} not found`);
      if (row.status !== 'previewed') throw new DirectoryImportCommittedError(`directory import ${id} is already committed`);
      const result = await this.apply(row.rows as DirectoryRows, actor, row.fileName);
      await this.directory.finishPreview(id);
      return result;
    });
  }

  /** Applies the rows (checked again against the directory as it is now) in one transaction. */
  apply(rows: DirectoryRows, actor: Admin, fileName: string): Promise<DirectoryCommitResult> {
    return this.uow.run(async () => {
      const plan = planDirectory(rows, await this.current(), actor.username ? { username: actor.username } : undefined);
      if (plan.errors.length) throw new DirectoryRowsError(plan.errors);
      const ids = await this.writeUnits(plan, actor);
      for (const g of plan.groups) {
        if (g.id && g.changed.length === 0) continue;
        await this.directory.saveGroup({ id: g.id, name: g.name, aliases: g.aliases, memberIds: g.members.map((n) => ids.get(n)!).filter(Boolean) });
      }
      const initialPasswords = await this.writeUsers(plan, ids, actor);
      const counts = planCounts(plan);
      await this.journal.audit(actor, 'directory.imported', { type: 'directory', id: fileName }, null, counts);
      return { counts, initialPasswords };
    });
  }

  /** The directory as a file in the import format (xlsx: every sheet; csv: one of them). */
  async export(format: 'xlsx' | 'csv', sheet: DirectorySheet = 'units'): Promise<Buffer> {
    const rows = directoryRows(await this.current());
    return format === 'xlsx' ? writeDirectoryXlsx(rows) : writeDirectoryCsv(rows, sheet);
  }

  private async current(): Promise<CurrentDirectory> {
    const s = await this.directory.snapshot();
    return {
      units: s.units.map((u) => ({ id: u.id, code: u.code, name: u.name, aliases: u.aliases, parentId: u.parentId, kind: u.kind, pending: u.pending })),
      groups: s.groups.map((g) => ({ id: g.id, name: g.name, aliases: g.aliases, memberIds: g.memberIds })),
      users: s.users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, unitId: u.unitId, roles: u.roles, email: u.email, phone: u.phone, active: u.active })),
    };
  }

  /** Creates and changes units, then sets parents (a parent may be new too). Returns name → id. */
  private async writeUnits(plan: DirectoryPlan, actor: Actor): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const snapshot = await this.directory.snapshot();
    for (const u of snapshot.units) ids.set(u.name, u.id);
    for (const u of plan.units) {
      const fields = { name: u.name, code: u.code ?? `u-${randomBytes(4).toString('hex')}`, aliases: u.aliases, kind: u.kind };
      if (!u.id) {
        const created = await this.unitAdmin.insert({ ...fields, parentId: null, contacts: [] });
        ids.set(u.name, created.id);
        await this.journal.audit(actor, 'unit.created', { type: 'unit', id: created.id }, null, { ...fields, source: 'directory import' });
      } else if (u.changed.some((c) => c !== 'parent')) {
        const before = snapshot.units.find((x) => x.id === u.id)!;
        await this.unitAdmin.update(u.id, null, { ...fields, pending: false });
        ids.delete(before.name);
        ids.set(u.name, u.id);
        await this.journal.audit(actor, 'unit.updated', { type: 'unit', id: u.id }, { name: before.name, code: before.code, aliases: before.aliases, kind: before.kind }, fields);
      }
    }
    for (const u of plan.units) {
      const id = ids.get(u.name)!;
      const parentId = u.parent ? ids.get(u.parent)! : null;
      if (u.id && !u.changed.includes('parent')) continue;
      if (!u.id && parentId === null) continue;
      await this.unitAdmin.update(id, null, { parentId });
    }
    return ids;
  }

  private async writeUsers(plan: DirectoryPlan, ids: Map<string, string>, actor: Actor): Promise<DirectoryCommitResult['initialPasswords']> {
    const made: DirectoryCommitResult['initialPasswords'] = [];
    for (const u of plan.users) {
      if (u.id && u.changed.length === 0) continue;
      const fields = { username: u.username, displayName: u.displayName, unitId: u.unit ? ids.get(u.unit)! : null, roles: u.roles, email: u.email, phone: u.phone };
      let passwordHash = u.password ? (HASHED.test(u.password) ? u.password : await hashPassword(u.password)) : undefined;
      if (!u.id) {
        if (!passwordHash) {
          const password = randomBytes(9).toString('base64url');
          made.push({ username: u.username, password });
          passwordHash = await hashPassword(password);
        }
        const created = await this.directory.insertUser({ ...fields, passwordHash });
        await this.journal.audit(actor, 'user.created', { type: 'user', id: created.id }, null, { ...fields, source: 'directory import' });
      } else {
        await this.directory.updateUser(u.id, { ...fields, ...(passwordHash ? { passwordHash } : {}) });
        await this.journal.audit(actor, 'user.updated', { type: 'user', id: u.id }, null, { ...fields, changed: u.changed, source: 'directory import' });
      }
    }
    return made;
  }
}

function describe(importId: string | null, fileName: string, plan: DirectoryPlan): DirectoryPreview {
  return {
    importId,
    fileName,
    counts: planCounts(plan),
    units: plan.units.map((u) => ({ row: u.row, name: u.name, action: actionOf(u), changed: u.changed })),
    groups: plan.groups.map((g) => ({ name: g.name, action: actionOf(g), changed: g.changed })),
    users: plan.users.map((u) => ({ row: u.row, username: u.username, action: actionOf(u), changed: u.changed })),
  };
}

export { describe as describeDirectoryPlan };
