/** Offsets <-> lines and columns, and the changes between two versions of a text. */

export interface LineColumn {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units (what LSP and ESLint count). */
  character: number;
}

/** The line starts of one text, computed once: offset -> line/column, the line break the text uses. */
export class LineIndex {
  private readonly starts: number[];
  /** '\r\n' when the text uses it anywhere, else '\n': inserted lines keep the document's endings. */
  readonly eol: '\n' | '\r\n';

  constructor(text: string) {
    const starts = [0];
    let crlf = false;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      if (!crlf && at > 0 && text.charCodeAt(at - 1) === 13) crlf = true;
      starts.push(at + 1);
    }
    this.starts = starts;
    this.eol = crlf ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line holding `offset`. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  positionAt(offset: number): LineColumn {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }
}

/** Returns a function that maps an offset to its line and column in `text`. */
export function positionLocator(text: string): (offset: number) => LineColumn {
  const index = new LineIndex(text);
  return (offset) => index.positionAt(offset);
}

/** One edit between two versions of a text, collapsed: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Two changes in a row (`first` from v0 to v1, `second` from v1 to v2) as one change from v0 to v2. */
export function collapseChanges(first: TextChange, second: TextChange): TextChange {
  const start = Math.min(first.start, second.start);
  // The region touched by either, in v1's offsets; it ends at or after both first.newEnd and second.oldEnd.
  const end = Math.max(first.newEnd, second.oldEnd);
  return { start, oldEnd: end + (first.oldEnd - first.newEnd), newEnd: end + (second.newEnd - second.oldEnd) };
}

/** The change between two whole texts: what lies between their common prefix and common suffix. */
export function diffTexts(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}
