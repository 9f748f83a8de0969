/**
 * The line records of one version of a text, packed into typed arrays (one row of integers per line: no object, no
 * string, no flow tree kept per line), and how to get the next version's by re-lexing only the lines an edit touched:
 * lexing restarts on the line the change starts on and stops at the first line past the change whose carried state
 * is the one the old lexing had there; the old rows from that line on are kept as they are (they hold offsets
 * relative to their line, so only the line starts shift). What a row leaves out (the text of keys, flow collections)
 * the structure pass reads again from the text of the lines it walks.
 *
 * Rows and line starts come in chunks of CHUNK_LINES lines, the starts relative to a base per chunk, so that an edit
 * that keeps the number of lines copies only the chunks it touched and moves the bases of the others: the versions
 * share the rest. An edit that adds or removes lines copies the chunks from its own on.
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
export const F_KEY_END = 3; // a key starts at F_COL
export const F_KEY_INFO = 4; // keyInfoOf: the key's word and status code
export const F_VAL_START = 5;
export const F_VAL_END = 6;
export const F_VAL_INFO = 7; // valueInfoOf: the scalar's status code and method, whether its text is known
export const F_STATE = 8; // the lexer state after the line
export const F_FLOW = 9; // the nesting fold's bracket count after the line
export const STRIDE = 10;

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

export const CHUNK_BITS = 10;
export const CHUNK_LINES = 1 << CHUNK_BITS;
export const CHUNK_MASK = CHUNK_LINES - 1;

export interface LineTable {
  /** Number of lines. */
  readonly count: number;
  /** Rows, CHUNK_LINES × STRIDE integers to a chunk (the last one partly used). Never written once the table is made. */
  readonly chunks: readonly Int32Array[];
  /** Line starts relative to their chunk's base, by chunk; the offset of line j is bases[c] + startChunks[c][j & CHUNK_MASK]. */
  readonly startChunks: readonly Int32Array[];
  readonly bases: readonly number[];
  /** Length of the text the table was built from. */
  readonly length: number;
  /** The text nests deeper than the full parser may be asked to read (yamlTooDeep's verdict); then F_FLOW is not kept. */
  readonly tooDeep: boolean;
  /** How this version was made from the previous one: lines [first, resumeNew) were lexed, the rest kept. */
  readonly first: number;
  readonly resumeNew: number;
  /** Where the kept lines after the change were in the previous version (its count when there were none). */
  readonly resumeOld: number;
}

/** The offset of line `j`'s first character. */
export function lineStart(table: LineTable, j: number): number {
  const c = j >> CHUNK_BITS;
  return table.bases[c] + table.startChunks[c][j & CHUNK_MASK];
}

/** Field `field` of line `j`'s row. */
export function field(table: LineTable, j: number, field: number): number {
  return table.chunks[j >> CHUNK_BITS][(j & CHUNK_MASK) * STRIDE + field];
}

/** All rows, one after the other (tests compare tables with it). */
export function flatRows(table: LineTable): Int32Array {
  const out = new Int32Array(table.count * STRIDE);
  for (let c = 0; c < table.chunks.length; c++)
    out.set(table.chunks[c].subarray(0, Math.min(CHUNK_LINES, table.count - c * CHUNK_LINES) * STRIDE), c * CHUNK_LINES * STRIDE);
  return out;
}

/** All line starts (tests compare tables with it). */
export function flatStarts(table: LineTable): number[] {
  return Array.from({ length: table.count }, (_, j) => lineStart(table, j));
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

/** Writes a lexed line into the row at `at` (zeroed). */
function pack(rows: Int32Array, at: number, rec: LineRecord, flowAfter: number): void {
  let head = rec.kind | packValue(rows, at, rec.value);
  if (rec.dash) head |= H_DASH;
  const key = rec.key;
  if (key) {
    head |= H_KEY | (QUOTE_CODE[key.quote] << H_KEY_QUOTE_SHIFT);
    rows[at + F_KEY_END] = key.end;
    rows[at + F_KEY_INFO] = keyInfoOf(key.text!);
  }
  rows[at + F_HEAD] = head;
  rows[at + F_INDENT] = rec.indent;
  rows[at + F_COL] = rec.col;
  rows[at + F_STATE] = rec.stateOut;
  rows[at + F_FLOW] = flowAfter;
}

/** A table being written line by line, from chunk `fromChunk` on (the chunks before it are given). */
class ChunkWriter {
  readonly chunks: Int32Array[];
  readonly startChunks: Int32Array[];
  readonly bases: number[];
  count: number;
  constructor(chunks: Int32Array[], startChunks: Int32Array[], bases: number[]) {
    this.chunks = chunks;
    this.startChunks = startChunks;
    this.bases = bases;
    this.count = chunks.length * CHUNK_LINES;
  }
  /** A new line starting at `start`: the offset of its row in the chunk `rows` (to write into). */
  add(start: number): number {
    const j = this.count++;
    const c = j >> CHUNK_BITS;
    if (c === this.chunks.length) {
      this.chunks.push(new Int32Array(CHUNK_LINES * STRIDE));
      this.startChunks.push(new Int32Array(CHUNK_LINES));
      this.bases.push(start);
    }
    this.startChunks[c][j & CHUNK_MASK] = start - this.bases[c];
    this.rows = this.chunks[c];
    return (j & CHUNK_MASK) * STRIDE;
  }
  rows: Int32Array = EMPTY_ROWS;
}

const EMPTY_ROWS = new Int32Array(0);

/** State of the nesting fold: the bracket count, or -1 once the text is too deep. */
const DEEP = -1;

/** Lexes every line of `text`. */
export function lexAll(text: string): LineTable {
  const out = new ChunkWriter([], [], []);
  let state = NO_BLOCK;
  let flow = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const rec = lexLineWithState(text.slice(start, end), state);
    if (flow !== DEEP) flow = foldNesting(flow, rec.nesting);
    const at = out.add(start);
    pack(out.rows, at, rec, flow);
    state = rec.stateOut;
    if (nl < 0) break;
    start = nl + 1;
  }
  const count = out.count;
  return {
    count,
    chunks: out.chunks,
    startChunks: out.startChunks,
    bases: out.bases,
    length: text.length,
    tooDeep: flow === DEEP,
    first: 0,
    resumeNew: count,
    resumeOld: 0,
  };
}

/** The index of the line holding `offset` (the last line starting at or before it). */
export function lineOf(table: LineTable, offset: number): number {
  let low = 0;
  let high = table.count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStart(table, mid) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The lines lexed anew: rows one after the other and absolute starts. */
class Lexed {
  rows = new Int32Array(8 * STRIDE);
  starts: number[] = [];
  add(start: number): number {
    const n = this.starts.length;
    if ((n + 1) * STRIDE > this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.starts.push(start);
    return n * STRIDE;
  }
}

/** The table of `text`, the new version of `old`'s text after `change`; undefined if the change does not fit. */
export function relex(old: LineTable, text: string, change: TextChange): LineTable | undefined {
  const delta = change.newEnd - change.oldEnd;
  if (
    old.tooDeep ||
    change.start < 0 ||
    change.start > change.oldEnd ||
    change.start > change.newEnd ||
    change.oldEnd > old.length ||
    old.length + delta !== text.length
  ) {
    return undefined;
  }
  const first = lineOf(old, change.start);
  const lexed = new Lexed();
  let state = first > 0 ? field(old, first - 1, F_STATE) : NO_BLOCK;
  let flow = first > 0 ? field(old, first - 1, F_FLOW) : 0;
  let start = lineStart(old, first);
  let resumeOld = old.count;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const rec = lexLineWithState(text.slice(start, end), state);
    if (flow !== DEEP) flow = foldNesting(flow, rec.nesting);
    const at = lexed.add(start); // before reading lexed.rows: it may grow
    pack(lexed.rows, at, rec, flow);
    state = rec.stateOut;
    if (nl < 0) break;
    start = nl + 1;
    // Past the change, the text is the old text shifted by delta: once the state agrees, so do the old rows.
    if (nl >= change.newEnd) {
      const oldLine = lineOf(old, start - delta);
      if (lineStart(old, oldLine) === start - delta && field(old, oldLine - 1, F_STATE) === state) {
        resumeOld = oldLine;
        break;
      }
    }
  }
  const resumeNew = first + lexed.starts.length;
  const count = resumeNew + old.count - resumeOld;
  const table =
    resumeNew - resumeOld === 0 ? patchChunks(old, lexed, first, delta, text.length) : rebuildChunks(old, lexed, first, resumeOld, delta, text.length);
  const tooDeep = flow === DEEP || refold(table, count, text, resumeNew, flow, resumeOld < old.count ? field(old, resumeOld - 1, F_FLOW) : flow);
  return { ...table, count, tooDeep, first, resumeNew, resumeOld };
}

/** A table's chunks, as relex makes them (its own arrays: refold may still swap a chunk for a copy). */
interface Chunks {
  chunks: Int32Array[];
  startChunks: Int32Array[];
  bases: number[];
  length: number;
}

/** The number of lines is the same: copy the chunks holding lexed lines, share the others (their bases moved by delta). */
function patchChunks(old: LineTable, lexed: Lexed, first: number, delta: number, length: number): Chunks {
  const chunks = old.chunks.slice();
  const startChunks = old.startChunks.slice();
  const bases = old.bases.slice();
  const last = first + lexed.starts.length - 1;
  const firstChunk = first >> CHUNK_BITS;
  const lastChunk = last >> CHUNK_BITS;
  for (let c = firstChunk; c <= lastChunk; c++) {
    const rows = chunks[c].slice();
    const starts = startChunks[c].slice();
    const base = bases[c];
    const from = Math.max(first, c << CHUNK_BITS);
    const to = Math.min(last, ((c + 1) << CHUNK_BITS) - 1);
    rows.set(lexed.rows.subarray((from - first) * STRIDE, (to - first + 1) * STRIDE), (from & CHUNK_MASK) * STRIDE);
    for (let j = from; j <= to; j++) starts[j & CHUNK_MASK] = lexed.starts[j - first] - base;
    // The kept lines after the lexed ones in the last chunk moved by delta.
    if (c === lastChunk) for (let k = (to & CHUNK_MASK) + 1; k < CHUNK_LINES; k++) starts[k] += delta;
    chunks[c] = rows;
    startChunks[c] = starts;
  }
  for (let c = lastChunk + 1; c < bases.length; c++) bases[c] += delta;
  return { chunks, startChunks, bases, length };
}

/** Lines were added or removed: the chunks before the first lexed line are shared, the rest written anew. */
function rebuildChunks(old: LineTable, lexed: Lexed, first: number, resumeOld: number, delta: number, length: number): Chunks {
  const firstChunk = first >> CHUNK_BITS;
  const out = new ChunkWriter(old.chunks.slice(0, firstChunk), old.startChunks.slice(0, firstChunk), old.bases.slice(0, firstChunk));
  // Old lines [from, to) with their starts moved by `shift`, a span of rows at a time (within one chunk on each side).
  const copy = (from: number, to: number, shift: number): void => {
    for (let j = from; j < to;) {
      const n = Math.min(to - j, CHUNK_LINES - (j & CHUNK_MASK), CHUNK_LINES - (out.count & CHUNK_MASK));
      const c = j >> CHUNK_BITS;
      const starts = old.startChunks[c];
      const base = old.bases[c] + shift;
      const at = out.add(base + starts[j & CHUNK_MASK]);
      for (let k = 1; k < n; k++) out.add(base + starts[(j + k) & CHUNK_MASK]);
      out.rows.set(old.chunks[c].subarray((j & CHUNK_MASK) * STRIDE, ((j & CHUNK_MASK) + n) * STRIDE), at);
      j += n;
    }
  };
  copy(firstChunk << CHUNK_BITS, first, 0);
  for (let k = 0; k < lexed.starts.length; k++) {
    const at = out.add(lexed.starts[k]); // before reading out.rows: it may open a chunk
    out.rows.set(lexed.rows.subarray(k * STRIDE, (k + 1) * STRIDE), at);
  }
  copy(resumeOld, old.count, delta);
  return { chunks: out.chunks, startChunks: out.startChunks, bases: out.bases, length };
}

/**
 * After the lexed lines, the kept lines hold the old fold's counts: right as they are when the count going into
 * them is the old one; otherwise refold them (summaries read again from the text) until the counts agree, copying
 * a shared chunk before writing into it. Returns whether the text turned out too deep.
 */
function refold(table: Chunks, count: number, text: string, from: number, flow: number, oldFlow: number): boolean {
  const chunks = table.chunks as Int32Array[];
  let copied = -1;
  for (let i = from; i < count && flow !== oldFlow; i++) {
    const c = i >> CHUNK_BITS;
    const start = table.bases[c] + table.startChunks[c][i & CHUNK_MASK];
    const nl = text.indexOf('\n', start);
    flow = foldNesting(flow, summariseNesting(text.slice(start, nl < 0 ? text.length : nl)));
    if (flow === DEEP) return true;
    if (copied !== c) {
      chunks[c] = chunks[c].slice();
      copied = c;
    }
    const at = (i & CHUNK_MASK) * STRIDE + F_FLOW;
    oldFlow = chunks[c][at];
    chunks[c][at] = flow;
  }
  return false;
}
