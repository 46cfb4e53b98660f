/**
 * Unit lists as documents write them: "市科技局、市财政局,东湖高新区、武汉经开区管委会,
 * 江岸区、硚口区人民政府,各区人民政府〈含开发区管委会,下同〉".
 */
export interface UnitList {
  units: string[];
  /** Bracketed remarks such as "含开发区管委会,下同": kept, never mistaken for names. */
  notes: string[];
  /** Units marked "(牵头)" inside the list: "责任单位:市科技局(牵头)、市财政局". */
  marked: string[];
}

/** Endings that make a string read as an organisation name. */
const UNIT_END =
  /(局|委|办|厅|院|区|县|市|省|州|旗|镇|乡|街道|政府|管委会|委员会|中心|公司|集团|会|部|所|校|行|社|处|站|队|室|组|单位|团|协|联|馆|台|署|司|科|股|盟|办事处|小组|机构|学|园)$/;

/** Suffixes a list can share: "江岸区、硚口区人民政府" means both 人民政府. */
const SHARED_SUFFIXES = ['人民政府', '管理委员会', '管委会', '党工委', '党委', '政府', '委员会', '办事处'];
const PLACE_END = /(区|县|市|省|州|旗|镇|乡|街道)$/;

export function looksLikeUnit(name: string): boolean {
  const n = name.trim();
  return n.length >= 2 && n.length <= 40 && UNIT_END.test(n) && !/[。！？]/.test(n);
}

function hasSharedSuffix(name: string): string | null {
  for (const suf of SHARED_SUFFIXES) {
    if (name.endsWith(suf) && PLACE_END.test(name.slice(0, -suf.length))) return suf;
  }
  return null;
}

/** Splits "A和B" only where both sides read as units: 市自然资源和规划局 stays whole. */
function splitConjunctions(part: string): string[] {
  for (let i = 1; i < part.length - 1; i++) {
    const c = part[i];
    if (c !== '和' && c !== '及' && c !== '与') continue;
    const left = part.slice(0, i);
    const right = part.slice(i + 1);
    if (looksLikeUnit(left) && (looksLikeUnit(right) || PLACE_END.test(right))) {
      return [left, ...splitConjunctions(right)];
    }
  }
  return [part];
}

/** How a clause of a unit list ends: "省财政厅等按职责分工负责", "省商务厅牵头", "各市州人民政府负责落实". */
const ROLE_END =
  /(?:按职责分工负责|按职责分工落实|按职责分工|按职责负责|分工负责|共同负责|负责落实|具体负责|牵头负责|牵头落实|负责|牵头|配合落实|配合|参与|协助)$/;

function stripNoise(name: string): string {
  return name
    .replace(/^(由|会同|联合|协调|配合|协助)/, '')
    .replace(ROLE_END, '')
    .replace(/(等单位|等部门|等)$/, '')
    .replace(/^[\s"'“”‘’]+|[\s"'“”‘’。.]+$/g, '')
    .trim();
}

export function splitUnits(text: string): UnitList {
  const notes: string[] = [];
  const marked = [...text.matchAll(/([^、，,;；\s(（]+)[(（]\s*牵头\s*[)）]/g)].map((m) => stripNoise(m[1]));
  // Brackets first: a note may itself contain separators ("含开发区管委会,下同"). Only brackets that
  // end a name are notes; 中国(武汉)知识产权保护中心 keeps its inner bracket.
  const noteRe = /[〈(（【[]([^〈〉《》()（）【】[\]]*)[〉》)）】\]](?=[、，,;；\s〈(（]|$)/g;
  const withoutNotes = text.replace(noteRe, (_, inner: string) => {
    const n = inner.trim();
    if (n) notes.push(n);
    return '';
  });
  const units: string[] = [];
  // Separators inside brackets that stay in a name ("各县（市、区）人民政府") must not split it.
  let depth = 0;
  const guarded = [...withoutNotes]
    .map((c) => {
      if (/[(（〈【[]/.test(c)) depth++;
      else if (/[)）〉】\]]/.test(c)) depth = Math.max(0, depth - 1);
      return depth > 0 && /[、，,;；\s/]/.test(c) ? `\u0001${c.charCodeAt(0)}\u0002` : c;
    })
    .join('');
  const unguard = (s: string) => s.replace(/\u0001(\d+)\u0002/g, (_, code: string) => String.fromCharCode(Number(code)));
  // Clauses split by , ; — a shared suffix only reaches back across 、 within one clause.
  for (const rawClause of guarded.split(/[，,;；\n]+/)) {
    // "县发改局牵头，县直各相关单位按职责分工负责": a clause ending in 牵头 names leads only.
    const clause = rawClause.trim();
    const leadsOnly = /牵头(负责|落实)?$/.test(clause) && !/[(（]\s*牵头\s*[)）]$/.test(clause);
    const parts = clause
      .split(/[、\s/]+/)
      .map(unguard)
      .flatMap((p) => splitConjunctions(p.trim()))
      .map(stripNoise)
      .filter((p) => p.length > 0);
    for (let i = parts.length - 1; i >= 0; i--) {
      const suf = hasSharedSuffix(parts[i]);
      if (!suf) continue;
      for (let j = i - 1; j >= 0 && PLACE_END.test(parts[j]) && !hasSharedSuffix(parts[j]); j--) {
        parts[j] = parts[j] + suf;
      }
    }
    if (leadsOnly) {
      for (const p of parts) if (!marked.includes(p)) marked.push(p);
      continue;
    }
    for (const p of parts) if (!units.includes(p)) units.push(p);
  }
  return { units, notes, marked };
}

/** Labels that introduce unit lists or deadlines, in tails "(牵头单位:X;责任单位:A、B)" and lines. */
export type UnitRole = 'lead' | 'responsible' | 'assisting';
const LABELS: [RegExp, UnitRole | 'deadline' | 'other'][] = [
  [/^(牵头单位|牵头部门|牵头)$/, 'lead'],
  [/^(责任单位|责任部门|主责单位|承办单位|实施单位)$/, 'responsible'],
  [/^(配合单位|配合部门|协办单位|协助单位|参与单位|协同单位|配合)$/, 'assisting'],
  [/^(完成时限|完成时间|时间节点|时限要求|时限|办结时限|完成期限|时间安排|进度安排|办理时限|截止时间|截止日期)$/, 'deadline'],
  [/^(责任领导|牵头领导|分管领导|责任人|联系人|工作要求|办理要求)$/, 'other'],
];
/** Label names, as a regex alternation; "责任领导" etc. are read only to end the value before them. */
export const LABEL_NAMES =
  '牵头单位|牵头部门|责任单位|责任部门|主责单位|承办单位|实施单位|配合单位|配合部门|协办单位|协助单位|参与单位|协同单位|完成时限|完成时间|时间节点|时限要求|办结时限|完成期限|时间安排|进度安排|办理时限|截止时间|截止日期|责任领导|牵头领导|分管领导|责任人|联系人|工作要求|办理要求';
const LABEL_RE = new RegExp(`(${LABEL_NAMES})\\s*[:：]`, 'g');

export interface LabelledFields {
  lead: string[];
  responsible: string[];
  assisting: string[];
  deadline: string | null;
}

/** Reads "牵头单位:X;责任单位:A、B 完成时限:6月底前"; returns null when no label is present. */
export function readLabels(text: string): LabelledFields | null {
  const hits = [...text.matchAll(LABEL_RE)];
  if (!hits.some((h) => !/领导|责任人|联系人|要求/.test(h[1]))) return null;
  const out: LabelledFields = { lead: [], responsible: [], assisting: [], deadline: null };
  hits.forEach((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = i + 1 < hits.length ? hits[i + 1].index ?? text.length : text.length;
    const value = text.slice(start, end).replace(/^[\s:：]+|[\s;；,，。]+$/g, '');
    const role = LABELS.find(([re]) => re.test(h[1]))?.[1];
    if (!role || !value || role === 'other') return;
    if (role === 'deadline') out.deadline = out.deadline ?? value;
    else out[role].push(value);
  });
  return out;
}

/** Finds the trailing "(牵头单位:…)" of an item; returns the tail's inner text and where it starts. */
export function findUnitTail(text: string): { inner: string; index: number } | null {
  const re = /[(（]\s*(牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|协办单位|完成时限)\s*[:：]/g;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) last = m;
  if (!last) return null;
  // The tail ends at its closing bracket (nested brackets in names are balanced), else at the end.
  let depth = 0;
  let end = text.length;
  for (let i = last.index; i < text.length; i++) {
    if (/[(（〈]/.test(text[i])) depth++;
    else if (/[)）〉》]/.test(text[i]) && --depth === 0) {
      end = i;
      break;
    }
  }
  const inner = text
    .slice(last.index + 1, end)
    .replace(/[)）]\s*[。.;；]?\s*$/, '')
    .trim();
  return { inner, index: last.index };
}

const ROLE_TAIL = /[(（]([^（()）]{2,160}?(?:牵头|负责|配合|参与|协助)[^（()）]{0,80})[)）]/g;

/**
 * Reads an unlabelled role tail as State Council style 分工 documents write it:
 * "（省发展改革委牵头，省财政厅等按职责分工负责）", "（各市州人民政府负责）",
 * "（省人社厅、省教育厅按职责分工负责）". Every clause must name units, else it is no tail.
 */
export function readRoleTail(inner: string): LabelledFields | null {
  const out: LabelledFields = { lead: [], responsible: [], assisting: [], deadline: null };
  for (const raw of inner.split(/[，,；;]/)) {
    const clause = raw.trim().replace(/[。.]$/, '');
    if (!clause) continue;
    const role = ROLE_END.exec(clause);
    const body = role ? clause.slice(0, -role[0].length) : clause;
    const list = splitUnits(body);
    if (list.units.length === 0 || !list.units.every((u) => looksLikeUnit(u) || /^各/.test(u))) return null;
    const word = role?.[0] ?? '';
    if (/牵头/.test(word)) out.lead.push(body);
    else if (/配合|参与|协助/.test(word)) out.assisting.push(body);
    else out.responsible.push(body);
  }
  return out.lead.length + out.responsible.length + out.assisting.length > 0 ? out : null;
}

/** Every role tail in an item's text, with where it sits (so titles can leave it out). */
export function findRoleTails(text: string): { fields: LabelledFields; index: number; length: number }[] {
  const out: { fields: LabelledFields; index: number; length: number }[] = [];
  ROLE_TAIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROLE_TAIL.exec(text))) {
    const fields = readRoleTail(m[1]);
    if (fields) out.push({ fields, index: m.index, length: m[0].length });
  }
  return out;
}
