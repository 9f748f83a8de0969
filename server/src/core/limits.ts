/** Documents statusdoc will not read: they answer with no sites instead of stalling the editor. */
import { CLI_MESSAGES } from './messages/cli';

export const MAX_DOCUMENT_CHARS = 2_000_000;

export type SkipCause = { kind: 'tooLarge'; limit: number } | { kind: 'binary' };

/** Why a document is skipped, or undefined if it can be analysed. */
export function skipCause(text: string): SkipCause | undefined {
  if (text.length > MAX_DOCUMENT_CHARS) return { kind: 'tooLarge', limit: MAX_DOCUMENT_CHARS };
  if (text.includes('\u0000')) return { kind: 'binary' };
  return undefined;
}

/** Why a document is skipped, in English (for logs), or undefined if it can be analysed. */
export function skipReason(text: string): string | undefined {
  const cause = skipCause(text);
  return cause && CLI_MESSAGES.skipCause('en', cause);
}

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
