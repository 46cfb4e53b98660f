import { parseChineseNumeral } from './chinese-numerals';

/**
 * Heading levels of Chinese official documents (GB/T 9704 practice):
 * 0 第一部分/第一章, 0.5 第一节, 1 一、, 2 (一), 3 1. / 1、 / 任务一：, 4 (1), 5 ①.
 * Levels are numbers so a bare keyword heading ("办理要求") can float just above what follows it.
 */
export type HeadingLevel = number;

export interface Heading {
  level: HeadingLevel;
  /** The number as written ("一", "3", "①"), or null when the document lost it (")全力推进…"). */
  marker: string | null;
  /** Numeric value of the marker, when it has one. */
  value: number | null;
  /** Text after the marker. */
  rest: string;
  /** True for bare section keywords such as "主要目标" / "重点工作". */
  keyword: boolean;
  /** 部分/章/篇/节 for level 0 and 0.5 headings. */
  word?: string;
}

const CN = '[一二三四五六七八九十]{1,3}';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

const SECTION_KEYWORD =
  /^(主要目标|目标任务|工作目标|发展目标|总体目标|年度目标|主要任务|重点任务|重点工作|主要工作|工作任务|具体任务|任务分工|主要措施|工作措施|重点措施|具体措施|保障措施|工作要求|组织保障|组织实施|指导思想|总体要求|基本原则|工作原则|办理要求|督办要求|报送要求|有关要求|落实要求)[:：]?$/;

const PART_RE = new RegExp(`^第(${CN}|\\d{1,2})(部分|章|篇|节)\\s*(.*)$`);
// 督办通知 blocks: "任务一：…", "督办事项2：…", "事项三、…".
const TASK_RE = new RegExp(`^(?:督办|重点)?(?:任务|事项)\\s*(${CN}|\\d{1,3})\\s*[:：、.．]\\s*(\\S.*)$`);
const L1_RE = new RegExp(`^(${CN})\\s*[、.．]\\s*(.*)$`);
const L2_RE = new RegExp(`^[(（]\\s*(${CN})\\s*[)）]\\s*[、.．]?\\s*(.*)$`);
const L5_RE = new RegExp(`^([${CIRCLED}])\\s*(.*)$`);
// Every heading starts with one of these characters; the rest of the lines skip all regexes.
const HEAD_START = new RegExp(`^[第一二三四五六七八九十(（)）\\d${CIRCLED}主目重工具任保组指总基年发督事办报有落]`);

export function classifyHeading(text: string): Heading | null {
  if (!HEAD_START.test(text)) return null;
  let m: RegExpExecArray | null;
  if ((m = PART_RE.exec(text))) {
    const level = m[2] === '节' ? 0.5 : 0;
    const value = /^\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
    return { level, marker: m[1], value, rest: m[3].trim(), keyword: false, word: m[2] };
  }
  if ((m = TASK_RE.exec(text))) {
    const value = /^\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
    return { level: 3, marker: m[1], value, rest: m[2].trim(), keyword: false };
  }
  if ((m = L1_RE.exec(text))) {
    return { level: 1, marker: m[1], value: parseChineseNumeral(m[1]), rest: m[2].trim(), keyword: false };
  }
  if ((m = L2_RE.exec(text))) {
    return { level: 2, marker: m[1], value: parseChineseNumeral(m[1]), rest: m[2].trim(), keyword: false };
  }
  // Broken "(一)" headings seen on web copies: "()引育…" and ")全力推进…" lost their number.
  if ((m = /^(?:[(（]\s*[)）]|[)）])\s*(\S.*)$/.exec(text))) {
    return { level: 2, marker: null, value: null, rest: m[1].trim(), keyword: false };
  }
  if ((m = /^(\d{1,3})\s*(?:[.．、](?!\d)|\s(?=[\u4e00-\u9fa5]))\s*(.*)$/.exec(text))) {
    if (/^\d{4}$/.test(m[1])) return null;
    return { level: 3, marker: m[1], value: Number(m[1]), rest: m[2].trim(), keyword: false };
  }
  if ((m = /^[(（]\s*(\d{1,3})\s*[)）]\s*[、.．]?\s*(.*)$/.exec(text))) {
    return { level: 4, marker: m[1], value: Number(m[1]), rest: m[2].trim(), keyword: false };
  }
  if ((m = L5_RE.exec(text))) {
    return { level: 5, marker: m[1], value: CIRCLED.indexOf(m[1]) + 1, rest: m[2].trim(), keyword: false };
  }
  if (SECTION_KEYWORD.test(text)) {
    return { level: 1, marker: null, value: null, rest: text.replace(/[:：]$/, ''), keyword: true };
  }
  return null;
}

export type SectionKind = 'target' | 'task' | 'guidance' | 'closing';

/** What a top-level section is for, judged from its heading text. */
export function sectionKind(title: string): SectionKind {
  const t = title.replace(/[\s:：。]/g, '');
  if (/^(主要|发展|总体|工作|年度|预期)?目标(任务)?$|^主要目标|^(发展|总体|工作|年度)目标/.test(t)) return 'target';
  if (/^(保障措施|组织保障|工作保障|保障机制|实施保障|工作要求|组织实施|组织领导|监督检查|督查考核|考核评估|有关要求|其他事项|办理要求|督办要求|报送要求|落实要求)/.test(t))
    return 'closing';
  if (/^(指导思想|总体要求|基本原则|工作原则|总体思路|工作思路|编制依据|背景|现状|形势)/.test(t)) return 'guidance';
  return 'task';
}

/** A table header cell (flattened web tables put one per line). */
export type ColumnRole = 'no' | 'title' | 'content' | 'goal' | 'deadline' | 'lead' | 'responsible' | 'assisting' | 'section' | 'person' | 'contact' | 'note';

const COLUMNS: [ColumnRole, RegExp][] = [
  ['no', /^(序号|编号|序|项目编号|任务编号)$/],
  ['title', /^(责任事项|重点任务|主要任务|工作任务|任务|事项|任务名称|重点工作|工作事项|目标任务|项目名称|项目内容|改革事项|任务事项|工作名称|重点事项|主要工作|督办事项|督办内容|督办任务|民生实事|实事项目|重点工作任务(?:分解)?|目标与任务|重点工作目标任务|具体工作任务和要求|整改任务|问题|存在问题|反馈问题)$/],
  ['content', /^(具体工作内容|工作内容|工作措施|具体措施|主要措施|主要内容|任务内容|具体任务|推进措施|工作举措|具体举措|具体内容|实施内容|任务要求|工作要求|工作标准|整改措施)$/],
  ['goal', /^(工作目标|目标|预期目标|预期成效|完成标准|阶段目标|年度目标|目标要求|成果形式|整改目标)$/],
  ['deadline', /^(完成时限|时间节点|完成时间|时限|时限要求|进度安排|完成期限|办结时限|时间安排|办理时限|截止时间|截止日期|计划完成时间|完成时限要求|时间要求|整改时限)$/],
  ['lead', /^(牵头单位|牵头部门|牵头责任单位|主责单位|牵头科室)$/],
  ['responsible', /^(责任单位|责任部门|承办单位|实施单位|责任主体|责任科室|责任处室)$/],
  ['assisting', /^(配合单位|协办单位|配合部门|协助单位|参与单位|协同单位|协同责任单位)$/],
  ['section', /^(类别|分类|领域|板块|专项|项目|目标名称)$/],
  // People: the item's named leader or contact, never units.
  ['person', /^(责任领导|分管领导|牵头领导|牵头负责领导|分管县领导|分管市领导|分管区领导|牵头县领导|牵头市领导|区政府分管领导|县政府分管领导|市政府分管领导|包保领导)$/],
  ['contact', /^(责任人|联系人|项目责任人|具体责任人)$/],
  // Columns a 督办台账 carries that are no task field: read past, never mistaken for content.
  ['note', /^(备注|说明|进展情况|完成情况|落实情况|工作进展|推进情况|办理情况|当前进度|年度完成情况|完成成效|监督方式|督办单位|进度)$/],
];

/** Characters columnRole drops before naming a cell: whitespace (as \s counts it), colons, * and |. */
function dropped(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3a || c === 0xff1a || c === 0x2a || c === 0x7c ||
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Whether a cell is too long to be a header name: counted up to its first bracket (a trailing
 * remark may be long), more than 12 kept characters plus a leading "2022年度" (6). Nearly every line
 * of a document is a sentence far longer than that: it is answered without building the cleaned copy.
 */
function tooLongForHeader(cell: string): boolean {
  if (cell.length <= 18) return false;
  let kept = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) return false;
    if (!dropped(c) && ++kept > 18) return true;
  }
  return false;
}

export function columnRole(cell: string): ColumnRole | null {
  if (tooLongForHeader(cell)) return null;
  // "2022年预期目标", "区政府 分管领导", "项 目 内 容": years, spaces and a trailing remark are not the name.
  const t = cell
    .replace(/[\s:：*|]/g, '')
    .replace(/[(（].*[)）]$/, '')
    .replace(/^\d{4}年度?/, '');
  if (!t || t.length > 12) return null;
  for (const [role, re] of COLUMNS) if (re.test(t)) return role;
  return null;
}
