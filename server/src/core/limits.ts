import { Lexer } from 'yaml';

/** Why a document was not read. Reported as a skip (never as "no problems"), rendered by the shells. */
export type SkipReason = { kind: 'too-large'; chars: number; limit: number } | { kind: 'binary' } | { kind: 'too-deep'; limit?: number };

/**
 * How much one document may hold. The editor's default fits the largest public specs (GitHub's and Stripe's run to
 * several megabytes) and can be raised by a setting; the CLI reads up to 64 MB, a guard for memory only.
 */
export const EDITOR_MAX_CHARS = 16 * 1024 * 1024;
/**
 * TypeScript and JavaScript in the editor: the compiler's incremental parse still costs about 0.2 ms per kB per
 * keystroke (200 ms at 1 MB on a busy 2-core machine), while a YAML edit re-lexes only its lines (66 ms per keystroke
 * in a 9.2 MB spec). Files this large are generated or bundled code; the CLI still checks them.
 */
export const EDITOR_MAX_CODE_CHARS = 1024 * 1024;
export const CLI_MAX_CHARS = 64 * 1024 * 1024;

/** Why a document is skipped, or undefined if it can be analysed. */
export function skipReason(text: string, maxChars = EDITOR_MAX_CHARS): SkipReason | undefined {
  if (text.length > maxChars) return { kind: 'too-large', chars: text.length, limit: maxChars };
  if (text.includes('\u0000')) return { kind: 'binary' };
  return undefined;
}

/** Why a file was not checked in full: skipped before reading, unreadable, or an adapter failed while reading it. */
export type NotChecked =
  | SkipReason
  | { kind: 'failure'; firstLine: string }
  /** The file system refused to read it; `reason` is the operating system's words. */
  | { kind: 'unreadable'; reason: string };

/** Deeper than any real YAML nests; far below the depth at which the `yaml` parser exhausts V8's stack. */
export const MAX_YAML_NESTING = 400;

/**
 * Whether YAML text nests deeper than MAX_YAML_NESTING. The `yaml` parser recurses per level, and at a few
 * thousand levels V8 aborts the whole process (an uncatchable out-of-memory in its RegExp compiler), so such text
 * is refused before parsing. Only real nesting counts: flow collections as the parser's own lexer reads them (not a
 * bracket in a quoted string, a comment or a block scalar), and block indentation.
 */
export function yamlTooDeep(text: string): boolean {
  if (!yamlMayBeTooDeep(text)) return false;
  return deepIndentation(text) || flowNesting(text) > MAX_YAML_NESTING;
}

/**
 * A cheap upper bound of yamlTooDeep: every bracket counts, wherever it is, and every leading space, tab, `-` and
 * `?` (compact `- - -` entries each open a block level at most). False means certainly not too deep; true means
 * the lexer has to look (yamlFast/depth.ts folds the same count line by line).
 */
export function yamlMayBeTooDeep(text: string): boolean {
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 9 || c === 45 || c === 63) {
        if (++indent > MAX_YAML_NESTING * 2) return true;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++flow > MAX_YAML_NESTING) return true;
    } else if ((c === 93 || c === 125) && flow > 0) {
      flow--;
    }
  }
  return false;
}

/** A line whose leading run of spaces, tabs, `-` and `?` could open more block levels than the limit. */
function deepIndentation(text: string): boolean {
  let run = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      run = 0;
    } else if (lineStart && (c === 32 || c === 9 || c === 45 || c === 63)) {
      if (++run > MAX_YAML_NESTING * 2) return true;
    } else {
      lineStart = false;
    }
  }
  return false;
}

/**
 * The deepest flow-collection nesting, read by the `yaml` package's own lexer (iterative, no recursion): exactly
 * the `[` and `{` the parser will open collections for, whatever quotes, comments and block scalars hold.
 */
function flowNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > deepest) deepest = depth;
    } else if ((token === ']' || token === '}') && depth > 0) {
      depth--;
    }
  }
  return deepest;
}
