/** textDocument/inlayHint: the reason phrase after a literal status code (constants already say it). */
import { MarkupKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { reasonOf } from '../core/table/lookup';
import type { ServerContext } from '../context';

export async function provideInlayHints(context: ServerContext, params: InlayHintParams): Promise<InlayHint[]> {
  const settings = await context.settings.get(params.textDocument.uri);
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return [];
  if (!settings.inlayHints) return [];
  const { table } = context.workspace.tableFor(document.uri, settings);
  const lang = context.languageFor(settings);
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const hints: InlayHint[] = [];
  for (const site of context.facts.facts(document).sites) {
    if (site.start > end || site.end < start || (site.form.kind !== 'literal' && site.form.kind !== 'yaml')) continue;
    const entry = table.entries.get(site.code);
    hints.push({
      position: document.positionAt(site.end),
      label: reasonOf(table, site.code),
      paddingLeft: true,
      tooltip: entry ? { kind: MarkupKind.Markdown, value: entry.meanings[lang] ?? entry.meanings[entry.documentedLang] ?? '' } : undefined,
    });
  }
  return hints;
}
