/**
 * textDocument/codeLens: above each handler a route names, its endpoints and the codes it answers
 * (`POST /v1/users · answers 201, 400`). Clicking it shows the tests that call the endpoint, where there are any.
 */
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { MESSAGES, type Handler, type SourceDocument } from '../core';
import { openDocument, type ServerContext } from '../context';
import { throwIfCancelled } from './cancellation';

/** The client command that shows locations in a peek view (client/src/extension.ts registers it). */
export const SHOW_LOCATIONS_COMMAND = 'statusdoc.showLocations';

export async function provideCodeLenses(context: ServerContext, params: CodeLensParams, token?: CancellationToken): Promise<CodeLens[]> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  const document = openDocument(context, params.textDocument.uri, settings);
  if (!document || !context.routes) return [];
  const lang = context.languageFor(settings);
  return context.routes.handlersOf(document.lsp.uri, document.source).map(({ handler }) => {
    const position = document.lsp.positionAt(handler.at);
    const endpoints = [...new Set(handler.routes.map((route) => `${route.method} ${route.path ?? '…'}`))];
    const { codes, known } = answeredIn(document.source, handler);
    return {
      range: { start: position, end: position },
      command: { title: MESSAGES.handlerLens(lang, endpoints, codes, known, 0), command: '' },
    };
  });
}

/** The codes a handler's own text answers, in order; `known` is false until open ends are read. */
function answeredIn(document: SourceDocument, handler: Handler): { codes: number[]; known: boolean } {
  const codes = document.facts.sites
    .filter((site) => site.role === 'response' && handler.start <= site.start && site.end <= handler.end)
    .map((site) => site.code);
  return { codes: [...new Set(codes)].sort((a, b) => a - b), known: false };
}
