/**
 * The line lexer: one record per line of YAML, saying what the line holds (a key, a value, a `- ` entry, a comment, a
 * document marker, block-scalar text) with offsets relative to the line. Lines depend on each other only through
 * the scalar they may be inside — a block scalar, a quoted scalar not closed on its line, a plain scalar that more
 * indented lines may continue — carried as one number (`LexState`), so an edit re-lexes only the lines it touched
 * and those whose carried state changed. Whatever this reader cannot be sure of is a `Bad` line.
 */
import { readFlow, readQuoted, type FlowMap, type FlowSeq, type ScalarToken } from './flow';
import { summariseNesting, type NestingSummary } from './depth';

export const enum LineKind {
  Blank,
  Comment,
  DocStart,
  DocEnd,
  Content,
  BlockText,
  Bad,
  /** A line inside a quoted scalar that an earlier line opened (the structure pass skips it like block text). */
  QuotedText,
}

export const enum ValueKind {
  /** Nothing after the key or dash: the value, if any, is on the lines below. */
  None,
  Scalar,
  Flow,
  Alias,
  /** `|` or `>`: the more-indented lines below are its text. */
  Block,
  /** Only an anchor and/or tag: it applies to what is on the lines below, or to an empty scalar. */
  Props,
}

export interface ValueToken {
  kind: ValueKind;
  /** For Scalar; also the offsets of Block and Flow values (with no text). */
  scalar: ScalarToken | undefined;
  flow: FlowMap | FlowSeq | undefined;
  /** A plain scalar that a more-indented line may continue. */
  plain: boolean;
  /** A comment follows on the line. */
  comment: boolean;
  /** A tag (`!x`) among the properties: the value's resolved text is then not known for certain. */
  tagged: boolean;
  /** A tag that may change what kind of collection follows (`!!set`, `!!omap`, `!<…>`, `!`). */
  strongTag: boolean;
  /** A quoted scalar that does not close on the line (its text is then not known; `scalar.end` is the line's end). */
  open: boolean;
}

/**
 * The carried state: NO_BLOCK (nothing open); a block scalar being read (positive: parent indent, content indent,
 * widest blank line); or, negative, a flow scalar in block context with the column its lines must be indented past
 * (the key's, or the dash's): a plain scalar more-indented lines continue, a plain scalar a comment ended (a more
 * indented line is then an error), or a single- or double-quoted scalar not closed yet.
 */
export type LexState = number;
export const NO_BLOCK: LexState = 0;
const FIELD = 1024;

function blockState(parent: number, content: number, blank: number): LexState {
  return 1 + parent + FIELD * (content + 1) + FIELD * FIELD * blank;
}

const enum Open {
  Plain,
  PlainEnded,
  Single,
  Double,
}
/** Parent columns past this are left to the parser (the state must fit an Int32 row field). */
const MAX_PARENT = 1 << 20;

function flowState(open: Open, parent: number): LexState {
  return -(1 + open + 4 * parent);
}

export interface LineRecord {
  kind: LineKind;
  indent: number;
  /** The line starts with `- `. */
  dash: boolean;
  /** Column where the entry starts (the key or value, after any dash); -1 for a dash with nothing after it. */
  col: number;
  key: ScalarToken | undefined;
  value: ValueToken;
  /** The lexer state after this line. */
  stateOut: LexState;
  nesting: NestingSummary;
}

const NO_VALUE: ValueToken = {
  kind: ValueKind.None,
  scalar: undefined,
  flow: undefined,
  plain: false,
  comment: false,
  tagged: false,
  strongTag: false,
  open: false,
};
const COMMENT_ONLY: ValueToken = { ...NO_VALUE, comment: true };
// Control characters, and line breaks YAML 1.1 knew, that this reader leaves to the full parser.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ODD_CHARS = /[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/;

class Bad extends Error {}
const BAD = new Bad();

function record(kind: LineKind, indent: number, stateOut: LexState, nesting: NestingSummary): LineRecord {
  return { kind, indent, dash: false, col: -1, key: undefined, value: NO_VALUE, stateOut, nesting };
}

/** Lexes one line (without its `\n`) given the state the line before left; see lexLineWithState. */
function lexLine(raw: string, stateIn: LexState): LineRecord {
  const nesting = summariseNesting(raw);
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (ODD_CHARS.test(line)) return record(LineKind.Bad, 0, NO_BLOCK, nesting);
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent++;
  if (stateIn > 0) {
    const inside = blockLine(line, indent, stateIn, nesting);
    if (inside) return inside;
  } else if (stateIn < 0) {
    const inside = flowScalarLine(line, indent, stateIn, nesting);
    if (inside) return inside;
  }
  try {
    return lexPlainLine(line, indent, nesting);
  } catch (error) {
    if (error instanceof Bad) return record(LineKind.Bad, indent, NO_BLOCK, nesting);
    throw error;
  }
}

/** A line inside a block scalar, or undefined when the line ends it. */
function blockLine(line: string, indent: number, state: LexState, nesting: NestingSummary): LineRecord | undefined {
  const code = state - 1;
  const parent = code % FIELD;
  const content = (Math.floor(code / FIELD) % FIELD) - 1;
  const blank = Math.floor(code / (FIELD * FIELD));
  if (indent === line.length) {
    if (content >= 0) return record(LineKind.BlockText, indent, state, nesting);
    // Leading blank lines wider than the text's indentation are an error in YAML; leave them to the parser.
    return indent < FIELD
      ? record(LineKind.BlockText, indent, blockState(parent, -1, Math.max(blank, indent)), nesting)
      : record(LineKind.Bad, indent, NO_BLOCK, nesting);
  }
  if (content >= 0 && indent >= content) return record(LineKind.BlockText, indent, state, nesting);
  if (indent <= parent) {
    // The scalar ended; blank lines wider than its parent before that are left to the parser.
    return content < 0 && blank > parent ? record(LineKind.Bad, indent, NO_BLOCK, nesting) : undefined;
  }
  // The first text line sets the indentation; a less-indented line after it, a tab, or wide leading blanks: not ours.
  if (content >= 0 || line[indent] === '\t' || blank > indent || indent >= FIELD - 1) return record(LineKind.Bad, indent, NO_BLOCK, nesting);
  return record(LineKind.BlockText, indent, blockState(parent, indent, 0), nesting);
}

/**
 * A line after one that left a flow scalar open (state < 0): its text, a blank or comment line that keeps or ends
 * the state, or undefined when the line is not indented past the scalar's parent (the scalar ended; read it afresh).
 */
function flowScalarLine(line: string, indent: number, state: LexState, nesting: NestingSummary): LineRecord | undefined {
  const code = -state - 1;
  const open: Open = code & 3;
  const parent = code >> 2;
  if (open === Open.Single || open === Open.Double) return quotedLine(line, indent, state, open === Open.Double ? '"' : "'", parent, nesting);
  if (indent === line.length) return record(LineKind.Blank, indent, state, nesting); // folded into the scalar
  if (line[indent] === '#') return record(LineKind.Comment, indent, flowState(Open.PlainEnded, parent), nesting);
  if (indent <= parent) return undefined;
  // More indented than the parent: the plain scalar's next line, or, after a comment ended it, an error.
  if (open === Open.PlainEnded || line[indent] === '\t') return record(LineKind.Bad, indent, NO_BLOCK, nesting);
  try {
    return plainContinuation(line, indent, parent, nesting);
  } catch (error) {
    if (error instanceof Bad) return record(LineKind.Bad, indent, NO_BLOCK, nesting);
    throw error;
  }
}

/**
 * A line of a plain scalar a line above began: a value with no key (as the structure pass reads continuations). It
 * may hold what would start something else on a line of its own (`- `, quotes, brackets, `&`, `|`…) but no `: `.
 */
function plainContinuation(line: string, indent: number, parent: number, nesting: NestingSummary): LineRecord {
  const c = line[indent];
  // `: x` and a lone `-` or `?` the parser reads in ways of its own.
  if ((c === ':' || c === '-' || c === '?') && (indent + 1 === line.length || line[indent + 1] === ' ' || line[indent + 1] === '\t')) {
    if (c !== '-' || indent + 1 === line.length) throw BAD;
  }
  let end = indent;
  let comment = false;
  for (let i = indent; i < line.length; i++) {
    const ch = line[i];
    if (ch === ':' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) throw BAD; // a multi-line key
    if (ch === '#' && (line[i - 1] === ' ' || line[i - 1] === '\t')) {
      comment = true;
      break;
    }
    if (ch !== ' ' && ch !== '\t') end = i + 1;
  }
  const rec = record(LineKind.Content, indent, flowState(comment ? Open.PlainEnded : Open.Plain, parent), nesting);
  rec.col = indent;
  // The folded text is not resolved: the structure pass makes the scalar's text unknown when it is continued.
  const scalar: ScalarToken = { kind: 'scalar', start: indent, end, quote: '', text: undefined };
  rec.value = { ...NO_VALUE, kind: ValueKind.Scalar, scalar, plain: true, comment };
  return rec;
}

/** A line inside a quoted scalar: text the structure pass skips, up to the closing quote if the line has it. */
function quotedLine(line: string, indent: number, state: LexState, quote: "'" | '"', parent: number, nesting: NestingSummary): LineRecord {
  if (indent === line.length) return record(LineKind.QuotedText, indent, state, nesting);
  // Not indented past the parent (a document marker, or text the parser reports), or a tab as indentation: not ours.
  if (indent <= parent || line[indent] === '\t') return record(LineKind.Bad, indent, NO_BLOCK, nesting);
  const end = closingQuote(line, indent, quote);
  if (end < 0) return record(LineKind.QuotedText, indent, state, nesting);
  // After the closing quote only a comment may follow (a `:` would make the scalar a multi-line key).
  let j = end;
  while (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9) j++;
  if (j < line.length && !(line[j] === '#' && j > end)) return record(LineKind.Bad, indent, NO_BLOCK, nesting);
  return record(LineKind.QuotedText, indent, NO_BLOCK, nesting);
}

/** The offset just past the quote closing a scalar, searching `line` from `from`; -1 when it does not close there. */
function closingQuote(line: string, from: number, quote: "'" | '"'): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"') {
      if (c === '\\')
        i++; // an escape: the next character (a quote, or the line break) does not close it
      else if (c === '"') return i + 1;
    } else if (c === "'") {
      if (line[i + 1] !== "'") return i + 1;
      i++; // `''` is a quote inside the scalar
    }
  }
  return -1;
}

function lexPlainLine(line: string, indent: number, nesting: NestingSummary): LineRecord {
  if (indent === line.length) return record(LineKind.Blank, indent, NO_BLOCK, nesting);
  const first = line[indent];
  if (first === '\t') {
    if (/^[ \t]*$/.test(line)) return record(LineKind.Blank, indent, NO_BLOCK, nesting);
    throw BAD; // a tab in the indentation
  }
  if (first === '#') return record(LineKind.Comment, indent, NO_BLOCK, nesting);
  if (indent === 0) {
    if (first === '%') throw BAD; // a directive
    if (line.startsWith('---') || line.startsWith('...')) {
      const rest = line.slice(3);
      if (rest === '' || rest[0] === ' ' || rest[0] === '\t') {
        if (!/^[ \t]*(#.*)?$/.test(rest)) throw BAD; // content on the marker line
        return record(line[0] === '-' ? LineKind.DocStart : LineKind.DocEnd, 0, NO_BLOCK, nesting);
      }
    }
  }
  const rec = record(LineKind.Content, indent, NO_BLOCK, nesting);
  let col = indent;
  if (first === '-' && (col + 1 === line.length || line[col + 1] === ' ' || line[col + 1] === '\t')) {
    rec.dash = true;
    col++;
    while (line.charCodeAt(col) === 32) col++;
    if (line[col] === '\t') throw BAD;
    if (col === line.length || line[col] === '#') {
      rec.col = -1;
      rec.value = col === line.length ? NO_VALUE : COMMENT_ONLY;
      return rec;
    }
    if (line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ')) throw BAD; // `- - x`
  }
  rec.col = col;
  lexEntry(line, col, rec);
  return rec;
}

/** What follows the indentation and any dash: `key: value`, or a value alone. */
function lexEntry(line: string, col: number, rec: LineRecord): void {
  const c = line[col];
  if (c === "'" || c === '"') {
    const quoted = readQuoted(line, col);
    if (!quoted) {
      // Running over lines: a `- ` item's value (the lines below say whether it is a key); alone on its line, its
      // parent is not known here, so left to the parser.
      if (!rec.dash) throw BAD;
      rec.value = openQuoted(line, col);
      return;
    }
    let i = quoted.end;
    while (line.charCodeAt(i) === 32) i++;
    if (line[i] === ':' && (i + 1 === line.length || line[i + 1] === ' ')) {
      if (quoted.text === undefined) throw BAD;
      rec.key = quoted;
      rec.value = lexValue(line, afterColon(line, i + 1));
      return;
    }
    rec.value = scalarValue(quoted, line, quoted.end, false);
    return;
  }
  if (c === '?' || c === ':') {
    if (col + 1 === line.length || line[col + 1] === ' ' || line[col + 1] === '\t') throw BAD; // complex or empty key
  }
  if ('{[*&!|>'.includes(c)) {
    // Values only: a collection, alias or property before a `:` on this line would be a key, which the lexer refuses.
    if ((c === '|' || c === '>') && !rec.dash) throw BAD; // a block scalar as a whole document
    rec.value = lexValue(line, col);
    return;
  }
  const plain = readPlain(line, col);
  if (plain.keyEnd >= 0) {
    const text = line.slice(col, plain.end);
    if (text.includes('\t') || text.length > 1000) throw BAD;
    rec.key = { kind: 'scalar', start: col, end: plain.end, quote: '', text };
    rec.value = lexValue(line, afterColon(line, plain.keyEnd + 1));
    return;
  }
  rec.value = plainValue(line, col, plain);
}

function afterColon(line: string, i: number): number {
  while (line.charCodeAt(i) === 32) i++;
  if (line[i] === '\t') {
    // Tabs as separation after `:` are legal YAML but left to the parser, except trailing ones.
    if (/^[ \t]*$/.test(line.slice(i))) return line.length;
    throw BAD;
  }
  return i;
}

/** A plain scalar from `start`: where it ends, and whether it ends as a key (`: `) or before a comment. */
function readPlain(line: string, start: number): { end: number; keyEnd: number; comment: boolean } {
  const first = line[start];
  if (',]}#%@`'.includes(first)) throw BAD;
  if ((first === '-' || first === '?' || first === ':') && (start + 1 === line.length || line[start + 1] === ' ')) throw BAD;
  let end = start;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (c === ':' && (i + 1 === line.length || line[i + 1] === ' ')) return { end, keyEnd: i, comment: false };
    if (c === ':' && line[i + 1] === '\t') throw BAD;
    if (c === '#' && (line[i - 1] === ' ' || line[i - 1] === '\t')) return { end, keyEnd: -1, comment: true };
    if (c !== ' ' && c !== '\t') end = i + 1;
  }
  return { end, keyEnd: -1, comment: false };
}

function plainValue(line: string, start: number, plain: { end: number; comment: boolean }): ValueToken {
  const scalar: ScalarToken = { kind: 'scalar', start, end: plain.end, quote: '', text: line.slice(start, plain.end) };
  return { ...NO_VALUE, kind: ValueKind.Scalar, scalar, plain: true, comment: plain.comment };
}

/** A quoted scalar from `start` that the line does not close: its text goes on below, so it is not known. */
function openQuoted(line: string, start: number): ValueToken {
  const scalar: ScalarToken = { kind: 'scalar', start, end: line.length, quote: line[start] as "'" | '"', text: undefined };
  return { ...NO_VALUE, kind: ValueKind.Scalar, scalar, open: true };
}

/** After a value: only spaces and a comment may follow on the line. */
function trailing(line: string, i: number): boolean {
  let j = i;
  while (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9) j++;
  if (j === line.length) return false;
  if (line[j] === '#' && j > i) return true;
  throw BAD;
}

function scalarValue(scalar: ScalarToken, line: string, end: number, tagged: boolean): ValueToken {
  const comment = trailing(line, end);
  return { ...NO_VALUE, kind: ValueKind.Scalar, scalar: tagged ? { ...scalar, text: undefined } : scalar, comment, tagged };
}

/** The value after `key: ` (or after a dash), from `start`. */
function lexValue(line: string, start: number): ValueToken {
  let i = start;
  let tagged = false;
  let strongTag = false;
  let props = false;
  // Properties: an anchor and/or a tag, each followed by a space or the end of the line.
  while (line[i] === '&' || line[i] === '!') {
    let j = i + 1;
    while (j < line.length && line[j] !== ' ' && line[j] !== '\t') j++;
    const name = line.slice(i, j);
    if (/[,[\]{}]/.test(name) || name.length === 1) throw BAD;
    if (name[0] === '!') {
      tagged = true;
      if (name.startsWith('!!') || name.startsWith('!<')) strongTag = true;
    }
    props = true;
    i = j;
    while (line.charCodeAt(i) === 32) i++;
    if (line[i] === '\t') throw BAD;
  }
  if (i === line.length || line[i] === '#') {
    if (line[i] === '#' && i > 0 && line[i - 1] !== ' ') throw BAD;
    const comment = i < line.length;
    if (!props) return comment ? COMMENT_ONLY : NO_VALUE;
    return { ...NO_VALUE, kind: ValueKind.Props, comment, tagged, strongTag };
  }
  const c = line[i];
  if (c === '{' || c === '[') {
    const flow = readFlow(line, i);
    if (!flow) throw BAD; // a flow collection over several lines, or one this reader does not know
    const comment = trailing(line, flow.end);
    // A tag could make the collection something else; an anchor on it changes nothing here.
    if (strongTag) throw BAD;
    // Its span rides in `scalar` (with no text): the line table keeps only where it starts, the pass reads it again.
    const span: ScalarToken = { kind: 'scalar', start: i, end: flow.end, quote: '', text: undefined };
    return { ...NO_VALUE, kind: ValueKind.Flow, scalar: span, flow: flow.node, comment, tagged };
  }
  if (c === '*') {
    if (props) throw BAD;
    let j = i + 1;
    while (j < line.length && line[j] !== ' ' && line[j] !== '\t') j++;
    if (/[,[\]{}:]/.test(line.slice(i, j))) throw BAD;
    const comment = trailing(line, j);
    return { ...NO_VALUE, kind: ValueKind.Alias, comment };
  }
  if (c === '|' || c === '>') {
    // Chomping indicator only; an explicit indentation indicator is left to the parser.
    let j = i + 1;
    if (line[j] === '+' || line[j] === '-') j++;
    const comment = trailing(line, j);
    const scalar: ScalarToken = { kind: 'scalar', start: i, end: j, quote: '', text: undefined };
    return { ...NO_VALUE, kind: ValueKind.Block, scalar, comment, tagged, strongTag };
  }
  if (c === "'" || c === '"') {
    const quoted = readQuoted(line, i);
    if (!quoted) return { ...openQuoted(line, i), tagged };
    return scalarValue(quoted, line, quoted.end, tagged);
  }
  const plain = readPlain(line, i);
  if (plain.keyEnd >= 0) throw BAD; // `a: b: c`, or a property before a key
  const value = plainValue(line, i, plain);
  if (tagged) value.scalar = { ...value.scalar!, text: undefined };
  value.tagged = tagged;
  return value;
}

/**
 * Lexes a line and sets the state it leaves: a block scalar header, a quoted scalar left open, or a plain scalar
 * value opens one, whose lines are indented past its key or dash (past the line's indentation less one for a plain
 * scalar alone on its line: its parent is not known here, and the lines between are read as continuations anyway).
 */
export function lexLineWithState(raw: string, stateIn: LexState): LineRecord {
  const rec = lexLine(raw, stateIn);
  if (rec.kind !== LineKind.Content || rec.stateOut !== NO_BLOCK) return rec;
  const value = rec.value;
  const parent = rec.key || !rec.dash ? rec.col : rec.indent;
  if (value.kind === ValueKind.Block) {
    if (parent >= FIELD - 2) return record(LineKind.Bad, rec.indent, NO_BLOCK, rec.nesting);
    rec.stateOut = blockState(parent, -1, 0);
  } else if (value.kind === ValueKind.Scalar && (value.open || value.plain)) {
    const alone = !rec.key && !rec.dash;
    const column = alone ? rec.col - 1 : parent;
    if (column >= MAX_PARENT) return record(LineKind.Bad, rec.indent, NO_BLOCK, rec.nesting);
    // A plain scalar alone at column 0 is a document's root: the structure pass refuses what follows it anyway.
    if (column < 0) return rec;
    const open = value.open ? (value.scalar!.quote === '"' ? Open.Double : Open.Single) : value.comment ? Open.PlainEnded : Open.Plain;
    rec.stateOut = flowState(open, column);
  }
  return rec;
}
