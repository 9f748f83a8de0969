/**
 * The line records of one version of a text, packed into typed arrays (one row of integers per line: no object, no
 * string, no flow tree kept per line), and how to get the next version's by re-lexing only the lines an edit touched:
 * lexing restarts on the line the change starts on and stops at the first line past the change whose carried state
 * is the one the old lexing had there; the old rows from that line on are copied as they are (they hold offsets
 * relative to their line, so only the line starts shift). What a row leaves out (the text of keys, flow collections)
 * the structure pass reads again from the text of the lines it walks.
 *
 * The table also folds the lines' nesting summaries (yamlTooDeep, line by line), keeping the running bracket count
 * after each line so that an edit refolds only from its first line until the count agrees with the old one again.
 */
import type { TextChange } from '../../text';
import * as depth from './depth';
import { NO_BLOCK, type LineRecord, type ValueToken } from './lines';
import * as lines from './lines';
import * as words from './words';

// Module-local copies: called once per line, imports cost a getter call each under tsx.
const foldNesting = depth.foldNesting;
const summariseNesting = depth.summariseNesting;
const lexLineWithState = lines.lexLineWithState;
const keyInfoOf = words.keyInfoOf;
const valueInfoOf = words.valueInfoOf;

/** Fields of a row. */
export const F_HEAD = 0; // kind | valueKind << 4 | flags
export const F_INDENT = 1;
export const F_COL = 2;
export const F_KEY_START = 3;
export const F_KEY_END = 4;
export const F_KEY_INFO = 5; // keyInfoOf: the key's word and status code
export const F_VAL_START = 6;
export const F_VAL_END = 7;
export const F_VAL_INFO = 8; // valueInfoOf: the scalar's status code and method, whether its text is known
export const F_STATE = 9; // the lexer state after the line
export const F_FLOW = 10; // the nesting fold's bracket count after the line
export const STRIDE = 11;

/** Flags in F_HEAD. */
export const H_DASH = 1 << 8;
export const H_KEY = 1 << 9;
export const H_PLAIN = 1 << 10;
export const H_COMMENT = 1 << 11;
export const H_TAGGED = 1 << 12;
export const H_STRONG_TAG = 1 << 13;
/** Quotes: 0 none, 1 single, 2 double. */
export const H_KEY_QUOTE_SHIFT = 14;
export const H_VAL_QUOTE_SHIFT = 16;

export interface LineTable {
  /** Number of lines. */
  readonly count: number;
  /** count × STRIDE integers. */
  readonly rows: Int32Array;
  /** Offset of each line's first character. */
  readonly starts: Int32Array;
  /** Length of the text the table was built from. */
  readonly length: number;
  /** The text nests deeper than the full parser may be asked to read (yamlTooDeep's verdict); then F_FLOW is not kept. */
  readonly tooDeep: boolean;
  /** How this version was made from the previous one: lines [first, resumeNew) were lexed, the rest copied. */
  readonly first: number;
  readonly resumeNew: number;
  /** Where the copied lines after the change were in the previous version (its count when none were). */
  readonly resumeOld: number;
}

const QUOTE_CODE: Record<string, number> = { '': 0, "'": 1, '"': 2 };

function packValue(rows: Int32Array, at: number, value: ValueToken): number {
  let head = value.kind << 4;
  if (value.plain) head |= H_PLAIN;
  if (value.comment) head |= H_COMMENT;
  if (value.tagged) head |= H_TAGGED;
  if (value.strongTag) head |= H_STRONG_TAG;
  const scalar = value.scalar;
  if (scalar) {
    rows[at + F_VAL_START] = scalar.start;
    rows[at + F_VAL_END] = scalar.end;
    rows[at + F_VAL_INFO] = valueInfoOf(scalar.text);
    head |= QUOTE_CODE[scalar.quote] << H_VAL_QUOTE_SHIFT;
  }
  return head;
}

/** Writes a lexed line into row `line`. */
function pack(rows: Int32Array, line: number, rec: LineRecord, flowAfter: number): void {
  const at = line * STRIDE;
  let head = rec.kind | packValue(rows, at, rec.value);
  if (rec.dash) head |= H_DASH;
  const key = rec.key;
  if (key) {
    head |= H_KEY | (QUOTE_CODE[key.quote] << H_KEY_QUOTE_SHIFT);
    rows[at + F_KEY_START] = key.start;
    rows[at + F_KEY_END] = key.end;
    rows[at + F_KEY_INFO] = keyInfoOf(key.text!);
  }
  rows[at + F_HEAD] = head;
  rows[at + F_INDENT] = rec.indent;
  rows[at + F_COL] = rec.col;
  rows[at + F_STATE] = rec.stateOut;
  rows[at + F_FLOW] = flowAfter;
}

/** Rows that grow as lines are lexed. */
class RowBuilder {
  rows: Int32Array;
  starts: Int32Array;
  count = 0;
  constructor(capacity: number) {
    this.rows = new Int32Array(Math.max(16, capacity) * STRIDE);
    this.starts = new Int32Array(Math.max(16, capacity));
  }
  reserve(lines: number): void {
    if (lines <= this.starts.length) return;
    const capacity = Math.max(lines, this.starts.length * 2);
    const rows = new Int32Array(capacity * STRIDE);
    rows.set(this.rows.subarray(0, this.count * STRIDE));
    const starts = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.count));
    this.rows = rows;
    this.starts = starts;
  }
}

/** State of the nesting fold: the bracket count, or -1 once the text is too deep. */
const DEEP = -1;

/** Lexes every line of `text`. */
export function lexAll(text: string): LineTable {
  const out = new RowBuilder(Math.ceil(text.length / 24));
  let state = NO_BLOCK;
  let flow = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const rec = lexLineWithState(text.slice(start, end), state);
    if (flow !== DEEP) flow = foldNesting(flow, rec.nesting);
    out.reserve(out.count + 1);
    pack(out.rows, out.count, rec, flow);
    out.starts[out.count++] = start;
    state = rec.stateOut;
    if (nl < 0) break;
    start = nl + 1;
  }
  const count = out.count;
  return { count, rows: out.rows.slice(0, count * STRIDE), starts: out.starts.slice(0, count), length: text.length, tooDeep: flow === DEEP, first: 0, resumeNew: count, resumeOld: 0 };
}

/** The index of the line holding `offset` (the last line starting at or before it). */
export function lineOf(starts: Int32Array, count: number, offset: number): number {
  let low = 0;
  let high = count - 1;
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
    old.tooDeep ||
    change.start < 0 || change.start > change.oldEnd || change.start > change.newEnd ||
    change.oldEnd > old.length || old.length + delta !== text.length
  ) {
    return undefined;
  }
  const oldRows = old.rows;
  const first = lineOf(old.starts, old.count, change.start);
  // The lines lexed anew, in a builder of their own; the copied lines are added once their number is known.
  const middle = new RowBuilder(8);
  let state = first > 0 ? oldRows[(first - 1) * STRIDE + F_STATE] : NO_BLOCK;
  let flow = first > 0 ? oldRows[(first - 1) * STRIDE + F_FLOW] : 0;
  let start = old.starts[first];
  let resumeOld = old.count;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const rec = lexLineWithState(text.slice(start, end), state);
    if (flow !== DEEP) flow = foldNesting(flow, rec.nesting);
    middle.reserve(middle.count + 1);
    pack(middle.rows, middle.count, rec, flow);
    middle.starts[middle.count++] = start;
    state = rec.stateOut;
    if (nl < 0) break;
    start = nl + 1;
    // Past the change, the text is the old text shifted by delta: once the state agrees, so do the old rows.
    if (nl >= change.newEnd) {
      const oldLine = lineOf(old.starts, old.count, start - delta);
      if (old.starts[oldLine] === start - delta && oldRows[(oldLine - 1) * STRIDE + F_STATE] === state) {
        resumeOld = oldLine;
        break;
      }
    }
  }
  const resumeNew = first + middle.count;
  const count = resumeNew + old.count - resumeOld;
  const rows = new Int32Array(count * STRIDE);
  rows.set(oldRows.subarray(0, first * STRIDE));
  rows.set(middle.rows.subarray(0, middle.count * STRIDE), first * STRIDE);
  rows.set(oldRows.subarray(resumeOld * STRIDE, old.count * STRIDE), resumeNew * STRIDE);
  const starts = new Int32Array(count);
  starts.set(old.starts.subarray(0, first));
  starts.set(middle.starts.subarray(0, middle.count), first);
  for (let i = resumeNew, j = resumeOld; i < count; i++, j++) starts[i] = old.starts[j] + delta;
  const tooDeep = flow === DEEP || refold(rows, starts, count, text, resumeNew, flow, resumeOld < old.count ? oldRows[(resumeOld - 1) * STRIDE + F_FLOW] : flow);
  return { count, rows, starts, length: text.length, tooDeep, first, resumeNew, resumeOld };
}

/**
 * After the lexed lines, the copied lines hold the old fold's counts: right as they are when the count going into
 * them is the old one; otherwise refold them (summaries read again from the text) until the counts agree.
 * Returns whether the text turned out too deep.
 */
function refold(rows: Int32Array, starts: Int32Array, count: number, text: string, from: number, flow: number, oldFlow: number): boolean {
  for (let i = from; i < count && flow !== oldFlow; i++) {
    const nl = text.indexOf('\n', starts[i]);
    flow = foldNesting(flow, summariseNesting(text.slice(starts[i], nl < 0 ? text.length : nl)));
    if (flow === DEEP) return true;
    oldFlow = rows[i * STRIDE + F_FLOW];
    rows[i * STRIDE + F_FLOW] = flow;
  }
  return false;
}
