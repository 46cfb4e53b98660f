/**
 * Text of a fixed-layout page (PDF, OFD, an OCR'd scan) as the reader found it: one run of glyphs at
 * a position. y is the baseline measured from the page's top edge, in the page's own units.
 */
export interface TextRun {
  x: number;
  y: number;
  width: number;
  /** Font size (the glyph box's height). */
  size: number;
  text: string;
  /** OCR confidence 0–100; absent for text a document carried as text. */
  confidence?: number;
}

export interface LaidOutPage {
  width: number;
  height: number;
  runs: TextRun[];
  /** Tables read from the page image's rules (OCR): their text is not among the runs. */
  tables?: RuledTable[];
}

/** A ruled table of a scanned page: rows top to bottom, one cell a column ('' where empty or merged). */
export interface RuledTable {
  rows: RuledRow[];
}

export interface RuledRow {
  /** Baseline of the row's first line, like a run's y. */
  y: number;
  size: number;
  cells: Cell[];
  confidence?: number;
}

/** A rebuilt line: its runs left to right, split into cells where a wide gap separates them. */
export interface PageLine {
  page: number;
  x: number;
  right: number;
  y: number;
  size: number;
  cells: Cell[];
  /** The runs themselves: inside a table, columns (not gaps) decide where a cell ends. */
  runs: Cell[];
  confidence?: number;
  /** A row of a ruled table (its cells are the table's columns): the number of columns. */
  ruled?: number;
}

export interface Cell {
  x: number;
  right: number;
  text: string;
}

export const lineText = (l: PageLine): string => l.cells.map((c) => c.text).join('');
