/**
 * Lines and columns as the editor counts them: CR, LF and CRLF each end a line, columns are UTF-16 units. The server
 * turns offsets into positions with this same library, so a CLI report points where the editor's squiggle is, even in
 * a file with old Mac (CR-only) line ends, which the core's LineIndex (LF only) would count as one line.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LineColumn, SourceDocument } from '../core';

const editorDocuments = new WeakMap<SourceDocument, TextDocument>();

/** A locator for one document: the editor's line starts are computed once. */
export function editorPositions(document: SourceDocument): (offset: number) => LineColumn {
  let editor = editorDocuments.get(document);
  if (!editor) {
    editor = TextDocument.create('file:///statusdoc-cli', document.language, 0, document.text);
    editorDocuments.set(document, editor);
  }
  const lines = editor;
  return (offset) => lines.positionAt(offset);
}
