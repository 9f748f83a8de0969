/**
 * The edits the fuzz makes: what people do to a file while statusdoc reads it. A gesture is one or more steps (one
 * didChange each): typing a status code is three keystrokes, with a completion request after each.
 */
import type { Random } from './random';

/** One replacement of `[start, end)` of the text it applies to (UTF-16 offsets) by `insert`. */
export interface Change {
  start: number;
  end: number;
  insert: string;
}

/** One didChange: its changes apply one after the other, each to the text the previous one left. */
export interface Step {
  kind: string;
  changes: Change[];
  /** Where the cursor is after the step: completion is asked there. */
  cursor: number;
  /** A keystroke where an editor asks for completion. */
  completes?: boolean;
}

export function applyChange(text: string, change: Change): string {
  return text.slice(0, change.start) + change.insert + text.slice(change.end);
}

/**
 * An editor never puts the cursor between the two halves of a surrogate pair, nor between CR and LF (LSP has no
 * position there: the server would apply the edit elsewhere).
 */
function onCharBoundary(text: string, offset: number): number {
  const at = Math.max(0, Math.min(text.length, offset));
  const after = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  const splitsPair = after >= 0xdc00 && after <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
  return splitsPair || (before === 13 && after === 10) ? at - 1 : at;
}

const SNIPPETS = [
  '200',
  '201',
  '204',
  '418',
  '599',
  "'200':",
  '"201":',
  '\n',
  '  ',
  '\t',
  'post',
  'delete',
  'get:',
  'responses:',
  '# ',
  '// ',
  '/* ',
  ' {',
  '}',
  '[',
  ']',
  'status: ',
  'res.status(',
  'reply.code(',
  'expect(',
  '.expect(',
  'HttpStatus.',
  'StatusCodes.CREATED',
  '@HttpCode(',
  ')',
  ';\n',
  '"',
  "'",
  '`${',
  '- ',
  '  status_code: ',
];

const PASTES = ['订单已创建', '状态码：201 已创建', '✅', '😀', '👍🏽', '𠮷野家', '// 返回 204 🚀\n', "'成功': 200", '\u200b', 'é'];

const STATUS = /\b[1-5]\d\d\b/g;
const ANCHORS = /\b[1-5]\d\d\b|post|delete|get|put|status|expect|HttpCode|responses/g;

/** An offset near a status code or a method word more often than not: where statusdoc's logic is. */
function nearAnchor(text: string, random: Random): number {
  const anchors = [...text.matchAll(ANCHORS)];
  const base = anchors.length > 0 && random.chance(0.7) ? random.pick(anchors).index! : random.int(text.length + 1);
  return onCharBoundary(text, base + random.int(9) - 4);
}

function single(kind: string, text: string, start: number, end: number, insert: string): Step {
  start = onCharBoundary(text, start);
  end = onCharBoundary(text, Math.max(start, end));
  return { kind, changes: [{ start, end, insert }], cursor: start + insert.length };
}

/** Typing a status code over an existing one (or anywhere), one keystroke per step. */
function typeCode(text: string, random: Random): Step[] {
  const codes = [...text.matchAll(STATUS)];
  const code = random.pick(['200', '201', '204', '404', '418', '500']);
  let at: number;
  const steps: Step[] = [];
  if (codes.length > 0 && random.chance(0.8)) {
    const target = random.pick(codes);
    at = target.index!;
    steps.push({ kind: 'type: delete the code', changes: [{ start: at, end: at + 3, insert: '' }], cursor: at, completes: true });
  } else {
    at = nearAnchor(text, random);
  }
  for (let i = 0; i < code.length; i++) {
    steps.push({ kind: `type: ${code.slice(0, i + 1)}`, changes: [{ start: at + i, end: at + i, insert: code[i] }], cursor: at + i + 1, completes: true });
  }
  return steps;
}

function deleteBracket(text: string, random: Random): Step {
  const brackets = [...text.matchAll(/[()[\]{}]/g)];
  if (brackets.length === 0) return single('delete: a range', text, nearAnchor(text, random), nearAnchor(text, random) + 3, '');
  const at = random.pick(brackets).index!;
  return single('delete: a bracket', text, at, at + 1, '');
}

/** Line ends: a CRLF typed, a LF made CRLF, a lone CR, or a LF typed after a lone CR (they become one CRLF). */
function lineEnd(text: string, random: Random): Step {
  const newlines = [...text.matchAll(/\n/g)];
  const at = newlines.length > 0 ? random.pick(newlines).index! : text.length;
  switch (random.int(4)) {
    case 0:
      return single('crlf: typed', text, nearAnchor(text, random), nearAnchor(text, random), '\r\n');
    case 1:
      return single('crlf: LF to CRLF', text, at, at + 1, '\r\n');
    case 2:
      return single('crlf: lone CR', text, at, at, '\r');
    default: {
      const lone = [...text.matchAll(/\r(?!\n)/g)];
      return lone.length > 0
        ? single('crlf: LF after a lone CR', text, lone[0].index! + 1, lone[0].index! + 1, '\n')
        : single('crlf: lone CR', text, at, at, '\r');
    }
  }
}

/** A line copied from elsewhere and pasted (the usual way a second route or response is written). */
function duplicateLine(text: string, random: Random): Step {
  const from = random.int(text.length + 1);
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lineEnd = text.indexOf('\n', from);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
  const to = text.lastIndexOf('\n', nearAnchor(text, random) - 1) + 1;
  return single('paste: a line', text, to, to, line);
}

/** Two changes in one didChange, as an editor sends for multiple cursors. */
function twoCursors(text: string, random: Random): Step {
  const first = single('', text, nearAnchor(text, random), 0, random.pick(SNIPPETS)).changes[0];
  const after = applyChange(text, first);
  const second = single('', after, random.int(after.length + 1), 0, random.pick(SNIPPETS)).changes[0];
  return { kind: 'two cursors', changes: [first, second], cursor: second.start + second.insert.length };
}

/** A few lines copied from another file (a NestJS method into an Express callback, a test into a spec). */
function pasteFrom(clipboard: readonly string[], text: string, random: Random): Step {
  const source = random.pick(clipboard);
  const lines = source.split('\n');
  const first = random.int(lines.length);
  const copied = `${lines.slice(first, first + 1 + random.int(6)).join('\n')}\n`;
  const to = text.lastIndexOf('\n', nearAnchor(text, random) - 1) + 1;
  return single('paste: lines of another file', text, to, to, copied);
}

/** The next gesture on `text`; `clipboard` holds other files to copy from. */
export function randomGesture(text: string, random: Random, clipboard: readonly string[] = []): Step[] {
  if (clipboard.length > 0 && random.chance(0.05)) return [pasteFrom(clipboard, text, random)];
  const roll = random();
  if (roll < 0.25) {
    const start = nearAnchor(text, random);
    return [single('snippet', text, start, start + (random.chance(0.5) ? 0 : random.int(6)), random.pick(SNIPPETS))];
  }
  if (roll < 0.37) {
    const start = nearAnchor(text, random);
    return [single('delete: a range', text, start, start + 1 + random.int(random.chance(0.2) ? 200 : 12), '')];
  }
  if (roll < 0.55) return typeCode(text, random);
  if (roll < 0.65) return [deleteBracket(text, random)];
  if (roll < 0.75) {
    const start = nearAnchor(text, random);
    return [single('paste: CJK and emoji', text, start, start + (random.chance(0.3) ? random.int(4) : 0), random.pick(PASTES))];
  }
  if (roll < 0.85) return [lineEnd(text, random)];
  if (roll < 0.93) return [duplicateLine(text, random)];
  return [twoCursors(text, random)];
}
