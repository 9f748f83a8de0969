/**
 * statusdoc/tableInfo, for the VS Code client's status bar and "Open Status-Code Table" (any client may use it):
 * which table is in force for a document, whether it is broken, and the table as Markdown.
 */
import { renderProblem } from '../core';
import type { ServerContext } from '../context';
import type { TableInfo } from '../protocol';

export async function tableInfo(context: ServerContext, uri: string): Promise<TableInfo> {
  const settings = await context.settings.get(uri);
  const inForce = context.workspace.tableFor(uri, settings);
  const rows = [...inForce.table.entries.values()].map((entry) => {
    const cells = [String(entry.code), entry.reason, entry.kind, entry.meanings['zh-cn'] ?? '', entry.meanings.en ?? '', entry.methods.join(', ')];
    return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  });
  const markdown = [`# ${inForce.label}`, '', '| Code | Reason | Kind | 说明 | Meaning | Normal answer of |', '|---|---|---|---|---|---|', ...rows, ''].join(
    '\n',
  );
  const problem = inForce.problem ? renderProblem(inForce.problem, context.languageFor(settings)) : null;
  return { label: inForce.label, path: inForce.path ?? null, problem, markdown };
}
