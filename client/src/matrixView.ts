/**
 * "statusdoc: Show Endpoint Status Matrix": the server's matrix of a workspace folder (statusdoc/matrix) in a webview:
 * the page the server draws with the same HTML renderer as `statusdoc matrix` (links that post a message instead of
 * file links; the renderer stays out of the client's bundle), under a strict policy: `default-src 'none'`, one nonce'd style and script, nothing remote. A cell's place opens the file
 * at the line.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { MatrixParams, MatrixResult } from '../../server/src/protocol';

type Ask = (params: MatrixParams) => Promise<MatrixResult | null> | undefined;

/** The folder of `uri` (a lens' document), else of the active editor, else the first folder. */
function folderToShow(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  const active = uri ?? vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** The matrix open now, and the folder it shows: opened again, it is drawn anew in place rather than beside. */
let shown: { panel: vscode.WebviewPanel; root: vscode.Uri } | undefined;

/** Opens (or draws anew) the matrix of a folder; with `row`, scrolled to that row and marked (a spec operation's lens). */
export async function showMatrix(ask: Ask, target: { uri?: vscode.Uri; row?: string } = {}): Promise<vscode.WebviewPanel | undefined> {
  const folder = folderToShow(target.uri);
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('statusdoc: open a folder to see its endpoint status matrix.'));
    return undefined;
  }
  // The page's one style and one script carry this nonce; the policy lets nothing else load or run.
  const nonce = randomBytes(18).toString('base64');
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('statusdoc: building the endpoint status matrix') },
    async () => ask({ uri: folder.uri.toString(), html: { nonce, ...(target.row ? { reveal: target.row } : {}) } }),
  );
  if (result === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('statusdoc: the language server is not running.'));
    return undefined;
  }
  if (!result?.html) {
    // Not a file folder, or one too large to index (the output says so).
    void vscode.window.showWarningMessage(vscode.l10n.t('statusdoc: no endpoint status matrix for {0}; the statusdoc output says why.', folder.name));
    return undefined;
  }
  const title = vscode.l10n.t('Endpoint Status Matrix — {0}', folder.name);
  if (shown) {
    shown.root = vscode.Uri.parse(result.root);
    shown.panel.title = title;
    shown.panel.webview.html = result.html;
    shown.panel.reveal();
    return shown.panel;
  }
  const panel = vscode.window.createWebviewPanel(
    'statusdoc.matrix',
    title,
    // From a lens, beside the spec; from the palette, in place.
    target.row ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
    // Scripts for sorting and filtering; no local resource may load (the page is self-contained).
    { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
  );
  const current = { panel, root: vscode.Uri.parse(result.root) };
  shown = current;
  panel.onDidDispose(() => {
    if (shown === current) shown = undefined;
  });
  panel.webview.html = result.html;
  panel.webview.onDidReceiveMessage((message: unknown) => void openPlace(current.root, message));
  return panel;
}

/** `{ command: 'open', file, line, column }` from the page: the file under the folder, at the line. */
async function openPlace(root: vscode.Uri, message: unknown): Promise<void> {
  const { command, file, line, column } = (message ?? {}) as { command?: unknown; file?: unknown; line?: unknown; column?: unknown };
  if (command !== 'open' || typeof file !== 'string' || !Number.isInteger(line) || !Number.isInteger(column)) return;
  const segments = file.split('/');
  // The page is ours, but what it posts is data: never a path outside the folder.
  if (segments.some((segment) => segment === '..' || segment === '')) return;
  const position = new vscode.Position(Math.max(0, (line as number) - 1), Math.max(0, (column as number) - 1));
  await vscode.window.showTextDocument(vscode.Uri.joinPath(root, ...segments), {
    selection: new vscode.Range(position, position),
    viewColumn: vscode.ViewColumn.One,
  });
}
