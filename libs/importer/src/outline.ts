import { toChineseNumeral } from './chinese-numerals';
import { addStep, newDraft, titleOf, type TaskDraft } from './drafts';
import { classifyHeading, sectionKind, type Heading } from './headings';
import type { Line } from './types';
import { findUnitTail, readLabels } from './units';

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
  for (const line of lines) {
    const h = classifyHeading(line.text);
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
  return n.heading?.keyword === true || !hasOwnText(n);
}

function markerText(n: Node): string {
  const h = n.heading;
  if (!h) return '';
  const value = h.marker ?? (h.level <= 2 ? toChineseNumeral(n.position) : String(n.position));
  switch (h.level) {
    case 0:
      return `第${value}部分`;
    case 1:
      return h.keyword ? '' : `${value}、`;
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

function itemDraft(item: RawItem): TaskDraft {
  const n = item.node;
  const own = [n.text, ...n.paras.map((p) => p.text)].filter((t) => t);
  const d = newDraft('', n.line.no, { section: item.section });
  d.title = titleOf(own[0] ?? '') || titleOf(own[1] ?? '');
  const stepNodes = flattenSteps(n);
  for (const s of stepNodes) {
    const text = [s.text, ...s.paras.map((p) => p.text)].join('\n');
    addStep(d, `${markerText(s)}`.replace(/\.$/, '') || `(${s.position})`, text, s.line.no);
  }
  d.contentParts = [...own, ...stepNodes.map((s) => `${markerText(s)}${[s.text, ...s.paras.map((p) => p.text)].join('\n')}`)];
  // Units and dates: "(牵头单位:X;责任单位:A)" tails, or separate "牵头单位:…" lines.
  const all = d.contentParts.join('\n');
  const tail = findUnitTail(all);
  const sources = tail ? [tail.inner] : [];
  for (const p of [n.text, ...n.paras.map((l) => l.text)]) {
    if (/^(牵头|责任|配合|协办|协助|参与|完成时限|完成时间|时间节点|时限)/.test(p)) sources.push(p);
  }
  for (const src of sources) {
    const f = readLabels(src);
    if (!f) continue;
    d.lead.push(...f.lead);
    d.responsible.push(...f.responsible);
    d.assisting.push(...f.assisting);
    if (f.deadline) d.itemDeadlines.push(f.deadline);
  }
  return d;
}

function assignCodes(items: RawItem[], drafts: TaskDraft[]): void {
  const markers = items.map((i) => i.node.heading?.marker ?? null);
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
      const kind = level(c) <= 2 ? sectionKind(c.text) : 'task';
      if (kind === 'guidance' || kind === 'closing') continue;
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
