import { splitPersons } from './units';
import { addDeadlineCell, addStep, newDraft, titleOf, type TaskDraft } from './drafts';
import { applyGroups, markAssistingGroups } from './flat-table';
import { classifyHeading, columnRole, type ColumnRole } from './headings';
import type { Line } from './types';

/** One worksheet (or a CSV file) as text cells; `name` is used in cell references. */
export interface Sheet {
  name: string;
  rows: string[][];
}

export interface TableRead {
  /** Rows above the header (a merged title row): they feed the plan title and year. */
  top: Line[];
  drafts: TaskDraft[];
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function findHeader(rows: string[][]): { index: number; roles: (ColumnRole | null)[] } | null {
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const roles = rows[i].map((c) => columnRole(c));
    const known = roles.filter((r) => r !== null);
    if (known.length >= 2 && (known.includes('title') || known.includes('content'))) return { index: i, roles };
  }
  return null;
}

/** Splits a content cell holding "(1)…(2)…" into steps; plain text stays one piece. */
function splitSteps(text: string): { code: string; text: string }[] {
  const parts = text.split(/(?=[(（]\d{1,2}[)）])|(?=[①-⑳])/).map((p) => p.trim()).filter(Boolean);
  return parts.map((p) => {
    const h = classifyHeading(p);
    return h && (h.level === 4 || h.level === 5) ? { code: `(${h.value})`, text: p } : { code: '', text: p };
  });
}

/**
 * Spreadsheet rows → task drafts. Blank or merged 序号/责任事项 cells continue the item above;
 * a 序号 of 1 after a higher number starts a new group. Row numbers stand in for line numbers.
 */
export function readSheets(sheets: Sheet[]): TableRead {
  const top: Line[] = [];
  const drafts: TaskDraft[] = [];
  const groupOf = new Map<TaskDraft, number>();
  let group = 0;
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows);
    if (!header) continue;
    for (let i = 0; i < header.index; i++) {
      const text = sheet.rows[i].filter((c) => c.trim()).join(' ');
      if (text) top.push({ no: i + 1, text });
    }
    const col = (role: ColumnRole) => header.roles.indexOf(role);
    const get = (row: string[], role: ColumnRole) => {
      const v = col(role) >= 0 ? (row[col(role)] ?? '').trim() : '';
      return /^[—–\-－/／无]{1,3}$|^暂无$/.test(v) ? '' : v; // "—", "/", "无": an empty cell
    };
    let current: TaskDraft | null = null;
    let lastNo = 0;
    let section: string | null = null;
    group++;
    let groupHasItems = false;
    for (let r = header.index + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      const filled = row.map((c) => c.trim()).filter(Boolean);
      if (filled.length === 0) continue;
      if (header.roles.every((role, k) => (row[k] ?? '').trim() === (role ? sheet.rows[header.index][k].trim() : ''))) {
        continue; // repeated header row
      }
      const no = get(row, 'no');
      const title = get(row, 'title');
      // A row with one filled cell that is a heading ("一、科技创新") is a section label.
      if (filled.length === 1 && classifyHeading(filled[0]) && !/^\d+$/.test(filled[0])) {
        section = filled[0];
        continue;
      }
      const sec = get(row, 'section');
      if (sec) section = sec;
      const sameItem = current && ((!no && (!title || title === current.title)) || (no && no === current.code.replace(/^[A-Z]+-/, '') && (!title || title === current.title)));
      if (!sameItem || !current) {
        const n = /^\d+$/.test(no) ? Number(no) : lastNo + 1;
        if (n === 1 && lastNo > 0 && groupHasItems) group++;
        lastNo = n;
        current = newDraft(String(n), r + 1, { section, expectsDeadline: col('deadline') >= 0 });
        current.title = titleOf(title) || title || titleOf(get(row, 'content'));
        if (title) current.contentParts.push(title);
        groupOf.set(current, group);
        drafts.push(current);
        groupHasItems = true;
      }
      const content = get(row, 'content');
      if (content) {
        for (const piece of splitSteps(content)) {
          if (piece.code) addStep(current, piece.code, piece.text, r + 1);
          else if (current.steps.length === 0 && current.contentParts.length <= 1) current.contentParts.push(piece.text);
          else addStep(current, `(${current.steps.length + 1})`, piece.text, r + 1);
        }
      }
      const goal = get(row, 'goal');
      if (goal && !current.goalParts.includes(goal)) current.goalParts.push(goal);
      for (const role of ['lead', 'responsible', 'assisting'] as const) {
        const v = get(row, role);
        if (v && !current[role].includes(v)) current[role].push(v);
      }
      const deadline = get(row, 'deadline');
      if (deadline) addDeadlineCell(current, deadline);
      const leaders = get(row, 'person');
      if (leaders) current.leaders.push(...splitPersons(leaders));
      const contacts = get(row, 'contact');
      if (contacts) current.contacts.push(...splitPersons(contacts));
    }
  }
  applyGroups(drafts, groupOf);
  for (const d of drafts) d.contentParts.push(...d.steps.map((s) => s.text));
  markAssistingGroups(drafts);
  return { top, drafts };
}
