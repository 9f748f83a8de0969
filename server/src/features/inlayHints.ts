/** textDocument/inlayHint: the reason phrase after a literal status code (constants already say it). */
import { MarkupKind, type CancellationToken, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { reasonOf } from '../core';
import { openDocument, type ServerContext } from '../context';
import { betweenPhases, throwIfCancelled } from './cancellation';

export async function provideInlayHints(context: ServerContext, params: InlayHintParams, token?: CancellationToken): Promise<InlayHint[]> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  if (!settings.inlayHints) return [];
  const document = openDocument(context, params.textDocument.uri, settings);
  if (!document) return [];
  await betweenPhases(token, document);
  const { table } = context.workspace.tableFor(document.lsp.uri, settings);
  const lang = context.languageFor(settings);
  const start = document.lsp.offsetAt(params.range.start);
  const end = document.lsp.offsetAt(params.range.end);
  const hints: InlayHint[] = [];
  for (const site of document.source.facts.sites) {
    if (site.start > end) break;
    if (site.end < start || (site.form.kind !== 'literal' && site.form.kind !== 'yaml')) continue;
    const entry = table.entries.get(site.code);
    hints.push({
      position: document.lsp.positionAt(site.end),
      label: reasonOf(table, site.code),
      paddingLeft: true,
      tooltip: entry ? { kind: MarkupKind.Markdown, value: entry.meanings[lang] ?? entry.meanings[entry.documentedLang] ?? '' } : undefined,
    });
  }
  return hints;
}
