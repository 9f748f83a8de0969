/** Why a document was not read. Reported as a skip (never as "no problems"), rendered by the shells. */
export type SkipReason = { kind: 'too-large'; chars: number; limit: number } | { kind: 'binary' } | { kind: 'too-deep'; limit: number };

/**
 * How much one document may hold. The editor's default fits the largest public specs (GitHub's and Stripe's run to
 * several megabytes) and can be raised by a setting; the CLI reads up to 64 MB, a guard for memory only.
 */
export const EDITOR_MAX_CHARS = 16 * 1024 * 1024;
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
 * is refused before parsing. Counts flow brackets and block indentation (including compact `- - -` entries);
 * brackets inside quoted strings count too, which can only make the check stricter.
 */
export function yamlTooDeep(text: string): boolean {
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
      // Leading spaces and compact sequence/mapping markers ("- ", "? ") each open a block level at most.
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
