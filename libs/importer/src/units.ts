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
  /(局|委|办|厅|院|区|县|市|省|州|旗|镇|乡|街道|政府|管委会|委员会|中心|公司|集团|会|部|所|校|行|社|处|站|队|室|组|单位|团|协|联|馆|台|署|司|科|股|盟|办事处|小组|机构|学|园|门|专班|国企|海关)$/;

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
  /(?:分别牵头负责|分别牵头|分别负责|按职责分工负责|按职责分工落实|按职责分工|按职责负责|分工负责|共同负责|负责落实|具体负责|牵头负责|牵头落实|负责|牵头|配合落实|配合|参与|协助)$/;

const ETC_TAIL = /等(?:相关|有关|其他|其它)?(?:单位|部门|机构|成员单位)?$/;

function stripNoise(name: string): string {
  return name
    .replace(/^[★☆*]+/, '')
    .replace(/^(由|会同|联合|协调|配合|协助)/, '')
    .replace(ROLE_END, '')
    .replace(/分别$/, '')
    .replace(ETC_TAIL, '')
    .replace(/^[\s"'“”‘’]+|[\s"'“”‘’。.]+$/g, '')
    .trim();
}

/** "各有关单位", "县各有关单位", "市直相关部门": words that name nobody, never a unit. */
const NOBODY = /^(?:[省市州县区乡镇]直?|[省市州县区]级)?(?:各|其他|其它)?(?:有关|相关)(?:单位|部门|方面)$/;

/** "省商务厅、财政厅": a list's first name gives its level to names written without one. */
const LEVEL_PREFIX = /^(省|市|州|县|区)/;
const PREFIXABLE = /^[\u4e00-\u9fa5]{2,10}(厅|局|委|办|委员会|中心)$/;
// Names that carry their own place or are not of the list's level: 河南银保监局, 人行…支行, 滁州海关.
const OWN_PLACE =
  /^(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|人行|国家|中央|各|全|本)|[省市州县区]|银保监|海关|支行/;

function spreadLevel(parts: string[]): string[] {
  const level = LEVEL_PREFIX.exec(parts[0] ?? '')?.[1];
  if (!level) return parts;
  return parts.map((p, i) => (i > 0 && PREFIXABLE.test(p) && !OWN_PLACE.test(p) ? level + p : p));
}

/**
 * Spaces inside a name are copy artefacts ("市 财政局", "伏羲 山管委 会"); a space between two whole
 * names ("县教体局 各相关乡镇政府") separates them.
 */
function joinSpaced(part: string): string[] {
  if (!/\s/.test(part)) return [part];
  const words = part.split(/\s+/).filter((w) => w);
  const out: string[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last !== undefined && !(looksLikeUnit(stripNoise(last)) && looksLikeUnit(stripNoise(w)))) out[out.length - 1] = last + w;
    else out.push(w);
  }
  return out;
}

const splitCache = new Map<string, UnitList>();

/** Each document starts with an empty memory, so speed is measured on what one import does. */
export function forgetUnitLists(): void {
  splitCache.clear();
}

/** Pure and called many times on the same lists (cells, tails, labels): remembered, copies handed out. */
export function splitUnits(input: string): UnitList {
  let hit = splitCache.get(input);
  if (!hit) {
    hit = splitUnitsOnce(input);
    if (splitCache.size > 5000) splitCache.clear();
    splitCache.set(input, hit);
  }
  return { units: [...hit.units], notes: [...hit.notes], marked: [...hit.marked] };
}

function splitUnitsOnce(input: string): UnitList {
  const notes: string[] = [];
  // "各县、市、区政府" is one group: its 、 joins place words, not names.
  const text = !input.includes('各') ? input : input.replace(/各([县市区乡镇])((?:、[县市区乡镇])+)(人民政府|政府)/g, (_, a: string, rest: string, gov: string) => `各${a}${rest.replace(/、/g, '\u0003')}${gov}`);
  const marked = !text.includes('牵头') ? [] : [...text.matchAll(/([^、，,;；\s(（]+)[(（]\s*牵头\s*[)）]/g)].map((m) => stripNoise(m[1]));
  // "★区发改委、统计局": the starred name leads.
  if (/[★☆]/.test(text)) for (const m of text.matchAll(/[★☆]\s*([^、，,;；\s]+)/g)) marked.push(stripNoise(m[1]));
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
  // Most lists have no bracket left, so nothing to guard.
  const guarded = !/[(（〈【[]/.test(withoutNotes)
    ? withoutNotes
    : [...withoutNotes]
        .map((c) => {
          if (/[(（〈【[]/.test(c)) depth++;
          else if (/[)）〉】\]]/.test(c)) depth = Math.max(0, depth - 1);
          return depth > 0 && /[、，,;；\s/]/.test(c) ? `\u0001${c.charCodeAt(0)}\u0002` : c;
        })
        .join('');
  const unguard = (s: string) => (!/[\u0001\u0003]/.test(s) ? s : s.replace(/\u0001(\d+)\u0002/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/\u0003/g, '、'));
  // Clauses split by , ; — a shared suffix only reaches back across 、 within one clause.
  for (const rawClause of guarded.split(/[，,;；\n]+/)) {
    // "县发改局牵头，县直各相关单位按职责分工负责": a clause ending in 牵头 names leads only.
    const clause = rawClause.trim();
    const leadsOnly = /牵头(负责|落实)?$/.test(clause) && !/[(（]\s*牵头\s*[)）]$/.test(clause);
    const parts = spreadLevel(
      clause
        .split(/[、/]+/)
        .flatMap(joinSpaced)
        .map(unguard)
        .flatMap((p) => splitConjunctions(p.trim()))
        .map(stripNoise)
        .filter((p) => p.length > 0),
    );
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
  // "各街道，各相关单位", "X、Y等相关部门": beside named units such words add nobody; alone
  // ("省直有关单位") they are what the document assigns, and stay.
  const named = units.filter((u) => !NOBODY.test(u));
  return { units: named.length > 0 ? named : units, notes, marked };
}

/** Labels that introduce unit lists, people or deadlines, in tails "(牵头单位:X;责任单位:A、B)" and lines. */
export type UnitRole = 'lead' | 'responsible' | 'assisting';
type LabelRole = UnitRole | 'deadline' | 'person' | 'contact' | 'split' | 'other';
const LABELS: [RegExp, LabelRole][] = [
  [/^(牵头单位|牵头部门|牵头责任单位|牵头科室|牵头处室|牵头股室|牵头)$/, 'lead'],
  [/^(责任单位|责任部门|主责单位|承办单位|实施单位|责任科室|责任处室|责任股室|主办单位)$/, 'responsible'],
  [/^(配合单位|配合部门|协办单位|协助单位|参与单位|协同单位|协同责任单位|配合科室|配合处室|配合)$/, 'assisting'],
  [/^(完成时限|完成时间|时间节点|时限要求|时限|办结时限|完成期限|时间安排|进度安排|办理时限|截止时间|截止日期)$/, 'deadline'],
  // "部门分工：省发展改革委牵头，各地、各部门配合": roles written in the value, as in role tails.
  [/^(部门分工|责任分工|任务分工|分工)$/, 'split'],
  [/^(责任领导|牵头领导|分管领导|牵头负责领导|分管省领导|分管市领导|牵头市领导|分管县领导|牵头县领导|分管区领导|牵头区领导|区政府分管领导)$/, 'person'],
  [/^(责任人|项目责任人|具体责任人|联系人)$/, 'contact'],
  [/^(工作要求|办理要求|实际完成情况|完成情况|进展情况|落实情况|工作进展)$/, 'other'],
];
/** Label names, longest first, as a regex alternation; people and progress labels end a unit value. */
export const LABEL_NAMES = LABELS.flatMap(([re]) => re.source.replace(/^\^\(|\)\$$/g, '').split('|'))
  .sort((a, b) => b.length - a.length)
  .join('|');
const LABEL_RE = new RegExp(`(${LABEL_NAMES})\\s*[:：]`, 'g');
const UNIT_LABEL_RE = new RegExp(`(?:${LABELS.filter(([, r]) => r === 'lead' || r === 'responsible' || r === 'assisting' || r === 'split')
  .flatMap(([re]) => re.source.replace(/^\^\(|\)\$$/g, '').split('|'))
  .join('|')})\\s*[:：]`);

/** Where the first label of any kind ("牵头领导:", "责任单位:", "完成时限:") starts, or -1. */
export function firstLabel(text: string): number {
  LABEL_RE.lastIndex = 0;
  const m = LABEL_RE.exec(text);
  LABEL_RE.lastIndex = 0;
  return m ? m.index : -1;
}

/** Whether a text carries a unit label anywhere ("…。牵头单位:市发改委;责任单位:…"). */
export function hasUnitLabel(text: string): number {
  if (!text.includes(':') && !text.includes('：')) return -1;
  const m = UNIT_LABEL_RE.exec(text);
  return m ? m.index : -1;
}

export interface LabelledFields {
  lead: string[];
  responsible: string[];
  assisting: string[];
  deadline: string | null;
  /** 责任领导/分管领导: people named as the item's leaders, never units. */
  leaders: string[];
  /** 责任人/联系人: people named as the item's contacts. */
  contacts: string[];
}

/** "陆 明俞 悦", "冼进、易承志", "钱 宇": names of people as tables and labels write them. */
export function splitPersons(value: string): string[] {
  const parts = value
    .split(/[、，,;；/]+/)
    .map((p) => p.replace(/^(?:(?:常务)?副?(?:省长|市长|县长|区长|州长|主任|书记|秘书长|局长|部长|主席|巡视员)|[^\s]{0,8}(?:局长|主任|书记|负责人))\s+/, '').trim())
    .filter((p) => p);
  const out: string[] = [];
  for (const p of parts) {
    const compact = p.replace(/\s+/g, '');
    // Two names run together with their inner spaces ("陆 明俞 悦") split where a space pattern repeats.
    const spaced = /^([\u4e00-\u9fa5]\s[\u4e00-\u9fa5]{1,2})([\u4e00-\u9fa5]\s[\u4e00-\u9fa5]{1,2})$/.exec(p);
    if (spaced) out.push(spaced[1].replace(/\s/g, ''), spaced[2].replace(/\s/g, ''));
    else if (/^[\u4e00-\u9fa5·]{2,4}$/.test(compact)) out.push(compact);
  }
  return out;
}

/** Whether a cell holds only people's names (2–4 characters each), not units or text. */
export function looksLikePersons(value: string): boolean {
  const t = value.trim();
  if (!t || t.length > 24 || /[。，,；;：:]/.test(t)) return false;
  const names = splitPersons(t);
  const parts = t.split(/[、，,;；/]+/).filter((p) => p.trim()).length;
  return names.length >= parts && names.every((n) => !looksLikeUnit(n) && !/[年月日的和与及]/.test(n));
}

/** "…按职责分工负责。具体任务均涉及…，下同。": what follows the list's full stop is a remark. */
function unitValue(value: string): { units: string; deadline: string | null } {
  let v = value.replace(/[。.].*$/s, '');
  let deadline: string | null = null;
  // "(牵头单位:X;责任单位:A、B，6月底完成)": a trailing clause that is a date is the deadline.
  const clauses = v.split(/[，,]/);
  const last = clauses[clauses.length - 1]?.trim() ?? '';
  if (clauses.length > 1 && /(\d|[一二三四五六七八九十]|年|季度)/.test(last) && /(前|底|末|完成|年内|季度|长期|持续)/.test(last)) {
    deadline = last;
    v = clauses.slice(0, -1).join('，');
  }
  return { units: v, deadline };
}

/** The people a line names: "责任领导：副市长 王某某" → leaders ['王某某']; null when it names none. */
export function readPersons(text: string): { leaders: string[]; contacts: string[] } | null {
  if (!/(领导|责任人|联系人)/.test(text)) return null;
  const hits = [...text.matchAll(LABEL_RE)];
  const out = { leaders: [] as string[], contacts: [] as string[] };
  hits.forEach((h, i) => {
    const role = LABELS.find(([re]) => re.test(h[1]))?.[1];
    if (role !== 'person' && role !== 'contact') return;
    const end = i + 1 < hits.length ? hits[i + 1].index ?? text.length : text.length;
    const value = text.slice((h.index ?? 0) + h[0].length, end).replace(/[。.].*$/s, '').replace(/[\s;；,，)）\]〕]+$/, '');
    (role === 'person' ? out.leaders : out.contacts).push(...splitPersons(value));
  });
  return out.leaders.length + out.contacts.length > 0 ? out : null;
}

/** Drops closing brackets a value does not open ("…各街办(新区)]" keeps its "(新区)"). */
function closeBrackets(v: string): string {
  let out = v;
  for (;;) {
    const opens = (out.match(/[(（〔[［〈]/g) ?? []).length;
    const closes = (out.match(/[)）〕\]］〉]/g) ?? []).length;
    if (closes <= opens || !/[)）〕\]］〉]\s*[;；,，。]*$/.test(out)) return out.replace(/[\s;；,，。]+$/, '');
    out = out.replace(/[)）〕\]］〉][\s;；,，。]*$/, '');
  }
}

/** Reads "牵头单位:X;责任单位:A、B 完成时限:6月底前"; returns null when no unit or date label is present. */
export function readLabels(text: string): LabelledFields | null {
  const hits = [...text.matchAll(LABEL_RE)];
  const roleOf = (label: string) => LABELS.find(([re]) => re.test(label))?.[1];
  if (!hits.some((h) => !['person', 'contact', 'other'].includes(roleOf(h[1]) ?? 'other'))) return null;
  const out: LabelledFields = { lead: [], responsible: [], assisting: [], deadline: null, leaders: [], contacts: [] };
  hits.forEach((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = i + 1 < hits.length ? hits[i + 1].index ?? text.length : text.length;
    const value = closeBrackets(text.slice(start, end).replace(/^[\s:：]+|[\s;；,，。]+$/g, ''));
    const role = roleOf(h[1]);
    if (!role || !value || role === 'other') return;
    if (role === 'deadline') out.deadline = out.deadline ?? value;
    else if (role === 'person') out.leaders.push(...splitPersons(value.replace(/[。.].*$/s, '')));
    else if (role === 'contact') out.contacts.push(...splitPersons(value.replace(/[。.].*$/s, '')));
    else if (role === 'split') {
      const fields = readRoleTail(value.replace(/[。.]$/, ''));
      if (fields) {
        out.lead.push(...fields.lead);
        out.responsible.push(...fields.responsible);
        out.assisting.push(...fields.assisting);
      } else out.responsible.push(value);
    } else {
      const v = unitValue(value);
      out[role].push(v.units);
      if (v.deadline) out.deadline = out.deadline ?? v.deadline;
    }
  });
  return out;
}

/** Finds the trailing "(牵头单位:…)" of an item; returns the tail's inner text and where it starts. */
export function findUnitTail(text: string): { inner: string; index: number } | null {
  if (!text.includes(':') && !text.includes('：')) return null; // every tail label ends in a colon
  const re = /[(（〔[［]\s*(?:责任领导[:：][^;；)）\]〕]*[;；]\s*)?(牵头单位|牵头部门|牵头责任单位|责任单位|责任部门|主责单位|配合单位|协办单位|完成时限|责任科室|责任处室|牵头科室|牵头处室|责任股室)\s*[:：]/g;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) last = m;
  if (!last) return null;
  // The tail ends at its closing bracket (nested brackets in names are balanced), else at the end.
  let depth = 0;
  let end = text.length;
  for (let i = last.index; i < text.length; i++) {
    const c = text[i];
    if ('(（〈〔[［'.includes(c)) depth++;
    else if (')）〉》〕]］'.includes(c) && --depth === 0) {
      end = i;
      break;
    }
  }
  const inner = closeBrackets(text.slice(last.index + 1, end).trim());
  return { inner, index: last.index };
}

const ROLE_TAIL = /[(（〔]((?:[^（()）〔〕]|[(（][^（()）]{1,12}[)）]){2,200}?)[)）〕]/g;
/** "分管副省长、协管副秘书长负责": officials named in a tail are people, not units. */
const OFFICIALS = /(省长|市长|县长|区长|州长|秘书长|书记|主任|领导)(负责|牵头)?$/;

/**
 * Reads an unlabelled role tail as State Council style 分工 documents write it:
 * "（省发展改革委牵头，省财政厅等按职责分工负责）", "（各市州人民政府负责）",
 * "（省人社厅、省教育厅按职责分工负责）". Every clause must name units, else it is no tail.
 */
export function readRoleTail(inner: string): LabelledFields | null {
  const out: LabelledFields = { lead: [], responsible: [], assisting: [], deadline: null, leaders: [], contacts: [] };
  // Only a tail that says who does what, or that is nothing but unit names ("(市发展改革委、财政局)").
  if (!/(牵头|负责|配合|参与|协助)/.test(inner) && !/^[^，,；;。]{2,120}$/.test(inner.trim())) return null;
  for (const raw of inner.split(/[，,；;]/)) {
    const clause = raw.trim().replace(/[。.]$/, '');
    if (!clause) continue;
    if (OFFICIALS.test(clause)) continue;
    const role = ROLE_END.exec(clause);
    const body = role ? clause.slice(0, -role[0].length) : clause;
    const list = splitUnits(body);
    if (list.units.length === 0 && list.marked.length === 0) {
      if (ETC_TAIL.test(body) || NOBODY.test(body.replace(/^等/, ''))) continue; // "各有关单位按职责分工负责"
      return null;
    }
    if (!list.units.every((u) => looksLikeUnit(u) || /^各/.test(u))) return null;
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
  if (!text.includes('(') && !text.includes('（') && !text.includes('〔')) return out; // no bracket, no tail
  ROLE_TAIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROLE_TAIL.exec(text))) {
    // A bracket with no role word is a tail only where the item ends ("…。(市发展改革委、财政局)").
    const atEnd = /^[\s。.;；]*$/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)) || /^\s*\n/.test(text.slice(m.index + m[0].length));
    if (!/(牵头|负责|配合|参与|协助)/.test(m[1]) && !atEnd) continue;
    const fields = readRoleTail(m[1]);
    if (fields) out.push({ fields, index: m.index, length: m[0].length });
  }
  return out;
}
