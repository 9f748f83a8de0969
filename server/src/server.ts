/**
 * The statusdoc language server. Any LSP editor can start it: `node server/out/server.js --stdio`.
 * stdout carries only JSON-RPC: everything else goes to the client's log.
 */
import * as path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { langOfLocale, type ServerContext } from './context';
import { FactsCache } from './documents';
import { FIX_ALL_KIND, provideCodeActions } from './features/codeActions';
import { CREATE_CONSTANTS_COMMAND, CREATE_CONSTANTS_KIND, createConstantsModule, USE_CONSTANTS_KIND } from './features/constants';
import { DiagnosticsPublisher, provideDocumentDiagnostics } from './features/diagnostics';
import { provideHover } from './features/hover';
import { COMPLETION_TRIGGERS, provideCompletion } from './features/completion';
import { provideInlayHints } from './features/inlayHints';
import { tableInfo } from './features/tableInfo';
import { TABLE_CHANGED_NOTIFICATION, TABLE_INFO_REQUEST, type InitializationOptions } from './protocol';
import { MESSAGES, renderProblem } from './core/messages';
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
let capabilities: ClientCapabilities = {};
let publisher: DiagnosticsPublisher | undefined;

/** Pull diagnostics where the client supports them; push otherwise. */
const pulls = () => capabilities.textDocument?.diagnostic !== undefined;

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
  settings.changed(options.settings);
  const clientLang = langOfLocale(params.locale);
  const workspace = new Workspace(
    (problem) => {
      connection.console.warn(`Table problem: ${renderProblem(problem, 'en')}`);
      // A notification, not a request: the warning must not wait on the user, and the editor keeps working.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: MESSAGES.tableProblem(clientLang, problem) });
    },
    (file) => watchFile(file),
    options.trusted !== false,
  );
  workspace.setFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
  context = {
    documents,
    facts: new FactsCache((message) => connection.console.info(message)),
    settings,
    workspace,
    languageFor: (current) => (current.language === 'auto' ? clientLang : current.language),
  };
  publisher = pulls() ? undefined : new DiagnosticsPublisher(connection, context);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, USE_CONSTANTS_KIND, CREATE_CONSTANTS_KIND] },
      executeCommandProvider: { commands: [CREATE_CONSTANTS_COMMAND] },
      ...(pulls() ? { diagnosticProvider: { identifier: 'statusdoc', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'statusdoc', version: STATUSDOC_VERSION },
  };
});

connection.onInitialized(() => {
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'statusdoc' }).catch(() => undefined);
  }
  if (capabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      context?.workspace.changeFolders(
        added.map((folder) => folder.uri),
        removed.map((folder) => folder.uri),
      );
      refreshDiagnostics();
    });
  }
});

/** Ask the client to watch a table doc or .statusdoc.json the server has started to depend on. */
function watchFile(file: string): void {
  const watching = capabilities.workspace?.didChangeWatchedFiles;
  if (!watching?.dynamicRegistration) return;
  const globPattern = watching.relativePatternSupport
    ? { baseUri: URI.file(path.dirname(file)).toString(), pattern: path.basename(file) }
    : `**/${path.basename(file)}`;
  void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }).catch(() => undefined);
}

/** The table, .statusdoc.json or settings changed: every open document's diagnostics and hints may have too. */
function refreshDiagnostics(): void {
  void connection.sendNotification(TABLE_CHANGED_NOTIFICATION);
  // Refreshes are requests: a client that answers with an error must not take the server down.
  if (capabilities.workspace?.inlayHint?.refreshSupport) connection.languages.inlayHint.refresh().catch(() => undefined);
  if (publisher) {
    for (const document of documents.all()) publisher.schedule(document);
  } else if (capabilities.workspace?.diagnostics?.refreshSupport) {
    connection.languages.diagnostics.refresh().catch(() => undefined);
  }
}

connection.onDidChangeConfiguration((change) => {
  context?.settings.changed(change.settings?.statusdoc);
  refreshDiagnostics();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) context?.workspace.fileChanged(change.uri);
  refreshDiagnostics();
});

connection.onHover((params) => (context ? provideHover(context, params) : null));

connection.onCompletion((params) => (context ? provideCompletion(context, params) : null));

connection.languages.inlayHint.on((params) => (context ? provideInlayHints(context, params) : []));

connection.onCodeAction((params) =>
  context ? provideCodeActions(context, params, capabilities.workspace?.workspaceEdit?.documentChanges === true) : [],
);

connection.onRequest(TABLE_INFO_REQUEST, (params: { uri: string }) => (context ? tableInfo(context, params.uri) : null));

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command !== CREATE_CONSTANTS_COMMAND || !context) return undefined;
  const canCreate = capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
  return createConstantsModule(context, connection, typeof args?.[0] === 'string' ? args[0] : undefined, canCreate);
});

connection.languages.diagnostics.on((params) =>
  context ? provideDocumentDiagnostics(context, params.textDocument.uri) : { kind: 'full', items: [] },
);

documents.onDidChangeContent(({ document }) => publisher?.schedule(document));

documents.onDidClose(({ document }) => {
  context?.facts.forget(document.uri);
  context?.settings.forget(document.uri);
  publisher?.clear(document.uri);
});

declare const STATUSDOC_VERSION: string;

documents.listen(connection);
connection.listen();
