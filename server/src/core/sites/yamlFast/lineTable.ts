/**
 * The line records of one version of a text, and how to get the next version's by re-lexing only the lines an edit
 * touched: lexing restarts on the line the change starts on and stops at the first line past the change whose
 * carried state is the one the old lexing had there; the old records from that line on are reused as they are
 * (they hold offsets relative to their line, so only the line starts shift).
 */
import type { TextChange } from '../../text';
import { lexLineWithState, NO_BLOCK, type LineRecord } from './lines';

export interface LineTable {
  records: LineRecord[];
  /** Offset of each line's first character. */
  starts: number[];
  /** Length of the text the table was built from. */
  length: number;
}

/** Lexes every line of `text`. */
export function lexAll(text: string): LineTable {
  const records: LineRecord[] = [];
  const starts: number[] = [];
  let state = NO_BLOCK;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const rec = lexLineWithState(text.slice(start, end), state);
    records.push(rec);
    starts.push(start);
    state = rec.stateOut;
    if (nl < 0) break;
    start = nl + 1;
  }
  return { records, starts, length: text.length };
}

/** The index of the line holding `offset` (the last line starting at or before it). */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The table of `text`, the new version of `old`'s text after `change`; undefined if the change does not fit. */
export function relex(old: LineTable, text: string, change: TextChange): LineTable | undefined {
  const delta = change.newEnd - change.oldEnd;
  if (
    change.start < 0 || change.start > change.oldEnd || change.start > change.newEnd ||
    change.oldEnd > old.length || old.length + delta !== text.length
  ) {
    return undefined;
  }
  const first = lineOf(old.starts, change.start);
  const records = old.records.slice(0, first);
  const starts = old.starts.slice(0, first);
  let state = first > 0 ? old.records[first - 1].stateOut : NO_BLOCK;
  let start = old.starts[first];
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const rec = lexLineWithState(text.slice(start, end), state);
    records.push(rec);
    starts.push(start);
    state = rec.stateOut;
    if (nl < 0) break;
    start = nl + 1;
    // Past the change, the text is the old text shifted by delta: once the state agrees, so do the old records.
    if (nl >= change.newEnd) {
      const oldLine = lineOf(old.starts, start - delta);
      if (old.starts[oldLine] === start - delta && old.records[oldLine - 1].stateOut === state) {
        for (let i = oldLine; i < old.records.length; i++) {
          records.push(old.records[i]);
          starts.push(old.starts[i] + delta);
        }
        break;
      }
    }
  }
  return { records, starts, length: text.length };
}
