/**
 * The bundled default table, shown read-only: a virtual document under the `statusdoc-table` scheme, which VS Code
 * opens without a save prompt and refuses to edit (an untitled document would be dirty and ask to be saved on close).
 */
import * as vscode from 'vscode';

export const TABLE_SCHEME = 'statusdoc-table';

export class TableDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** The URI of a read-only document holding `markdown`, named `label.md` in its tab. */
  show(label: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: TABLE_SCHEME, path: `/${label.replace(/[\\/]/g, ' ')}.md` });
    const before = this.contents.get(uri.toString());
    this.contents.set(uri.toString(), markdown);
    if (before !== undefined && before !== markdown) this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
