/**
 * The VS Code side of statusdoc: starts the bundled language server over stdio for TypeScript, JavaScript and YAML.
 * Every language feature lives in the server; this file only wires VS Code to it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The VS Code language ids the server answers for. */
export const SERVED_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'yaml'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: {
      // The server re-reads table docs when their stat changes; this tells it about .statusdoc.json edits at once.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.statusdoc.json'),
    },
  };
  client = new LanguageClient('statusdoc', 'statusdoc', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
