/** Applying and combining text edits (offsets into the original text). */
import type { TextEdit } from './types';

/** Sorted, with any edit that overlaps an earlier one dropped (fix-all keeps the first fix for a span). */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && edit.start < previous.end) continue;
    if (previous && edit.start === previous.start && edit.end === previous.end && edit.start !== edit.end) continue;
    kept.push(edit);
  }
  return kept;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let at = 0;
  for (const edit of nonOverlapping(edits)) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** The whitespace a line starts with, and where the line starts, for the line holding `offset`. */
export function lineIndent(text: string, offset: number): { lineStart: number; indent: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
  return { lineStart, indent };
}

/** The line break the document already uses, so inserted lines do not mix endings. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
