/** The one place where core types (offsets, Sites, markdown) meet LSP types (positions, ranges, hovers). */
import type { Hover, Range } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Site } from './core/sites/types';

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toHover(document: TextDocument, site: Site, markdown: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(document, site.start, site.end) };
}
