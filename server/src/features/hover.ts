/** textDocument/hover: what the documented table says about the status code under the cursor. */
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { hoverMarkdown, MESSAGES, requestAnswersOf, siteAt } from '../core';
import { toHover } from '../convert';
import { openDocument, type ServerContext } from '../context';
import { throwIfCancelled } from './cancellation';

export async function provideHover(context: ServerContext, params: HoverParams, token?: CancellationToken): Promise<Hover | null> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  const document = openDocument(context, params.textDocument.uri, settings);
  const site = document && siteAt(document.source.facts.sites, document.lsp.offsetAt(params.position));
  if (!document || !site) return null;
  const { table, label } = context.workspace.tableFor(document.lsp.uri, settings);
  const scope = context.routes?.routeMethodsFor(document.lsp.uri, document.source)?.find((s) => s.start <= site.start && site.end <= s.end);
  const route = scope?.endpoints && { endpoints: scope.endpoints, registeredAt: scope.registeredAt };
  // A test's expected code: what the handlers of the routes its request hits answer.
  const request = site.role === 'expectation' ? requestAnswersOf(site, context.routes?.requestAnswersFor(document.lsp.uri, document.source)) : undefined;
  const markdown = hoverMarkdown(site, { table, lang: context.languageFor(settings), tableLabel: label, route, request });
  // A handler's site: what its operation in the spec says of the code.
  const spec = site.role === 'response' ? (context.routes?.specResponsesAt(document.lsp.uri, document.source, site.start) ?? []) : [];
  const specLines = spec.map((r) => MESSAGES.specResponseHover(context.languageFor(settings), r.key, r.description, r.place));
  return toHover(document.lsp, site, specLines.length === 0 ? markdown : `${markdown}\n\n${specLines.join('  \n')}`);
}
