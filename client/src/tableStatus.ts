/** The status-bar item on TS/JS/YAML files: the table in force, turning to a warning when its doc is broken. */
import * as vscode from 'vscode';
import type { TableInfo } from '../../server/src/protocol';

export class TableStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('statusdoc.table', vscode.StatusBarAlignment.Right, 100);

  constructor(
    private readonly languages: readonly string[],
    private readonly ask: (uri: vscode.Uri) => Thenable<TableInfo> | undefined,
  ) {
    this.item.name = vscode.l10n.t('statusdoc: status-code table');
    this.item.command = 'statusdoc.openTable';
  }

  /**
   * The file the item speaks for: the active editor's when statusdoc serves it, otherwise the first visible one it
   * serves. Focus moving to the Output panel or a Markdown preview leaves a visible TS/YAML editor the item's subject.
   */
  private subject(): vscode.TextDocument | undefined {
    const served = (editor: vscode.TextEditor | undefined) =>
      editor && ['file', 'untitled'].includes(editor.document.uri.scheme) && this.languages.includes(editor.document.languageId);
    const active = vscode.window.activeTextEditor;
    if (served(active)) return active!.document;
    return vscode.window.visibleTextEditors.find(served)?.document;
  }

  async update(): Promise<void> {
    const document = this.subject();
    if (!document) {
      this.item.hide();
      return;
    }
    let info: TableInfo | undefined;
    try {
      info = await this.ask(document.uri);
    } catch {
      info = undefined; // the server is (re)starting; the next update will tell
    }
    if (!info) {
      this.item.hide();
      return;
    }
    if (info.problem) {
      this.item.text = `$(warning) ${info.label}`;
      this.item.tooltip = vscode.l10n.t('The status-code table has a problem; the last good version stays in force.\n{0}', info.problem);
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.text = `$(book) ${info.label}`;
      this.item.tooltip = vscode.l10n.t('Status-code table in force: {0}. Click to open it.', info.path ?? info.label);
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
