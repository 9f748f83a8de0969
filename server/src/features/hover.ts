/** textDocument/hover: what the documented table says about the status code under the cursor. */
import type { Hover, HoverParams } from 'vscode-languageserver';
import { hoverMarkdown } from '../core/hover';
import { siteAt } from '../core/sites';
import { toHover } from '../convert';
import type { ServerContext } from '../context';

export async function provideHover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const settings = await context.settings.get(params.textDocument.uri);
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return null;
  const site = siteAt(context.facts.facts(document).sites, document.offsetAt(params.position));
  if (!site) return null;
  const { table, label } = context.workspace.tableFor(document.uri, settings);
  return toHover(document, site, hoverMarkdown(site, { table, lang: context.languageFor(settings), tableLabel: label }));
}
