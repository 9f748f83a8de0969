/**
 * The statusdoc language server. Any LSP editor can start it: `node server/out/server.js --stdio`.
 * stdout carries only JSON-RPC: everything else goes to the client's log.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { langOfLocale, type ServerContext } from './context';
import { SiteCache } from './documents';
import { provideHover } from './features/hover';
import { SettingsStore } from './settings';
import { Workspace } from './workspace';

const connection = createConnection(ProposedFeatures.all);

// A stray console.log from any dependency must not corrupt the JSON-RPC stream on stdout.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

const documents = new TextDocuments(TextDocument);
let context: ServerContext | undefined;

connection.onInitialize((params): InitializeResult => {
  const canPull = params.capabilities.workspace?.configuration === true;
  const settings = new SettingsStore(connection, canPull);
  settings.changed(params.initializationOptions?.settings);
  const workspace = new Workspace((problem) => {
    connection.console.warn(`Table problem: ${problem}`);
    // A notification, not a request: the warning must not wait on the user, and the editor keeps working.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `statusdoc: ${problem}` });
  });
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspace.setFolders(folders);
  watchesFolders = params.capabilities.workspace?.workspaceFolders === true;
  const clientLang = langOfLocale(params.locale);
  context = {
    documents,
    sites: new SiteCache((message) => connection.console.info(message)),
    settings,
    workspace,
    languageFor: (current) => (current.language === 'auto' ? clientLang : current.language),
  };
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'statusdoc', version: STATUSDOC_VERSION },
  };
});

let watchesFolders = false;

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, { section: 'statusdoc' }).catch(() => undefined);
  if (watchesFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      context?.workspace.changeFolders(
        added.map((folder) => folder.uri),
        removed.map((folder) => folder.uri),
      );
    });
  }
});

connection.onDidChangeConfiguration((change) => {
  context?.settings.changed(change.settings?.statusdoc);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) context?.workspace.fileChanged(change.uri);
});

connection.onHover((params) => (context ? provideHover(context, params) : null));

documents.onDidClose(({ document }) => {
  context?.sites.forget(document.uri);
  context?.settings.forget(document.uri);
});

declare const STATUSDOC_VERSION: string;

documents.listen(connection);
connection.listen();
