import { positionLocator } from '../text';

/** A table as read from a doc before its columns are understood: header cells and rows of cell text. */
export interface Grid {
  headers: string[];
  rows: GridRow[];
  /** 1-based line where the table starts. */
  line: number;
}

export interface GridRow {
  cells: string[];
  line: number;
}

/** Offsets -> 1-based line numbers, for messages that point into a doc. */
export function lineLocator(text: string): (offset: number) => number {
  const locate = positionLocator(text);
  return (offset) => locate(offset).line + 1;
}

/** Collapses the white space HTML and Markdown leave inside a cell. */
export function cleanCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
