import { xmlText } from './xml-text';

/** The package parts around the sheets: fixed, or a line per sheet. */

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * Cell formats (cellXfs), by index. Only what the exports use, so a sheet refers to fixed numbers:
 * the number formats of the int/number/rate columns, the heading lines, and the header row (its row
 * format, and its cells with the fill and the border, once per number format since a header cell
 * keeps its column's format as it did under ExcelJS).
 */
export const STYLE = {
  int: 1,
  rate: 2,
  number: 3,
  title: 4,
  headingLine: 5,
  headerRow: 6,
  header: 7,
  headerInt: 8,
  headerRate: 9,
  headerNumber: 10,
} as const;

const HEADER_XF = '<alignment vertical="center" wrapText="1"/></xf>';
const headerXf = (numFmtId: number) =>
  `<xf numFmtId="${numFmtId}" fontId="3" fillId="2" borderId="1" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${HEADER_XF}`;

export const STYLES_XML =
  XML +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>' +
  '<fonts count="4">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="11">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  `<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">${HEADER_XF}` +
  headerXf(0) +
  headerXf(1) +
  headerXf(164) +
  headerXf(165) +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export const ROOT_RELS_XML =
  XML +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` +
  '</Relationships>';

export const contentTypesXml = (sheets: number): string => {
  let overrides = '';
  for (let i = 1; i <= sheets; i++)
    overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.worksheet+xml"/>`;
  return (
    XML +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    overrides +
    '</Types>'
  );
};

export const workbookRelsXml = (sheets: number): string => {
  let rels = '';
  for (let i = 1; i <= sheets; i++)
    rels += `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return (
    XML +
    `<Relationships xmlns="${PKG_REL_NS}">${rels}<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  );
};

/** The workbook: sheet names in order and, per sheet with a header row, that row repeated on every printed page. */
export const workbookXml = (sheets: { name: string; headerRow?: number }[]): string => {
  let list = '';
  let names = '';
  sheets.forEach((s, i) => {
    list += `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
    if (s.headerRow) {
      const quoted = `'${s.name.replace(/'/g, "''")}'`;
      names += `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(quoted)}!$${s.headerRow}:$${s.headerRow}</definedName>`;
    }
  });
  return (
    XML +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${list}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`
  );
};

const w3cdtf = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const coreXml = (creator: string, at: Date): string =>
  XML +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<dc:creator>${xmlText(creator)}</dc:creator>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(at)}</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(at)}</dcterms:modified>` +
  '</cp:coreProperties>';

export const WORKSHEET_OPEN = XML + `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
