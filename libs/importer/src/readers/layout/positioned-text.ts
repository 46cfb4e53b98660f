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
}

export interface Cell {
  x: number;
  right: number;
  text: string;
}

export const lineText = (l: PageLine): string => l.cells.map((c) => c.text).join('');
