import { classifyHeading, columnRole } from './headings';
import type { Line } from './types';

/** What page chrome tells us before we throw it away. */
export interface PageMeta {
  publishedAt: string | null;
  issuer: string | null;
  source: string | null;
  docNumber: string | null;
  /** The document's name from a 名称/标题 metadata line. */
  title?: string | null;
}

// Lines that are page furniture wherever they appear: no plan sentence looks like these.
const CHROME: RegExp[] = [
  /^今天是[:：]?/,
  // Accessibility and site switches: "• 无障碍", "- 设为首页", "关怀版 无障碍", "简体版 繁體版".
  /^(?:[•·\-*]\s*)?(?:无障碍(?:浏览|阅读)?|长辈版|长者版|长者模式|关怀版|设为首页|加入收藏|简体版|繁體版|繁体版|English|智能问答|个人中心|APP下载|APP)(?:\s*[|｜]?\s*(?:无障碍(?:浏览|阅读)?|长辈版|长者版|长者模式|关怀版|设为首页|加入收藏|简体版|繁體版|繁体版|信息无障碍|English|智能问答|个人中心|APP下载|APP))*\s*$/,
  /当前位置|您的位置|所在位置|现在的位置|位置\s*[:：]/,
  // Breadcrumbs: "首页 > 政务公开 > 政策文件", "网站首页 » 信息公开".
  /^(首页|网站首页|主页|返回首页)\s*[>»＞›/]/,
  /^(相关文件|相关链接|相关阅读|相关稿件|相关新闻|相关政策|政策解读|打印本页|关闭本页)[:：]?\s*$/,
  /字体[:：]?\s*[【[]?\s*大/,
  /【大】\s*【中】\s*【小】/,
  /〖打印〗|〖关闭窗口〗|【打印】|【关闭】|关闭窗口\s*$/,
  /[【〖[]\s*[^】〗\]]{0,6}(打印|关闭|收藏|纠错|返回|分享)[^】〗\]]{0,6}[】〗\]]/,
  /^(已阅\s*\d*|阅读次数[:：]?\s*\d*|浏览次数[:：]?\s*\d*|打印|关闭|分享|收藏|返回|返回顶部|\s|[|>·])+$/,
  /^扫一扫/,
  /我要纠错/,
  /ICP备|公网安备|网站标识码/,
  /技术维护|技术支持[:：]/,
  /主办.{0,30}承办|^主办[:：单]|^承办[:：单]/,
  /^(版权所有|Copyright|©)/i,
  /^(网站地图|联系我们|分享到|相关链接|上一篇|下一篇)/,
  /^附件[:：]?\s*$/,
  /^(联系电话|联系方式|电话|传真|邮编|邮箱|地址)[:：]?\s*[\d\-()（） ]*$/,
  /^[\d\-()（）+ ]{7,}$/,
];

/** Labels of publication metadata lines (索引号 blocks, 发布时间/发布单位, 信息来源 …). */
const META_LABEL =
  /(索\s*引\s*号|主题分类|分\s*类|发布机构|发布单位|发文机关|发文单位|发文日期|发布日期|发布时间|成文日期|生成日期|文\s*号|发文字号|效力状态|有\s*效\s*性|名\s*称|标\s*题|信息来源|来\s*源|日\s*期|字\s*体)\s*[:：]?/g;
const META_START = /^(索\s*引\s*号|发布|发文|成文日期|生成日期|日\s*期\s*[:：]|文\s*号|信息来源|来\s*源\s*[:：]|主题分类|名\s*称\s*[:：]|标\s*题\s*[:：])/;
const DATE_RE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const DOC_NO = /[\u4e00-\u9fa5]{1,10}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号/;

const pad = (s: string) => s.padStart(2, '0');

/** Body sentences can mention 主办/承办 or 打印; furniture lines are short and never end a sentence. */
function isFurnitureSized(t: string): boolean {
  return t.length <= 80 && !/。/.test(t);
}

function isNavLine(t: string): boolean {
  if (t.length >= 120 || (t.match(/[|｜]/g) ?? []).length < 2 || /[。；]/.test(t)) return false;
  // "序号 | 工作任务 | 责任单位 |" is a table header, "1 | …" a table row: body, not navigation.
  const cells = t.split(/[|｜]/).map((c) => c.trim()).filter((c) => c);
  return cells.filter((c) => columnRole(c)).length < 2 && !/^\d{1,3}$/.test(cells[0] ?? '');
}

const UNIT_END = /[局委办厅院府会部心]$/;

/**
 * The issuer's name out of a metadata value. OCR drops the spaces between fields, so the next
 * label can stick to the name ("潜江市科技局发文" + "日期:…" on the next line): keep up to the last
 * unit ending.
 */
function issuerName(value: string): string {
  const token = value.split(/\s/)[0];
  if (/[局委办厅院府会部心室处所站队署司行社馆组]$/.test(token)) return token;
  return /^(.*[局委办厅院府会部心室处所站队署司])/.exec(token)?.[1] ?? token;
}

function readMeta(t: string, meta: PageMeta): boolean {
  // The time may touch the date when a scan lost the space ("2017-03-0109:36湖北省科技厅").
  const bare = /^(\d{4}-\d{1,2}-\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(\S*)$/.exec(t);
  if (bare) {
    // "2017-03-01 09:36 湖北省科技厅": a date stamp and the publisher.
    const d = DATE_RE.exec(bare[1]);
    if (d) meta.publishedAt = meta.publishedAt ?? `${d[1]}-${pad(d[2])}-${pad(d[3])}`;
    if (bare[2] && UNIT_END.test(bare[2])) meta.issuer = meta.issuer ?? bare[2];
    return true;
  }
  if (!META_START.test(t)) return false;
  const hits = [...t.matchAll(META_LABEL)];
  hits.forEach((h, i) => {
    const label = h[1].replace(/\s/g, '');
    const start = (h.index ?? 0) + h[0].length;
    const end = i + 1 < hits.length ? hits[i + 1].index ?? t.length : t.length;
    const value = t.slice(start, end).trim();
    if (!value) return;
    if (/日期|时间/.test(label)) {
      const d = DATE_RE.exec(value);
      if (d) meta.publishedAt = meta.publishedAt ?? `${d[1]}-${pad(d[2])}-${pad(d[3])}`;
    } else if (/发布机构|发布单位|发文机关|发文单位/.test(label)) {
      meta.issuer = meta.issuer ?? issuerName(value);
    } else if (/来源/.test(label)) {
      meta.source = meta.source ?? value.split(/\s/)[0];
    } else if (/名称|标题/.test(label)) {
      meta.title = meta.title ?? value;
    } else if (/文号|发文字号/.test(label)) {
      const n = DOC_NO.exec(value);
      if (n) meta.docNumber = meta.docNumber ?? n[0].replace(/\s/g, '');
    }
  });
  return true;
}

const FOOTER_START =
  /ICP备|公网安备|技术维护|^主办|主办.{0,30}承办|^扫一扫|我要纠错|^已阅|^附件[:：]?\s*$|^(版权所有|Copyright|©)|关闭窗口\s*$|[【〖]\s*[^】〗]{0,6}(打印|关闭)[^】〗]{0,6}[】〗]|^(相关文件|相关链接|相关阅读)[:：]?\s*$/i;

/** An annex ("附件" then a task table or numbered items) is body, not footer. */
function holdsBody(rest: Line[]): boolean {
  return rest.some((l) => columnRole(l.text) !== null) || rest.filter((l) => classifyHeading(l.text)).length >= 2;
}

/**
 * Drops page chrome at the top and bottom and harvests publish date, issuer and document number
 * from it. Body lines are never dropped unless they match furniture nobody writes in a plan.
 */
export function stripChrome(lines: Line[]): { lines: Line[]; meta: PageMeta } {
  const meta: PageMeta = { publishedAt: null, issuer: null, source: null, docNumber: null };
  // Footer: from the first footer marker in the last part, when nothing substantial follows it.
  let end = lines.length;
  const tailFrom = Math.floor(lines.length * 0.5);
  for (let i = tailFrom; i < lines.length; i++) {
    if (!isFurnitureSized(lines[i].text) || !FOOTER_START.test(lines[i].text)) continue;
    const rest = lines.slice(i + 1);
    if (rest.every((l) => l.text.length < 60 && !/。/.test(l.text)) && !holdsBody(rest)) {
      end = i;
      break;
    }
  }
  const kept: Line[] = [];
  const headLimit = Math.min(end, 25);
  for (let i = 0; i < end; i++) {
    const t = lines[i].text;
    // Metadata first: "日期:2015年04月02日 信息来源: 字体:【大】" is both meta and chrome.
    if (i < headLimit && readMeta(/[|｜]/.test(t) ? t.replace(/\s*[|｜]\s*/g, ' ').trim() : t.trim(), meta)) continue;
    if ((isFurnitureSized(t) && CHROME.some((re) => re.test(t))) || isNavLine(t)) continue;
    kept.push(lines[i]);
  }
  if (!meta.docNumber) {
    for (const l of kept.slice(0, 8)) {
      // Only a short line is a 文号 line; a long paragraph is never searched.
      const n = l.text.length < 40 ? DOC_NO.exec(l.text) : null;
      if (n) meta.docNumber = n[0].replace(/\s/g, '');
    }
  }
  return { lines: kept, meta };
}
