import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { PlanImportService } from '@app/application';
import { aliasKey, applyDraftEdits, correctedFields, Correction, diffPlans, DraftEdit, DraftEditError, ParsedPlan, PlanDraft, UnitMapping } from '@app/importer';
import { ImportEntity, PlanImportRepository, UnitOfWork, UnitRepository } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { DraftEditDto, EditImportDto } from './imports.dto';
import { refusal } from '../common/http-errors';

/** A stored import with its draft: what GET and PATCH /imports/:id answer. */
export function draftOf(row: ImportEntity): PlanDraft {
  return {
    plan: (row.draft ?? row.parsed) as ParsedPlan,
    corrections: row.corrections as Correction[],
    mappings: row.unitMappings as Record<string, UnitMapping>,
  };
}

/** Corrections of an import preview by hand: versioned, validated, all of a batch or none. */
@Injectable()
export class ImportDraftService {
  constructor(
    private readonly importer: PlanImportService,
    private readonly imports: PlanImportRepository,
    private readonly units: UnitRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async detail(id: string) {
    const row = await this.imports.findImport(id);
    if (!row) throw new NotFoundException(`import ${id} not found`);
    const draft = draftOf(row);
    const units = row.status === 'previewed' ? await this.importer.unitStatus(draft.plan, draft.mappings) : { unknownUnits: [], proposals: [] };
    return {
      id: row.id,
      status: row.status,
      ocr: row.ocr,
      fileName: row.fileName,
      planId: row.planId,
      diff: row.diff,
      parsed: row.parsed,
      draft: draft.plan,
      version: row.version,
      corrections: draft.corrections,
      correctedFields: correctedFields(draft.corrections),
      mappings: draft.mappings,
      ...units,
      createdAt: row.createdAt,
      committedAt: row.committedAt,
    };
  }

  async edit(id: string, dto: EditImportDto, user: AuthUser) {
    const edits = dto.edits.map(toEdit);
    await this.uow.run(async () => {
      const row = await this.imports.lockImport(id);
      if (!row) throw new NotFoundException(`import ${id} not found`);
      // An import belongs to its uploader: nobody else corrects it (nor commits it).
      if (row.createdBy !== user.id) throw new ForbiddenException('only the supervisor who uploaded the document corrects its preview');
      if (row.status !== 'previewed') throw new ConflictException(`import ${id} is already ${row.status}`);
      if (row.version !== dto.version) {
        throw new ConflictException({ statusCode: 409, message: `import ${id} was corrected by someone else: reload and retry`, currentVersion: row.version });
      }
      const ids = edits.flatMap((e) => (e.op === 'mapUnit' ? [e.unitId] : []));
      const known = new Map((await this.units.byIds(ids)).filter((u) => !u.pending).map((u) => [u.id, u.name]));
      const current = draftOf(row);
      await this.fillProposedNames(current, edits);
      let next: PlanDraft;
      try {
        next = applyDraftEdits(current, edits, known);
      } catch (e) {
        if (e instanceof DraftEditError) {
          throw refusal('invalid_correction', e.message, { item: e.code, field: e.field });
        }
        throw e;
      }
      const diff = row.planId ? await this.revisionDiff(row.planId, next.plan) : row.diff;
      if (!(await this.imports.saveDraft(id, dto.version, { draft: next.plan, corrections: next.corrections, unitMappings: next.mappings, diff }))) {
        throw new ConflictException({ statusCode: 409, message: `import ${id} was corrected by someone else: reload and retry`, currentVersion: row.version + 1 });
      }
    });
    return this.detail(id);
  }

  private async fillProposedNames(draft: PlanDraft, edits: DraftEdit[]): Promise<void> {
    const blank = edits.filter((e): e is Extract<DraftEdit, { op: 'createUnit' }> => e.op === 'createUnit' && !e.unitName);
    if (blank.length === 0) return;
    const { proposals } = await this.importer.unitStatus(draft.plan, {});
    for (const e of blank) e.unitName = proposals.find((p) => p.name === e.name.trim())?.proposed ?? aliasKey(e.name);
  }

  /** A revision's diff follows the corrected draft, since the draft is what commit applies. */
  private async revisionDiff(planId: string, plan: ParsedPlan) {
    const previous = await this.imports.lastCommitted(planId);
    if (!previous) return null;
    const d = diffPlans(previous, plan);
    return { added: d.added.map((t) => t.code), removed: d.removed.map((t) => t.code), changed: d.changed.map((c) => ({ code: c.code, fields: c.fields })) };
  }
}

/** The request's edit as the importer's edit; a field the op needs and lacks is a bad request. */
function toEdit(e: DraftEditDto, i: number): DraftEdit {
  const need = (...fields: (keyof DraftEditDto)[]) => {
    const missing = fields.filter((f) => e[f] === undefined);
    if (missing.length) throw new BadRequestException([`edits.${i}: ${e.op} needs ${missing.join(', ')}`]);
  };
  switch (e.op) {
    case 'mapUnit':
      need('name', 'unitId');
      return { op: 'mapUnit', name: e.name!, unitId: e.unitId! };
    case 'createUnit':
      need('name');
      // No name given: the proposal's, filled in by the caller (it needs the directory).
      return { op: 'createUnit', name: e.name!, unitName: e.unitName ?? '' };
    case 'setTask':
      need('code');
      return { op: 'setTask', code: e.code!, title: e.title, deadline: e.deadline, leadUnits: e.leadUnits, responsibleUnits: e.responsibleUnits, assistingUnits: e.assistingUnits };
    case 'dropTask':
      need('code');
      return { op: 'dropTask', code: e.code! };
    case 'mergeTasks':
      need('into', 'codes');
      return { op: 'mergeTasks', into: e.into!, codes: e.codes! };
  }
}
