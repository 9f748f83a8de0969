/** textDocument/completion: the documented codes where a status goes, the method's own success code first. */
import { CompletionItemKind, MarkupKind, type CancellationToken, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { completionOrder, constantsBinding, importEdits, memberNameFor, statusSlotAt } from '../core';
import { constantsSourceOf, openDocument, type ServerContext } from '../context';
import { rangeOf } from '../convert';
import { throwIfCancelled } from './cancellation';

export const COMPLETION_TRIGGERS = ['(', ',', ':', ' ', "'", '"', '='];

export async function provideCompletion(context: ServerContext, params: CompletionParams, token?: CancellationToken): Promise<CompletionList | null> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  // Not read up front: a YAML version being typed may be answered from the last scan (core/completion.ts).
  const document = openDocument(context, params.textDocument.uri, settings, false);
  if (!document) return null;
  const { lsp, source } = document;
  const slot = statusSlotAt(source, lsp.offsetAt(params.position));
  if (!slot) return null;
  const { table } = context.workspace.tableFor(lsp.uri, settings);
  const lang = context.languageFor(settings);
  // In TS/JS, a file that already writes constants gets constants.
  const usesConstants = source.language !== 'yaml' && slot.site.form.kind === 'literal' && source.facts.sites.some((site) => site.form.kind === 'constant');
  const constants = usesConstants ? constantsSourceOf(context, document, settings) : undefined;
  const binding = constants && constantsBinding(constants, source);
  const range = rangeOf(lsp, slot.start, slot.end);
  const items = completionOrder(table, slot.site).map((entry, index): CompletionItem => {
    const member = constants && memberNameFor(constants, entry.code, table);
    const insert = binding && member ? `${binding.local}.${member}` : String(entry.code);
    const meaning = entry.meanings[lang] ?? entry.meanings[entry.documentedLang];
    return {
      label: String(entry.code),
      labelDetails: { description: entry.reason },
      kind: insert === String(entry.code) ? CompletionItemKind.Value : CompletionItemKind.Constant,
      detail: insert === String(entry.code) ? `${entry.code} ${entry.reason}` : `${insert} (${entry.code} ${entry.reason})`,
      documentation: { kind: MarkupKind.Markdown, value: meaning ?? '' },
      sortText: String(index).padStart(3, '0'),
      filterText: String(entry.code),
      preselect: index === 0,
      textEdit: { range, newText: insert },
      additionalTextEdits:
        binding?.needsImport && member
          ? importEdits(source.facts.imports, [{ module: constants!.module, name: constants!.exportName, local: binding.local }], source.text).map((edit) => ({
              range: rangeOf(lsp, edit.start, edit.end),
              newText: edit.newText,
            }))
          : undefined,
    };
  });
  return { isIncomplete: false, items };
}
