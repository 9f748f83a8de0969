/**
 * The quick-fix of response-not-in-spec: "Add '409' to the spec", an edit into the spec file (not the document the
 * finding is in), in the spec's style (core addResponseEdit), its description the table's meaning of the code in the
 * configured language. Versioned to the spec's editor when it is open, by URI when it is not. Editor only: `check
 * --fix` never edits a file other than the one it judges.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { addResponseEdit, languageOfFile, MESSAGES, readSpec, reasonOf, type Finding, type Lang, type StatusTable } from '../core';
import type { ServerContext } from '../context';

/** The table's words for a code: its documented meaning in `lang`, else in the doc's own language, else its reason. */
export function describedCode(table: StatusTable, code: number, lang: Lang): string {
  const entry = table.entries.get(code);
  return entry?.meanings[lang] ?? (entry && entry.meanings[entry.documentedLang]) ?? (reasonOf(table, code) || String(code));
}

export function addToSpecAction(
  context: ServerContext,
  uri: string,
  finding: Finding,
  diagnostics: Diagnostic[],
  table: StatusTable,
  lang: Lang,
  versioned: boolean,
): CodeAction | undefined {
  const fact = finding.drift;
  if (fact?.rule !== 'response-not-in-spec') return undefined;
  const root = context.routes?.specLinksFor(uri)?.root;
  if (!root) return undefined;
  const specFile = path.join(root, ...fact.spec.split('/'));
  const specUri = URI.file(specFile).toString();
  const open = context.store.documents.get(specUri);
  let spec = open;
  if (!spec) {
    try {
      spec = TextDocument.create(specUri, 'yaml', 0, fs.readFileSync(specFile, 'utf8'));
    } catch {
      return undefined;
    }
  }
  const text = spec.getText();
  const format = languageOfFile(specFile) === 'json' ? 'json' : 'yaml';
  // The operation as the spec's text now has it (the finding may be of an older text of the spec).
  const operation = readSpec(text, format)?.operations.find((op) => op.method === fact.method && op.path === fact.path);
  const edit = operation && addResponseEdit(text, format, operation, fact.code, describedCode(table, fact.code, lang));
  if (!edit) return undefined;
  const lspEdit = { range: { start: spec.positionAt(edit.start), end: spec.positionAt(edit.end) }, newText: edit.newText };
  const workspaceEdit: WorkspaceEdit =
    open && versioned
      ? { documentChanges: [TextDocumentEdit.create({ uri: specUri, version: open.version }, [lspEdit])] }
      : { changes: { [specUri]: [lspEdit] } };
  return { title: MESSAGES.fixAddToSpec(lang, fact.code), kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit };
}
