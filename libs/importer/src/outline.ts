import { toChineseNumeral } from './chinese-numerals';
import { addStep, newDraft, titleOf, type TaskDraft } from './drafts';
import { classifyHeading, sectionKind, type Heading } from './headings';
import type { Line } from './types';
import { findRoleTails, findUnitTail, firstLabel, hasUnitLabel, LABEL_NAMES, readLabels, readPersons } from './units';

/** A heading with the paragraphs and sub-headings under it. */
interface Node {
  heading: Heading | null;
  line: Line;
  text: string;
  paras: Line[];
  children: Node[];
  /** 1-based position among siblings of the same level: numbers headings that lost theirs. */
  position: number;
}

/** Targets read from a 主要目标 section: numbered items, or clauses of a paragraph. */
export interface TargetDraft {
  code: string | null;
  text: string;
  line: number;
  /** True for a paragraph, which is split into clauses carrying numbers. */
  paragraph: boolean;
}

function level(n: Node): number {
  return n.heading ? n.heading.level : -1;
}

export function buildTree(lines: Line[]): Node {
  const root: Node = { heading: null, line: { no: 0, text: '' }, text: '', paras: [], children: [], position: 0 };
  const stack: Node[] = [root];
  const headings = lines.map((l) => classifyHeading(l.text));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let h = headings[i];
    if (h?.keyword) {
      // A bare keyword ("主要目标", "办理要求") heads whatever numbered items follow it, whatever
      // their level: it floats just above the next numbered heading (but never below 一、).
      const next = headings.slice(i + 1).find((x) => x && !x.keyword);
      const below = next ? Math.min(next.level, 1) : 1;
      h = { ...h, level: below - 0.25 };
    }
    if (!h) {
      stack[stack.length - 1].paras.push(line);
      continue;
    }
    while (stack.length > 1 && level(stack[stack.length - 1]) >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    const position = parent.children.filter((c) => level(c) === h.level).length + 1;
    const node: Node = { heading: h, line, text: h.rest, paras: [], children: [], position };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

function hasOwnText(n: Node): boolean {
  return n.paras.length > 0 || /[。；;]/.test(n.text.replace(/[。；;]$/, '')) || n.text.length > 50;
}

/** A node whose children are the tasks (sections, subsections) rather than a task with steps. */
function isContainer(n: Node): boolean {
  if (n.children.length === 0) return false;
  if (n.children.some((c) => level(c) <= 3)) return true;
  // A "1." item holds steps "(1)"/"①", whether or not it says more than its title.
  if (level(n) === 3) return false;
  return n.heading?.keyword === true || !hasOwnText(n);
}

function markerText(n: Node): string {
  const h = n.heading;
  if (!h) return '';
  if (h.keyword) return '';
  const value = h.marker ?? (h.level <= 2 ? toChineseNumeral(n.position) : String(n.position));
  switch (h.level) {
    case 0:
    case 0.5:
      return `第${value}${h.word ?? '部分'}`;
    case 1:
      return `${value}、`;
    case 2:
      return `(${value})`;
    case 3:
      return `${value}.`;
    case 4:
      return `(${value})`;
    default:
      return value;
  }
}

function label(n: Node): string {
  return `${markerText(n)}${n.text}`.trim();
}

function flattenSteps(n: Node, out: Node[] = []): Node[] {
  for (const c of n.children) {
    out.push(c);
    flattenSteps(c, out);
  }
  return out;
}

interface RawItem {
  node: Node;
  section: string | null;
  container: number;
}

/** Lines that name units or dates for the item ("责任单位：…", "时间安排：…"), wherever they sit. */
const LABEL_LINE = new RegExp(`^(?:${LABEL_NAMES})\\s*[:：]`);
const ROLE_LINE = /^(牵头|责任|配合|协办|协助|协同|参与|部门分工|分管|项目责任人|联系人|完成时限|完成时间|时间节点|时限|时间安排|进度安排|办理时限)/;

/**
 * Inline steps inside one paragraph: "…。①4月底前…；②…；③…" or "…。（1）…；（2）…". Only a run
 * numbered from 1 in order counts, so "(2019-2021)" or a lone "①" stays text.
 */
function inlineSteps(text: string): { head: string; steps: { code: string; text: string }[] } | null {
  const circled = [...text.matchAll(/[①-⑳]/g)];
  const paren = [...text.matchAll(/[(（](\d{1,2})[)）]/g)];
  const pick = (hits: RegExpMatchArray[], value: (m: RegExpMatchArray) => number) => {
    const run: RegExpMatchArray[] = [];
    for (const m of hits) if (value(m) === run.length + 1) run.push(m);
    return run.length >= 2 ? run : null;
  };
  const run =
    pick(circled, (m) => m[0].charCodeAt(0) - 0x2460 + 1) ?? pick(paren, (m) => Number(m[1]));
  if (!run) return null;
  const steps = run.map((m, k) => {
    const from = m.index ?? 0;
    const to = k + 1 < run.length ? run[k + 1].index ?? text.length : text.length;
    const code = /^[①-⑳]$/.test(m[0]) ? m[0] : `(${m[1]})`;
    return { code, text: text.slice(from, to).trim() };
  });
  return { head: text.slice(0, run[0].index ?? 0).trim(), steps };
}

function itemDraft(item: RawItem): TaskDraft {
  const n = item.node;
  const stepNodes = flattenSteps(n);
  // Label lines that follow the last step belong to the item, not to that step.
  const lifted: Line[] = [];
  const stepParas = new Map<Node, Line[]>();
  for (const s of stepNodes) {
    const keep: Line[] = [];
    for (const p of s.paras) (LABEL_LINE.test(p.text) ? lifted : keep).push(p);
    stepParas.set(s, keep);
  }
  const paras = [...n.paras, ...lifted];
  const own = [n.text, ...paras.map((p) => p.text)].filter((t) => t);
  const d = newDraft('', n.line.no, { section: item.section });
  d.title = titleOf(own[0] ?? '') || titleOf(own[1] ?? '');
  const stepText = (s: Node) => [s.text, ...(stepParas.get(s) ?? []).map((p) => p.text)].join('\n');
  for (const s of stepNodes) {
    addStep(d, `${markerText(s)}`.replace(/\.$/, '') || `(${s.position})`, stepText(s), s.line.no);
  }
  d.contentParts = [...own, ...stepNodes.map((s) => `${markerText(s)}${stepText(s)}`)];
  if (stepNodes.length === 0) {
    // Steps written inline in the item's first paragraph; the unit tail after the last one is not a step.
    const inline = inlineSteps(n.text);
    if (inline) {
      for (const st of inline.steps) {
        let text = st.text;
        const tails = findRoleTails(text);
        const labelled = findUnitTail(text);
        const cut = Math.min(tails[tails.length - 1]?.index ?? text.length, labelled?.index ?? text.length);
        text = text.slice(0, cut).replace(/[；;，,。\s]+$/, '');
        addStep(d, st.code, text.replace(/^([①-⑳]|[(（]\d{1,2}[)）])\s*/, ''), n.line.no);
      }
    }
  }
  // Units and dates: "(牵头单位:X;责任单位:A)" tails, "（X牵头，Y按职责分工负责）" tails, or
  // separate "牵头单位:…" lines.
  const all = d.contentParts.join('\n');
  const tail = findUnitTail(all);
  const sources = tail ? [tail.inner] : [];
  for (const p of [n.text, ...paras.map((l) => l.text)]) {
    if (ROLE_LINE.test(p)) sources.push(p);
    else {
      // "1.地区生产总值增长6%以上。牵头单位:市发改委;责任单位:…": labels after the item's sentence.
      const at = hasUnitLabel(p);
      if (at > 0 && (!tail || !p.includes(tail.inner))) sources.push(p.slice(Math.min(at, Math.max(0, firstLabel(p)))));
    }
  }
  let labelled = false;
  for (const src of sources) {
    const people = readPersons(src);
    if (people) {
      d.leaders.push(...people.leaders);
      d.contacts.push(...people.contacts);
    }
    const f = readLabels(src);
    if (!f) continue;
    labelled = true;
    d.lead.push(...f.lead);
    d.responsible.push(...f.responsible);
    d.assisting.push(...f.assisting);
    if (f.deadline) d.itemDeadlines.push(f.deadline);
  }
  if (!labelled) {
    for (const t of findRoleTails(own.join('\n'))) {
      d.lead.push(...t.fields.lead);
      d.responsible.push(...t.fields.responsible);
      d.assisting.push(...t.fields.assisting);
    }
  }
  return d;
}

function assignCodes(items: RawItem[], drafts: TaskDraft[]): void {
  // Chinese-numbered items (一、 (一) 任务一) count by their value, so "第二节 一、" can be "2.1".
  const markers = items.map((i) => {
    const h = i.node.heading;
    return h?.marker && h.value !== null && /^(\d+|[一二三四五六七八九十]+)$/.test(h.marker) ? String(h.value) : null;
  });
  const numeric = markers.every((m) => m !== null && /^\d+$/.test(m));
  const unique = (codes: string[]) => new Set(codes).size === codes.length;
  let codes: string[];
  if (numeric && unique(markers as string[])) {
    codes = markers as string[];
  } else if (numeric && unique(items.map((i, k) => `${i.container}.${markers[k]}`))) {
    // Numbering restarts in each (一)(二) section: "2.3" = section 2, item 3, counting only the
    // sections that hold items (not the 二、重点任务 heading above them).
    const sectionNo = new Map<number, number>();
    for (const i of items) if (!sectionNo.has(i.container)) sectionNo.set(i.container, sectionNo.size + 1);
    codes = items.map((i, k) => `${sectionNo.get(i.container)}.${markers[k]}`);
  } else {
    codes = items.map((_, k) => String(k + 1));
  }
  drafts.forEach((d, k) => (d.code = codes[k]));
}

/** Reads the heading outline of a plan: 主要目标 → targets, task sections → task drafts. */
export function readOutline(lines: Line[]): { tasks: TaskDraft[]; targets: TargetDraft[] } {
  const root = buildTree(lines);
  const items: RawItem[] = [];
  const targets: TargetDraft[] = [];
  let containers = 0;

  const walk = (node: Node, section: string | null, container: number) => {
    for (const c of node.children) {
      // "(一)总体要求：…（省发展改革委牵头，…负责）": a guidance heading that assigns units is a task.
      const assigns = () => [c.text, ...c.paras.map((p) => p.text)].some((t) => findRoleTails(t).length > 0 || hasUnitLabel(t) >= 0);
      const kind = level(c) <= 2 && !(c.children.length === 0 && assigns()) ? sectionKind(c.text) : 'task';
      if (kind === 'guidance' || kind === 'closing') {
        // "第一章 总体要求 / 第二节 主要目标": targets may sit inside a guidance chapter.
        for (const g of c.children) {
          if (level(g) <= 2 && sectionKind(g.text) === 'target' && g.text.length <= 12) readTargets(g, targets);
        }
        continue;
      }
      if (kind === 'target' && (c.heading?.keyword || level(c) <= 2) && c.text.length <= 12) {
        readTargets(c, targets);
        continue;
      }
      if (isContainer(c)) {
        const index = ++containers;
        walk(c, c.heading?.keyword && section ? section : label(c), index);
      } else {
        items.push({ node: c, section, container });
      }
    }
  };
  walk(root, null, 0);
  const drafts = items.map(itemDraft);
  assignCodes(items, drafts);
  return { tasks: drafts, targets };
}

function readTargets(n: Node, out: TargetDraft[]): void {
  if (n.children.length > 0) {
    for (const c of n.children) {
      const text = [c.text, ...c.paras.map((p) => p.text)].join('\n');
      out.push({ code: c.heading?.marker ?? String(c.position), text, line: c.line.no, paragraph: false });
    }
    return;
  }
  for (const p of n.paras) out.push({ code: null, text: p.text, line: p.no, paragraph: true });
}
