import { parseTesseractTsv } from '../ocr-tsv';
import { layoutText } from './layout-text';
import { findRules, readPgm, ruledGrids, type Gray } from './ruled-grid';

/** A white page with black rules drawn along a skew: the slope (dy per dx) a scanner gave it. */
function ruledPage(width: number, height: number, slope: number, rules: Array<[x1: number, y1: number, x2: number, y2: number]>): Gray {
  const pixels = new Uint8Array(width * height).fill(255);
  const ink = (x: number, y: number) => {
    // Turned by the skew: straight (x, y) lands at (x − slope·y, y + slope·x).
    const [tx, ty] = [Math.round(x - slope * y), Math.round(y + slope * x)];
    if (tx >= 0 && ty >= 0 && tx < width && ty < height) pixels[ty * width + tx] = 0;
  };
  for (const [x1, y1, x2, y2] of rules) {
    for (let x = x1; x <= x2; x++) for (let y = y1; y <= y2; y++) for (let t = 0; t < 3; t++) ink(x1 === x2 ? x + t : x, y1 === y2 ? y + t : y);
  }
  return { width, height, pixels };
}

// A table of 3 columns (x 100 | 200 | 700 | 900) and 3 rows (y 100 | 180 | 300 | 400); the first
// column's cell of the last two rows is one merged cell (no rule between them there).
const COLS = [100, 200, 700, 900];
const ROWS = [100, 180, 300, 400];
const RULES: Array<[number, number, number, number]> = [
  ...ROWS.map((y, i): [number, number, number, number] => [i === 2 ? 200 : 100, y, 900, y]),
  ...COLS.map((x): [number, number, number, number] => [x, 100, x, 400]),
];
const SLOPE = 0.01;

describe('ruled tables on a scanned page', () => {
  it('finds the rules along the skew and the cell grid, merged cells included', () => {
    const grids = ruledGrids(findRules(ruledPage(1000, 500, SLOPE, RULES), SLOPE, 30));
    expect(grids).toHaveLength(1);
    const [g] = grids;
    // Borders where they were drawn (rules 3 px thick), straightened to within a pixel.
    const near = (got: number[], want: number[]) => got.length === want.length && got.every((x, i) => Math.abs(x - (want[i] + 1)) <= 1.5);
    expect(near(g.xs, COLS) && near(g.ys, ROWS) ? 'where drawn' : [g.xs, g.ys]).toBe('where drawn');
    expect(g.owner[2][0]).toEqual([1, 0]);
    expect(g.owner[2][1]).toEqual([2, 1]);
  });

  it('finds no table in text, underlines or a single box', () => {
    const underline: Array<[number, number, number, number]> = [[100, 100, 900, 100]];
    const box: Array<[number, number, number, number]> = [
      [100, 100, 900, 100],
      [100, 300, 900, 300],
      [100, 100, 100, 300],
      [900, 100, 900, 300],
    ];
    expect(ruledGrids(findRules(ruledPage(1000, 500, SLOPE, underline), SLOPE, 30))).toEqual([]);
    expect(ruledGrids(findRules(ruledPage(1000, 500, SLOPE, box), SLOPE, 30))).toEqual([]);
  });

  it('reads a PGM as pdftoppm writes it', () => {
    const pgm = Buffer.concat([Buffer.from('P5\n3 2\n255\n', 'latin1'), Buffer.from([0, 255, 0, 255, 0, 255])]);
    expect(readPgm(pgm)).toMatchObject({ width: 3, height: 2 });
    expect(readPgm(Buffer.from('P6\n3 2\n255\n'))).toBeNull();
  });

  it('puts the words tesseract read across cell borders back into their cells, rows for the table reader', () => {
    const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    // Words at their straight position (x, y of the top), moved by the skew as the scan has them.
    let n = 0;
    const word = (x: number, y: number, text: string, line: string) =>
      `5\t1\t${line}\t${++n}\t${Math.round(x - SLOPE * y)}\t${Math.round(y + SLOPE * x)}\t${text.length * 30}\t30\t90\t${text}`;
    // tesseract reads a table line by line across the columns, and a border as "|": each line's
    // block/paragraph/line numbers and straight y, then its words' x and text
    const lines: Array<[string, number, Array<[number, string]>]> = [
      ['1\t1\t1', 40, [[100, '重点任务清单']]],
      ['2\t1\t1', 125, [[120, '序号'], [196, '|'], [220, '重点任务'], [720, '牵头单位']]],
      ['2\t1\t2', 200, [[130, '1'], [220, '建成全区公共数据平台，'], [720, '区数据局']]],
      ['2\t1\t3', 250, [[220, '实现按需共享。']]],
      ['2\t1\t4', 320, [[220, '完成数据目录编制。'], [720, '区政务服务中心']]],
      ['3\t1\t1', 440, [[100, '其他事项另行通知。']]],
    ];
    const words = lines.flatMap(([line, y, texts]) => texts.map(([x, text]) => word(x, y, text, line)));
    const tsv = [HEAD, '1\t1\t0\t0\t0\t0\t0\t0\t1000\t500\t-1\t', ...words].join('\n');
    const page = ruledPage(1000, 500, SLOPE, RULES);
    expect(layoutText(parseTesseractTsv(tsv, [page])).text.split('\n')).toEqual([
      '重点任务清单',
      '序号',
      '重点任务',
      '牵头单位',
      '1',
      '建成全区公共数据平台，实现按需共享。完成数据目录编制。',
      '区数据局区政务服务中心',
      '其他事项另行通知。',
    ]);
  });

  it('cuts a word boxed across a border into its characters, and trims the marks OCR adds to a cell', () => {
    const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const word = (x: number, y: number, text: string) => `5\t1\t1\t1\t1\t1\t${Math.round(x - SLOPE * y)}\t${Math.round(y + SLOPE * x)}\t${[...text].length * 30}\t30\t90\t${text}`;
    const tsv = [
      HEAD,
      '1\t1\t0\t0\t0\t0\t0\t0\t1000\t500\t-1\t',
      // "1，" in the number column; "”完" boxed from left of the border at x 200 to right of it
      word(120, 125, '1，'),
      word(175, 125, '”完成'),
      word(235, 125, '目录编制。'),
    ].join('\n');
    const [page] = parseTesseractTsv(tsv, [ruledPage(1000, 500, SLOPE, RULES)]);
    expect(page.tables?.[0].rows[0].cells.map((c) => c.text)).toEqual(['1', '完成目录编制。', '']);
  });
});
