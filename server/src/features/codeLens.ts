/**
 * textDocument/codeLens: above each handler a route names, its endpoints and the codes it answers
 * (`POST /v1/users · answers 201, 400`). Clicking it shows the tests that call the endpoint, where there are any.
 * Above each operation of a spec (on its method key): `spec 201 400 · code 201 409 · tests 201`, what the spec lists,
 * what its handlers answer and what its tests expect; clicking it opens the endpoint status matrix on its row.
 */
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isScriptLanguage, MESSAGES } from '../core';
import { openDocument, type ServerContext } from '../context';
import { throwIfCancelled } from './cancellation';

/** The client command that shows locations in a peek view (client/src/extension.ts registers it). */
export const SHOW_LOCATIONS_COMMAND = 'statusdoc.showLocations';
/** The client command that opens the matrix webview on a row: arguments (a file URI of the folder, the row's id). */
export const SHOW_MATRIX_ROW_COMMAND = 'statusdoc.showMatrixRow';

export async function provideCodeLenses(context: ServerContext, params: CodeLensParams, token?: CancellationToken): Promise<CodeLens[]> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  const document = openDocument(context, params.textDocument.uri, settings);
  if (!document || !context.routes) return [];
  const lang = context.languageFor(settings);
  if (!isScriptLanguage(document.source.language)) {
    return context.routes.operationsOf(document.lsp.uri, document.source).map((operation) => {
      const position = document.lsp.positionAt(operation.at);
      return {
        range: { start: position, end: position },
        command: { title: MESSAGES.operationLens(lang, operation), command: SHOW_MATRIX_ROW_COMMAND, arguments: [document.lsp.uri, operation.row] },
      };
    });
  }
  return context.routes.handlersOf(document.lsp.uri, document.source).map(({ handler, codes, known, tests }) => {
    const position = document.lsp.positionAt(handler.at);
    const endpoints = [...new Set(handler.routes.map((route) => `${route.method} ${route.path ?? '…'}`))];
    const title = MESSAGES.handlerLens(lang, endpoints, codes, known, tests.length);
    const locations = tests.map((test) => ({ uri: test.uri, range: { start: { line: test.line, character: 0 }, end: { line: test.line, character: 0 } } }));
    // A lens with no command to run shows its title only (VS Code draws it as plain text).
    const command = tests.length > 0 ? SHOW_LOCATIONS_COMMAND : '';
    return {
      range: { start: position, end: position },
      command: { title, command, arguments: tests.length > 0 ? [document.lsp.uri, position, locations] : undefined },
    };
  });
}
