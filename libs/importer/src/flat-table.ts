import { addDeadlineCell, addStep, newDraft, titleOf, type TaskDraft } from './drafts';
import { parseDeadline, type DeadlineContext } from './deadlines';
import { classifyHeading, columnRole, type ColumnRole } from './headings';
import type { Line } from './types';
import { looksLikePersons, looksLikeUnit, splitPersons, splitUnits } from './units';

/**
 * Tables copied from web pages or docx arrive one cell per line, with merged cells appearing once
 * and empty cells missing. Cells are therefore recognised by what they look like (a number starts
 * a row, "(1)" is a step, "5月" a deadline, a list of 局/委 a unit cell), and the header tells
 * which columns exist.
 */
export interface HeaderRun {
  start: number;
  end: number; // exclusive
  roles: ColumnRole[];
}

export function findHeaderRuns(lines: Line[]): HeaderRun[] {
  const runs: HeaderRun[] = [];
  let i = 0;
  while (i < lines.length) {
    const roles: ColumnRole[] = [];
    let j = i;
    for (;;) {
      if (j >= lines.length) break;
      const role = columnRole(lines[j].text);
      // A header cell wrapped over two lines ("区政府" / "分管领导") reads as one.
      const joined = !role && roles.length > 0 && j + 1 < lines.length ? columnRole(lines[j].text + lines[j + 1].text) : null;
      if (role) {
        roles.push(role);
        j++;
      } else if (joined) {
        roles.push(joined);
        j += 2;
      } else break;
    }
    if (roles.length >= 3 && (roles.includes('no') || roles.includes('title'))) {
      runs.push({ start: i, end: j, roles });
      i = j;
    } else {
      i = Math.max(j, i + 1);
    }
  }
  return runs;
}

const UNIT_ROLES: ColumnRole[] = ['lead', 'responsible', 'assisting'];
const EMPTY_CELL = /^[—–\-－/／、无暂无]{1,3}$/;

const unitCells = new Map<string, boolean>();

export function forgetUnitCells(): void {
  unitCells.clear();
}

function isUnitCell(text: string): boolean {
  if (text.length > 150 || /[。！？]/.test(text)) return false;
  const known = unitCells.get(text);
  if (known !== undefined) return known;
  const { units } = splitUnits(text);
  const yes = units.length > 0 && units.every(looksLikeUnit);
  // Cells repeat across rows and documents (县住建局, 区发改委); the answer depends on the text only.
  if (unitCells.size > 5000) unitCells.clear();
  unitCells.set(text, yes);
  return yes;
}

/** A row whose only text so far is a short name ("主要预期目标"): a group label, not an item. */
function isGroupCell(d: TaskDraft): boolean {
  return d.contentParts.length === 1 && d.title.length <= 20 && !/[，,。；;：:]/.test(d.title) && d.lead.length + d.responsible.length === 0;
}

/**
 * A row number past the next one ("8" after "6"), on text read by OCR: tesseract drops a lone digit
 * now and then, and without this every row after it would fall into the row before. It starts a row
 * only when at most `skips` numbers are missing and the line after it reads like an item's title
 * (not a step, a deadline or another number); the gap itself is warned (flagNumberingGaps).
 */
function skipsAhead(n: number, lastNo: number, next: string | undefined, skips: number, ctx: DeadlineContext): boolean {
  if (lastNo === 0 || n <= lastNo + 1 || n > lastNo + 1 + skips || !next || next.length < 4) return false;
  if (/^\d{1,3}[.、]?$/.test(next) || classifyHeading(next)?.level === 5 || /^[(（]/.test(next)) return false;
  return !(next.length <= 20 && parseDeadline(next, ctx));
}

export function readFlatTables(lines: Line[], runs: HeaderRun[], ctx: DeadlineContext, opts: { numberSkips?: number } = {}): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  const groupOf = new Map<TaskDraft, number>();
  let group = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const roles = run.roles;
    const stop = r + 1 < runs.length ? runs[r + 1].start : lines.length;
    let current: TaskDraft | null = null;
    let lastNo = 0;
    let section: string | null = null;
    const unitRolesLeft = () => UNIT_ROLES.filter((u) => roles.includes(u));
    let filledUnits = 0;
    let lastUnitRole: 'lead' | 'responsible' | 'assisting' | null = null;
    let numberedItems = false;
    let groupHasItems = false;
    group++;
    for (let i = run.end; i < stop; i++) {
      const { text, no } = lines[i];
      const num = /^(\d{1,3})[.、]?$/.exec(text);
      // A page from the middle of a long table starts at its own row number ("80").
      const n = num ? Number(num[1]) : 0;
      if (
        num &&
        (n === lastNo + 1 || (n === 1 && lastNo > 0) || (lastNo === 0 && !current && n > 0) || skipsAhead(n, lastNo, lines[i + 1]?.text, opts.numberSkips ?? 0, ctx))
      ) {
        // A second run of numbers restarting at 1 without a new header is a new group, too.
        if (Number(num[1]) === 1 && groupHasItems) group++;
        lastNo = Number(num[1]);
        current = newDraft(String(lastNo), no, { section, expectsDeadline: roles.includes('deadline') });
        groupOf.set(current, group);
        drafts.push(current);
        groupHasItems = true;
        filledUnits = 0;
        lastUnitRole = null;
        continue;
      }
      const h = classifyHeading(text);
      if (!current) {
        if (h && h.level <= 2) section = text;
        continue;
      }
      const grouped = h && h.value !== null && (h.level === 3 || h.level === 4) && roles.includes('section') && current.title && (numberedItems || isGroupCell(current));
      if (h && (h.level === 4 || h.level === 5) && !grouped) {
        addStep(current, `(${h.value ?? current.steps.length + 1})`, text, no);
        continue;
      }
      // "1 | 主要预期目标 | 1.地区生产总值… | 2.一般公共预算…": with a 项目/类别 column, the row's short
      // first cell names a group and each numbered cell under it is an item of its own.
      if (h && grouped) {
        if (!numberedItems) {
          drafts.splice(drafts.indexOf(current), 1);
          section = current.title;
        }
        numberedItems = true;
        current = newDraft(String(h.value), no, { section, expectsDeadline: roles.includes('deadline') });
        current.title = titleOf(h.rest) || h.rest;
        current.contentParts.push(h.rest);
        groupOf.set(current, group);
        drafts.push(current);
        filledUnits = 0;
        lastUnitRole = null;
        continue;
      }
      if (h && h.level <= 2 && !current.title) {
        section = text;
        continue;
      }
      if (roles.includes('deadline') && text.length <= 20 && parseDeadline(text, ctx)) {
        addDeadlineCell(current, text);
        lastUnitRole = null;
        continue;
      }
      // 责任领导 / 责任人 columns name people: the item's leader or contact, never a unit.
      if (current.title && (roles.includes('person') || roles.includes('contact')) && looksLikePersons(text) && !isUnitCell(text)) {
        const toContacts = !roles.includes('person') || (current.leaders.length > 0 && roles.includes('contact'));
        (toContacts ? current.contacts : current.leaders).push(...splitPersons(text));
        continue;
      }
      if (EMPTY_CELL.test(text)) {
        // "—" or "/" stands for an empty cell: after the title it is most often a unit column.
        const left = unitRolesLeft();
        if (current.title && left.length > 0 && filledUnits < left.length) filledUnits++;
        continue;
      }
      if (!current.title) {
        current.title = titleOf(text) || text;
        current.contentParts.push(text);
        continue;
      }
      const unitRoles = unitRolesLeft();
      if (unitRoles.length > 0 && filledUnits < unitRoles.length && isUnitCell(text)) {
        const role = unitRoles[filledUnits++] as 'lead' | 'responsible' | 'assisting';
        current[role].push(text);
        lastUnitRole = role;
        continue;
      }
      // The last unit column written one unit per line ("县水务局" / "县住建局" / "县护城河指挥部"),
      // a bracket on its own line finishing the name above it ("高新园" / "(邹区镇)").
      if (lastUnitRole && /^[(（][^()（）]{1,12}[)）]$/.test(text)) {
        const list = current[lastUnitRole];
        list[list.length - 1] += text;
        continue;
      }
      if (lastUnitRole && isUnitCell(text)) {
        current[lastUnitRole].push(text);
        continue;
      }
      lastUnitRole = null;
      const contentCell = roles.includes('content') && current.steps.length === 0 && current.contentParts.length <= 1;
      if (contentCell || !roles.includes('goal')) current.contentParts.push(text);
      else current.goalParts.push(text);
    }
  }
  applyGroups(drafts, groupOf);
  for (const d of drafts) d.contentParts.push(...d.steps.map((s) => s.text));
  markAssistingGroups(drafts);
  return drafts;
}

/** Group letters (A, B, …) only when a plan has more than one table; codes become "B-4". */
export function applyGroups(drafts: TaskDraft[], groupOf: Map<TaskDraft, number>): void {
  if (new Set(groupOf.values()).size <= 1) return;
  for (const d of drafts) {
    const g = groupOf.get(d) ?? 1;
    d.group = g <= 26 ? String.fromCharCode(64 + g) : `G${g}`;
    d.code = `${d.group}-${d.code}`;
  }
}

/**
 * A table where most items say 协助/配合 lists work the issuer only supports (seed 002's second
 * table): the issuer becomes an assisting unit and the unit it supports leads.
 */
export function markAssistingGroups(drafts: TaskDraft[]): void {
  const byGroup = new Map<string | null, TaskDraft[]>();
  for (const d of drafts) byGroup.set(d.group, [...(byGroup.get(d.group) ?? []), d]);
  for (const list of byGroup.values()) {
    const assisting = list.filter((d) =>
      /协助|配合/.test([d.title, ...d.contentParts, ...d.goalParts, ...d.steps.map((s) => s.text)].join('\n')),
    );
    if (list.length >= 2 && assisting.length / list.length >= 0.4) {
      for (const d of list) if (d.lead.length === 0) d.issuerAssists = true;
    }
  }
}
