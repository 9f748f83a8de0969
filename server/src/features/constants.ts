/**
 * Named constants: the "Use HttpStatus.X" quick-fix on literal sites, the source action that converts every literal
 * of a file, and the command that writes the project's constants module from the documented table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, MessageType, ShowMessageNotification, type CodeAction, type Connection, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { fixEdits, generateConstantsModule, MESSAGES, takesConstant, useAllConstants, useConstantFix, type Site } from '../core';
import { constantsSourceOf, type OpenDocument, type ServerContext } from '../context';
import type { Settings } from '../settings';
import { toWorkspaceEdit } from '../convert';
import { projectModulePath } from '../project/constants';

export const USE_CONSTANTS_KIND = 'source.statusdoc.useConstants';
export const CREATE_CONSTANTS_KIND = 'source.statusdoc.createConstants';
export const CREATE_CONSTANTS_COMMAND = 'statusdoc.createConstantsModule';

/** Quick-fixes for the literal sites the range touches, and the file-wide source actions when asked for. */
export function constantActions(
  context: ServerContext,
  document: OpenDocument,
  settings: Settings,
  range: Range,
  wants: (kind: string) => boolean,
  versioned: boolean,
  /** Sites a rule wants changed to another code: naming the wrong code as a constant would only dress it up. */
  wrongSites: ReadonlySet<Site> = new Set(),
): CodeAction[] {
  const { lsp, source: doc } = document;
  const lang = context.languageFor(settings);
  const actions: CodeAction[] = [];
  const start = lsp.offsetAt(range.start);
  const end = lsp.offsetAt(range.end);
  const inRange = (site: Site) => site.start <= end && start <= site.end && !wrongSites.has(site);
  const literals = doc.facts.sites.filter((site) => takesConstant(site, doc.language));
  // The source decision reads package.json files: only when a quick-fix or the source action can use it.
  const needed = (wants(CodeActionKind.QuickFix) && literals.some(inRange)) || (wants(USE_CONSTANTS_KIND) && literals.length > 0);
  if (needed) {
    const { table } = context.workspace.tableFor(lsp.uri, settings);
    const source = constantsSourceOf(context, document, settings);
    if (wants(CodeActionKind.QuickFix)) {
      for (const site of literals.filter(inRange)) {
        const fix = useConstantFix(doc, site, source, table, lang);
        if (fix) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(lsp, fixEdits(doc, fix), versioned) });
      }
    }
    if (wants(USE_CONSTANTS_KIND)) {
      // Every literal at once: the same fixes, merged like fix-all (one import edit).
      const edits = useAllConstants(doc, source, table, lang);
      if (edits.length > 0) actions.push({ title: MESSAGES.useAllConstants(lang), kind: USE_CONSTANTS_KIND, edit: toWorkspaceEdit(lsp, edits, versioned) });
    }
  }
  if (wants(CREATE_CONSTANTS_KIND)) {
    const title = MESSAGES.createConstantsModule(lang);
    actions.push({ title, kind: CREATE_CONSTANTS_KIND, command: { title, command: CREATE_CONSTANTS_COMMAND, arguments: [lsp.uri] } });
  }
  return actions;
}

/**
 * A notification, not window.showErrorMessage: that is a request, and a client that answers it with an error (or does
 * not implement it) left an unhandled rejection that took the whole server down.
 */
function showError(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
}

/**
 * Writes (or rewrites, after the table changed) the constants module for the folder of `uri` (or the first
 * workspace folder), through the client's applyEdit so open editors and undo see it. Returns the module's URI.
 */
export async function createConstantsModule(
  context: ServerContext,
  connection: Connection,
  uri: string | undefined,
  canCreateFiles: boolean,
): Promise<string | undefined> {
  const file = uri && context.workspace.fileOf(uri);
  const dir = file ? path.dirname(file) : context.workspace.defaultFolder();
  if (!dir) {
    showError(connection, MESSAGES.noFolder(context.languageFor(await context.settings.get(uri ?? ''))));
    return undefined;
  }
  const settings = await context.settings.get(uri ?? URI.file(dir).toString());
  const inForce = context.workspace.tableForFolder(dir, settings);
  const modulePath = projectModulePath(dir, settings.constants, inForce, context.workspace.folderOf(dir));
  const content = generateConstantsModule(inForce.table, inForce.path ? path.basename(inForce.path) : 'statusdoc default table');
  if (!context.workspace.mayWrite(modulePath)) {
    // An untrusted repository's .statusdoc.json must not point the generator at a file outside it.
    showError(connection, MESSAGES.untrustedWrite(context.languageFor(settings), modulePath));
    return undefined;
  }
  const moduleUri = URI.file(modulePath).toString();
  const open = context.store.documents.get(moduleUri);
  let edit: WorkspaceEdit;
  if (open) {
    edit = { changes: { [moduleUri]: [{ range: { start: { line: 0, character: 0 }, end: open.positionAt(open.getText().length) }, newText: content }] } };
  } else if (canCreateFiles) {
    edit = {
      documentChanges: [
        { kind: 'create', uri: moduleUri, options: { overwrite: true } },
        {
          textDocument: { uri: moduleUri, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }],
        },
      ],
    };
  } else {
    // A client that cannot create files: write it directly.
    fs.mkdirSync(path.dirname(modulePath), { recursive: true });
    fs.writeFileSync(modulePath, content);
    return moduleUri;
  }
  const result = await connection.workspace.applyEdit({ label: MESSAGES.constantsModuleEdit(context.languageFor(settings)), edit });
  if (!result.applied) {
    showError(connection, MESSAGES.couldNotWrite(context.languageFor(settings), modulePath, result.failureReason));
    return undefined;
  }
  return moduleUri;
}
