/** textDocument/completion: the documented codes where a status goes, the method's own success code first. */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { completionOrder, statusSlotAt } from '../core/completion';
import { importEdits } from '../core/fixes/imports';
import { constantsBinding, memberNameFor } from '../core/fixes/useConstant';
import { languageOfId } from '../core/sites';
import { constantsSourceOf, type ServerContext } from '../context';
import { rangeOf } from '../convert';

export const COMPLETION_TRIGGERS = ['(', ',', ':', ' ', "'", '"', '='];

export async function provideCompletion(context: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const settings = await context.settings.get(params.textDocument.uri);
  const document = context.documents.get(params.textDocument.uri);
  const language = document && languageOfId(document.languageId);
  if (!document || !language) return null;
  const text = document.getText();
  const slot = statusSlotAt(text, document.offsetAt(params.position), language);
  if (!slot) return null;
  const lang = context.languageFor(settings);
  const { table } = context.workspace.tableFor(document.uri, settings);
  const facts = context.facts.facts(document);
  // In TS/JS, a file that already writes constants gets constants.
  const usesConstants = language !== 'yaml' && slot.site.form.kind === 'literal' && facts.sites.some((site) => site.form.kind === 'constant');
  const source = usesConstants ? constantsSourceOf(context, document, facts, settings) : undefined;
  const binding = source && constantsBinding(source, facts, text);
  const range = rangeOf(document, slot.start, slot.end);
  const items = completionOrder(table, slot.site).map((entry, index): CompletionItem => {
    const member = source && memberNameFor(source, entry.code, table);
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
          ? importEdits(facts.imports, [{ module: source!.module, name: source!.exportName, local: binding.local }], text).map((edit) => ({
              range: rangeOf(document, edit.start, edit.end),
              newText: edit.newText,
            }))
          : undefined,
    };
  });
  return { isIncomplete: false, items };
}
