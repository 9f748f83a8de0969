/**
 * textDocument/codeAction: the quick-fixes of statusdoc's diagnostics, and source.fixAll.statusdoc for
 * editor.codeActionsOnSave. Every action carries its edit, versioned to the document it was computed on; the edits
 * are computed here, for the findings the request is about, not when diagnostics are shown.
 */
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits, fixEdits, fixesFor, MESSAGES, type Finding, type Lang, type TextEdit } from '../core';
import { findingsOf, openDocument, type ServerContext } from '../context';
import { SOURCE, toDiagnostic, toWorkspaceEdit } from '../convert';
import { betweenPhases, throwIfCancelled } from './cancellation';
import { constantActions } from './constants';
import { addToSpecAction } from './specFix';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.statusdoc`;

/**
 * Whether the client asked for `kind`: a filter entry that is `kind` or a parent of it. Without a filter (the
 * lightbulb) only quick-fixes: source actions are for the Source Action menu and codeActionsOnSave.
 */
function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

export async function provideCodeActions(
  context: ServerContext,
  params: CodeActionParams,
  versioned: boolean,
  token?: CancellationToken,
): Promise<CodeAction[]> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  const document = openDocument(context, params.textDocument.uri, settings);
  if (!document) return [];
  await betweenPhases(token, document);
  // From here on, synchronous: the document cannot change between reading its offsets and building the edits.
  const { lsp, source } = document;
  const only = params.context.only;
  const findings = findingsOf(context, document, settings);
  const wrongSites = new Set(findings.filter((finding) => finding.rule === 'wrong-success-code').flatMap((finding) => finding.site ?? []));
  const constants = constantActions(context, document, settings, params.range, (kind) => wants(only, kind), versioned, wrongSites);
  if (findings.length === 0) return constants;
  const lang = context.languageFor(settings);
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const finding of findingsUnder(lsp, findings, params.range)) {
      const diagnostics = [echoedDiagnostic(lsp, params.context.diagnostics, finding) ?? toDiagnostic(lsp, finding)];
      const toSpec = addToSpecAction(context, lsp.uri, finding, diagnostics, context.workspace.tableFor(lsp.uri, settings).table, lang, versioned);
      if (toSpec) actions.push(toSpec);
      fixesFor(source, finding, lang).forEach((fix, index) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: index === 0 && fix.safe,
          edit: toWorkspaceEdit(lsp, fixEdits(source, fix), versioned),
        });
      });
    }
    const fixable = findings.filter((finding) => finding.fixable);
    if (actions.length > 0 && fixable.length > 1)
      actions.push(fixAllAction(lsp, CodeActionKind.QuickFix, fixAllEdits(source, findings, lang), lang, versioned));
  }
  if (wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(source, findings, lang);
    if (edits.length > 0) actions.push(fixAllAction(lsp, FIX_ALL_KIND, edits, lang, versioned));
  }
  // The rules' fixes first: they are what the squiggle is about; "use a named constant" is a refactoring.
  return [...actions, ...constants];
}

/**
 * The findings under the request's range, by the server's own offsets: not by the ranges the client echoes back
 * (Neovim 0.7 sends them in bytes, not UTF-16), and before the client has any diagnostics at all.
 */
function findingsUnder(lsp: TextDocument, findings: readonly Finding[], range: Range): Finding[] {
  const start = lsp.offsetAt(range.start);
  const end = lsp.offsetAt(range.end);
  return findings.filter((finding) => finding.start <= end && start <= finding.end);
}

/**
 * The client's diagnostic for a finding, to name in the action (VS Code links the two by it): statusdoc's, of the
 * same rule, on the same line; the exact range when the client kept it, else the first of that rule on the line.
 */
function echoedDiagnostic(lsp: TextDocument, diagnostics: readonly Diagnostic[], finding: Finding): Diagnostic | undefined {
  const own = toDiagnostic(lsp, finding);
  const candidates = diagnostics.filter(
    (diagnostic) => diagnostic.source === SOURCE && diagnostic.code === finding.rule && diagnostic.range.start.line === own.range.start.line,
  );
  const sameRange = (diagnostic: Diagnostic) =>
    diagnostic.range.start.character === own.range.start.character && diagnostic.range.end.character === own.range.end.character;
  return candidates.find(sameRange) ?? candidates[0];
}

function fixAllAction(document: TextDocument, kind: string, edits: readonly TextEdit[], lang: Lang, versioned: boolean): CodeAction {
  return { title: MESSAGES.fixAll(lang), kind, edit: toWorkspaceEdit(document, edits, versioned) };
}
