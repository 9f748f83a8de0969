/** The one place where core types (offsets, Sites, Findings, edits) meet LSP types. */
import {
  DiagnosticSeverity,
  MarkupKind,
  TextDocumentEdit,
  type Diagnostic,
  type Hover,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, TextEdit as CoreEdit, Site } from './core';
import { ruleDocsUrl } from './project/docs';

export const SOURCE = 'statusdoc';

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toHover(document: TextDocument, site: Site, markdown: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(document, site.start, site.end) };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: rangeOf(document, finding.start, finding.end),
    severity: SEVERITIES[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: SOURCE,
    message: finding.message,
  };
}

/** Edits for the document as it is now, versioned when the client takes documentChanges. */
export function toWorkspaceEdit(document: TextDocument, edits: readonly CoreEdit[], versioned: boolean): WorkspaceEdit {
  const lspEdits: TextEdit[] = edits.map((edit) => ({ range: rangeOf(document, edit.start, edit.end), newText: edit.newText }));
  return versioned
    ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, lspEdits)] }
    : { changes: { [document.uri]: lspEdits } };
}
