/**
 * The statusdoc language server over any connection: `startServer(connection)` wires every feature and keeps all of
 * its state in this call, so tests can run it in-process over a pair of streams and `server.ts` over stdio.
 */
import * as path from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { CLI_MESSAGES, EDITOR_MAX_CODE_CHARS, MESSAGES, renderProblem } from './core';
import { langOfLocale, openDocument, type ServerContext } from './context';
import { DocumentStore } from './documents';
import { FIX_ALL_KIND, provideCodeActions } from './features/codeActions';
import { CREATE_CONSTANTS_COMMAND, CREATE_CONSTANTS_KIND, createConstantsModule, USE_CONSTANTS_KIND } from './features/constants';
import { DiagnosticsPublisher, provideDocumentDiagnostics } from './features/diagnostics';
import { provideCodeLenses } from './features/codeLens';
import { provideDefinition } from './features/definition';
import { provideReferences } from './features/references';
import { provideHover } from './features/hover';
import { COMPLETION_TRIGGERS, provideCompletion } from './features/completion';
import { provideInlayHints } from './features/inlayHints';
import { tableInfo } from './features/tableInfo';
import { provideMatrix } from './features/matrix';
import { MATRIX_REQUEST, TABLE_CHANGED_NOTIFICATION, TABLE_INFO_REQUEST, type InitializationOptions, type MatrixParams } from './protocol';
import { EDITOR_MAX_INDEXED_FILES, ServerRoutes } from './routes';
import { SettingsStore } from './settings';
import { Workspace } from './workspace';

declare const STATUSDOC_VERSION: string;
/** The version the bundle was built as; 'dev' when run from source (tests under tsx). */
const VERSION = typeof STATUSDOC_VERSION === 'string' ? STATUSDOC_VERSION : 'dev';
/** An edit updates the routes once typing pauses this long: reading a file's routes on every keystroke would be waste. */
const ROUTE_UPDATE_DELAY_MS = 300;

/** Starts serving on `connection` (which must not be listening yet) and returns once it listens. */
export function startServer(connection: Connection): void {
  let capabilities: ClientCapabilities = {};
  let context: ServerContext | undefined;
  let publisher: DiagnosticsPublisher | undefined;
  let clientLang = langOfLocale(undefined);

  const store = new DocumentStore({
    log: (message) => connection.console.info(message),
    skipped: (uri, reason, limit) => {
      const file = URI.parse(uri).path.split('/').pop() ?? uri;
      // Information, not a warning: nothing is wrong with the file, statusdoc just does not read it here.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: MESSAGES.documentSkipped(clientLang, file, CLI_MESSAGES.skipCause(clientLang, reason), limit),
      });
    },
  });
  const documents = store.documents;

  /** Pull diagnostics where the client supports them; push otherwise. */
  const pulls = () => capabilities.textDocument?.diagnostic !== undefined;

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
      for (const document of documents.all()) publisher.schedule(document.uri);
    } else if (capabilities.workspace?.diagnostics?.refreshSupport) {
      refreshPulledDiagnostics();
    }
  }

  /** The project's routes, built in the background once the server is up (diagnostics never wait for it). */
  const routes = new ServerRoutes(
    {
      changed: () => refreshDiagnosticsOnly(),
      routesChanged: () => {
        if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      },
      openUris: () => documents.keys(),
      documentOf: (file) => store.latest(URI.file(file).toString()),
      notIndexed: (root, files) =>
        connection.console.info(
          `statusdoc: ${root} has ${files} TS/JS files, more than ${EDITOR_MAX_INDEXED_FILES}: routes across files are not followed there (the CLI still does)`,
        ),
    },
    EDITOR_MAX_CODE_CHARS,
  );

  /** Asks a pulling client to pull again; a connection already closed (a refresh from a timer at shutdown) is let be. */
  function refreshPulledDiagnostics(): void {
    try {
      connection.languages.diagnostics.refresh().catch(() => undefined);
    } catch {
      // sendRequest throws, rather than rejects, once the connection is disposed: nobody is left to refresh.
    }
  }

  /** The routes changed what an open document is judged by: its diagnostics only (the table is the same). */
  function refreshDiagnosticsOnly(): void {
    if (publisher) {
      for (const document of documents.all()) publisher.schedule(document.uri);
    } else if (capabilities.workspace?.diagnostics?.refreshSupport) {
      refreshPulledDiagnostics();
    }
  }
  let folderUris: string[] = [];

  /** Indexes the folders' routes with work-done progress where the client shows it. */
  async function indexRoutes(): Promise<void> {
    const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('statusdoc: reading the routes', 0, undefined, false);
    await routes
      .setFolders(folderUris, (done, total) => progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total} files`))
      .catch((error: unknown) => connection.console.error(`statusdoc could not read the project's routes: ${String(error)}`));
    progress?.done();
  }

  /** After an edit settles, what it changes in the routes of the documents open beside it. */
  const routeUpdates = new Map<string, ReturnType<typeof setTimeout>>();
  function scheduleRouteUpdate(uri: string): void {
    clearTimeout(routeUpdates.get(uri));
    routeUpdates.set(
      uri,
      setTimeout(() => {
        routeUpdates.delete(uri);
        if (!context) return;
        const current = context;
        void current.settings.get(uri).then((settings) => {
          const document = openDocument(current, uri, settings);
          if (document) routes.documentChanged(uri, document.source, documents.keys());
        });
      }, ROUTE_UPDATE_DELAY_MS),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
    settings.push(options.settings);
    clientLang = langOfLocale(params.locale);
    const workspace = new Workspace(
      (problem) => {
        connection.console.warn(`Table problem: ${renderProblem(problem, 'en')}`);
        // A notification, not a request: the warning must not wait on the user, and the editor keeps working.
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: MESSAGES.tableProblem(clientLang, problem) });
      },
      (file) => watchFile(file),
      options.trusted !== false,
      (caught) => connection.console.error(`statusdoc caught an error while reading a table doc or .statusdoc.json; please report it:\n${caught}`),
    );
    folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folderUris);
    context = { store, settings, workspace, routes, languageFor: (current) => (current.language === 'auto' ? clientLang : current.language) };
    publisher = pulls() ? undefined : new DiagnosticsPublisher(connection, context);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, USE_CONSTANTS_KIND, CREATE_CONSTANTS_KIND] },
        executeCommandProvider: { commands: [CREATE_CONSTANTS_COMMAND] },
        ...(pulls() ? { diagnosticProvider: { identifier: 'statusdoc', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'statusdoc', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    void indexRoutes();
    // Route files change on disk too (a branch switch, a generator): watch the code files where the client can.
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,yaml,yml,json}' }] })
        .catch(() => undefined);
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'statusdoc' }).catch(() => undefined);
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        context?.workspace.changeFolders(
          added.map((folder) => folder.uri),
          removed.map((folder) => folder.uri),
        );
        folderUris = [...folderUris.filter((uri) => !removed.some((folder) => folder.uri === uri)), ...added.map((folder) => folder.uri)];
        void indexRoutes();
        refreshDiagnostics();
      });
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    // Some clients send `params: null`; VS Code sends `settings: null` (it is asked with workspace/configuration).
    const pushed = (change as { settings?: { statusdoc?: unknown } } | null)?.settings?.statusdoc;
    if (await context?.settings.changed(pushed)) refreshDiagnostics();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const code = changes.filter((change) => /\.[cm]?[jt]sx?$/.test(change.uri));
    for (const change of code) routes.fileChangedOnDisk(change.uri, change.type === FileChangeType.Deleted, documents.keys());
    // Specs (and .statusdoc.json's `apis`) change what the routes are compared with.
    for (const change of changes.filter((change) => /\.(?:ya?ml|json)$/.test(change.uri))) {
      routes.fileChangedOnDisk(change.uri, change.type === FileChangeType.Deleted, documents.keys());
    }
    // A code file's change reaches diagnostics through the routes (which refresh when it matters); the rest are
    // tables and .statusdoc.json.
    const others = changes.filter((change) => !code.includes(change));
    if (others.length === 0) return;
    for (const change of others) context?.workspace.fileChanged(change.uri);
    refreshDiagnostics();
  });

  connection.onHover((params, token) => (context ? provideHover(context, params, token) : null));
  connection.onDefinition((params, token) => (context ? provideDefinition(context, params, token) : null));
  connection.onReferences((params, token) => (context ? provideReferences(context, params, token) : null));
  connection.onCodeLens((params, token) => (context ? provideCodeLenses(context, params, token) : []));
  connection.onCompletion((params, token) => (context ? provideCompletion(context, params, token) : null));
  connection.languages.inlayHint.on((params, token) => (context ? provideInlayHints(context, params, token) : []));
  connection.onCodeAction((params, token) =>
    context ? provideCodeActions(context, params, capabilities.workspace?.workspaceEdit?.documentChanges === true, token) : [],
  );
  connection.onRequest(TABLE_INFO_REQUEST, (params: { uri: string }) => (context ? tableInfo(context, params.uri) : null));
  connection.onRequest(MATRIX_REQUEST, (params: MatrixParams | null) => (context ? provideMatrix(context, params) : null));
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== CREATE_CONSTANTS_COMMAND || !context) return undefined;
    const canCreate = capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
    return createConstantsModule(context, connection, typeof args?.[0] === 'string' ? args[0] : undefined, canCreate);
  });
  connection.languages.diagnostics.on((params, token) =>
    context ? provideDocumentDiagnostics(context, params.textDocument.uri, token) : { kind: 'full', items: [] },
  );

  documents.onDidChangeContent(({ document }) => {
    publisher?.schedule(document.uri);
    scheduleRouteUpdate(document.uri);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(routeUpdates.get(document.uri));
    routeUpdates.delete(document.uri);
    routes.documentClosed(document.uri);
    context?.settings.forget(document.uri);
    publisher?.clear(document.uri);
  });
  connection.onShutdown(() => publisher?.dispose());

  documents.listen(connection);
  connection.listen();
}
