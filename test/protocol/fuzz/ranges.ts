/**
 * Strict checks of what the server returns against the text it was computed on: positions in UTF-16 code units, lines
 * broken at CRLF, LF and a lone CR (as LSP counts them), never between the halves of a surrogate pair; edits inside
 * the text and not overlapping, so that a client can apply them.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';

/** The text's lines as LSP counts them. */
export class Lines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
      if (code === 13 || code === 10) this.starts.push(at + 1);
    }
  }

  /** Why `position` is not a place in the text, or undefined when it is one. */
  problemWith(position: Position): string | undefined {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return `not a position: ${JSON.stringify(position)}`;
    if (line >= this.starts.length) return `line ${line} past the last line (${this.starts.length - 1})`;
    const length = this.lineLength(line);
    if (character > length) return `character ${character} past the end of line ${line} (${length} UTF-16 units)`;
    const offset = this.starts[line] + character;
    const before = this.text.charCodeAt(offset - 1);
    const after = this.text.charCodeAt(offset);
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return `${line}:${character} splits a surrogate pair`;
    return undefined;
  }

  /** Why `range` is not a range of the text, or undefined when it is one. */
  rangeProblem(range: Range): string | undefined {
    const problem = this.problemWith(range.start) ?? this.problemWith(range.end);
    if (problem) return problem;
    return this.offsetAt(range.start) > this.offsetAt(range.end) ? `range ends before it starts: ${JSON.stringify(range)}` : undefined;
  }

  /** The offset of a position already known to be inside. */
  offsetAt(position: Position): number {
    return this.starts[position.line] + position.character;
  }

  private lineLength(line: number): number {
    if (line + 1 === this.starts.length) return this.text.length - this.starts[line];
    const next = this.starts[line + 1];
    const breakLength = this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? 2 : 1;
    return next - breakLength - this.starts[line];
  }
}

/** Why a list of edits cannot be applied to `text` (outside it, overlapping), or undefined when it can. */
export function editsProblem(text: string, edits: readonly TextEdit[]): string | undefined {
  const lines = new Lines(text);
  for (const edit of edits) {
    const problem = lines.rangeProblem(edit.range);
    if (problem) return `edit ${JSON.stringify(edit)}: ${problem}`;
  }
  // LSP: no part of the text is changed by two edits; several inserts may share a start, a replacement after them.
  const spans = edits.map((edit, index) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), index }));
  spans.sort((a, b) => a.start - b.start || a.index - b.index);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) return `edits overlap: ${JSON.stringify(edits[spans[i - 1].index])} and ${JSON.stringify(edits[spans[i].index])}`;
  }
  return undefined;
}

/** The text after applying edits already checked with editsProblem (inserts at one place keep their order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new Lines(text);
  const spans = edits.map((edit, index) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText, index }));
  spans.sort((a, b) => b.start - a.start || b.index - a.index);
  for (const span of spans) text = text.slice(0, span.start) + span.newText + text.slice(span.end);
  return text;
}

/** The edits, last first: sent in this order as content changes, each range still means what it meant in `text`. */
export function lastFirst(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const lines = new Lines(text);
  return edits
    .map((edit, index) => ({ edit, start: lines.offsetAt(edit.range.start), index }))
    .sort((a, b) => b.start - a.start || b.index - a.index)
    .map(({ edit }) => edit);
}
