/**
 * The VS Code side of statusdoc: starts the bundled language server over stdio for TypeScript, JavaScript and YAML,
 * and adds what only VS Code has: commands, the output channel, the status-bar item naming the table in force.
 * Every language feature lives in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  MATRIX_REQUEST,
  TABLE_CHANGED_NOTIFICATION,
  TABLE_INFO_REQUEST,
  type InitializationOptions,
  type MatrixParams,
  type MatrixResult,
  type TableInfo,
} from '../../server/src/protocol';
import { showMatrix } from './matrixView';
import { TableDocuments, TABLE_SCHEME } from './tableDocument';
import { showLocations } from './showLocations';
import { TableStatus } from './tableStatus';
import { traceChannelFor } from './traceChannel';

/** The VS Code language ids the server answers for. */
export const SERVED_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'yaml', 'json'];

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, trace: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    traceOutputChannel: trace,
    initializationOptions,
    synchronize: {
      // The server re-reads table docs when their stat changes and asks to watch them; this covers new config files.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.statusdoc.json'),
    },
  };
  return new LanguageClient('statusdoc', 'statusdoc', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('statusdoc', { log: true });
  const trace = traceChannelFor(output);
  const tables = new TableDocuments();
  const status = new TableStatus(SERVED_LANGUAGES, (uri) => client?.sendRequest<TableInfo>(TABLE_INFO_REQUEST, { uri: uri.toString() }));
  context.subscriptions.push(output, trace, tables, status, vscode.workspace.registerTextDocumentContentProvider(TABLE_SCHEME, tables));

  const start = async () => {
    client = createClient(context, output, trace);
    client.onNotification(TABLE_CHANGED_NOTIFICATION, () => void status.update());
    await client.start();
    await status.update();
  };

  const askMatrix = (params: MatrixParams) => client?.sendRequest<MatrixResult | null>(MATRIX_REQUEST, params);
  context.subscriptions.push(
    vscode.commands.registerCommand('statusdoc.restartServer', async () => {
      await client?.stop();
      await start();
    }),
    vscode.commands.registerCommand('statusdoc.showOutput', () => output.show()),
    vscode.commands.registerCommand('statusdoc.openTable', () => openTable(tables)),
    vscode.commands.registerCommand('statusdoc.showLocations', showLocations),
    vscode.commands.registerCommand('statusdoc.showMatrix', () => showMatrix(askMatrix)),
    // A spec operation's code lens: the matrix of its folder, on its row.
    vscode.commands.registerCommand('statusdoc.showMatrixRow', (uri: unknown, row: unknown) =>
      typeof uri === 'string' && typeof row === 'string' ? showMatrix(askMatrix, { uri: vscode.Uri.parse(uri), row }) : undefined,
    ),
    vscode.window.onDidChangeActiveTextEditor(() => void status.update()),
    vscode.window.onDidChangeVisibleTextEditors(() => void status.update()),
    // Trust granted: the server may now read a table doc from outside the workspace.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void vscode.commands.executeCommand('statusdoc.restartServer')),
  );
  await start();
}

/** Opens the table in force for the active file: the doc itself, or the bundled default as read-only Markdown. */
async function openTable(tables: TableDocuments): Promise<void> {
  // Any file of the first folder resolves that folder's table when no editor is active.
  const folder = vscode.workspace.workspaceFolders?.[0];
  const uri = vscode.window.activeTextEditor?.document.uri ?? (folder && vscode.Uri.joinPath(folder.uri, 'untitled.ts'));
  const info = uri && (await client?.sendRequest<TableInfo>(TABLE_INFO_REQUEST, { uri: uri.toString() }));
  if (!info) {
    void vscode.window.showWarningMessage(vscode.l10n.t('statusdoc: the language server is not running.'));
    return;
  }
  const document = info.path
    ? await vscode.workspace.openTextDocument(vscode.Uri.file(info.path))
    : await vscode.workspace.openTextDocument(tables.show(info.label, info.markdown));
  await vscode.window.showTextDocument(document, { preview: true });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
