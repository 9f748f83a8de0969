/**
 * A real JSON-RPC client for the statusdoc server: what any LSP editor does, with the server's requests to the client
 * (configuration, registrations) answered from the test. The server runs either as the bundled process
 * (server/out/server.js --stdio: catches bundling and stdout mistakes) or in this process over a pair of streams
 * (startServer(connection) from the sources: the same code and protocol, without a process spawn per test).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection as createServerConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer as startInProcess } from '../../server/src/languageServer';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type InitializeParams,
  type ShowMessageParams,
  type InitializeResult,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../server/out/server.js');

export interface TestClient {
  connection: ProtocolConnection;
  /** The server's process, when it runs as the bundled process over stdio. */
  process?: ChildProcessWithoutNullStreams;
  /** window/showMessage notifications received so far. */
  messages: ShowMessageParams[];
  /** Every byte the server wrote to stdout, to prove it is only JSON-RPC. */
  stdout: Buffer[];
  /** What the test answers to workspace/configuration for the `statusdoc` section. */
  settings: Record<string, unknown>;
  /**
   * How the test answers workspace/applyEdit (the request is recorded under `received` either way).
   * Unset: the edit is refused, as a client that cannot apply edits would.
   */
  applyEdit?: (params: ApplyWorkspaceEditParams) => ApplyWorkspaceEditResult | Promise<ApplyWorkspaceEditResult>;
  /** Resolves when the next showMessage arrives. */
  nextMessage(): Promise<ShowMessageParams>;
  /** What the server answered to initialize. */
  initializeResult: InitializeResult;
  /** Every server-to-client request and notification received, by method, in order. */
  received: Map<string, unknown[]>;
  /** Resolves with the params of the next server-to-client message of that method. */
  next<T = unknown>(method: string): Promise<T>;
  /** shutdown + exit, resolving to the exit code. */
  close(): Promise<number | null>;
}

/** How the server runs: the bundled process over stdio, or in this process over a pair of streams (the default). */
export type Transport = 'stdio' | 'in-process';

interface ServerEnd {
  connection: ProtocolConnection;
  stdout: Buffer[];
  process?: ChildProcessWithoutNullStreams;
  /** After shutdown: end the server, resolving to its exit code. */
  stop(): Promise<number | null>;
}

function spawnBundled(nodeArgs: string[]): ServerEnd {
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: 'pipe' });
  const stdout: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  return {
    connection,
    stdout,
    process: child,
    async stop() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await connection.sendNotification('exit');
      return exited;
    },
  };
}

function runInProcess(): ServerEnd {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const stdout: Buffer[] = [];
  toClient.on('data', (chunk: Buffer) => stdout.push(chunk));
  const server = createServerConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startInProcess(server);
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return {
    connection,
    stdout,
    async stop() {
      // No `exit` notification: the server library answers it with process.exit, which would end the test runner.
      server.dispose();
      return 0;
    },
  };
}

export async function startServer(
  init: Partial<InitializeParams> = {},
  settings: Record<string, unknown> = {},
  transport: Transport = 'in-process',
  /** Options for Node when the server runs as a process (the heap test preloads a probe). */
  nodeArgs: string[] = [],
): Promise<TestClient> {
  const end = transport === 'stdio' ? spawnBundled(nodeArgs) : runInProcess();
  const { connection, stdout } = end;
  const messages: ShowMessageParams[] = [];
  let waiting: ((message: ShowMessageParams) => void)[] = [];
  const received = new Map<string, unknown[]>();
  const waiters = new Map<string, ((params: unknown) => void)[]>();
  const record = (method: string, params: unknown) => {
    received.set(method, [...(received.get(method) ?? []), params]);
    const resolvers = waiters.get(method) ?? [];
    waiters.delete(method);
    for (const resolve of resolvers) resolve(params);
  };
  const client: TestClient = {
    connection,
    process: end.process,
    messages,
    stdout,
    settings,
    initializeResult: undefined as unknown as InitializeResult,
    nextMessage: () => new Promise((resolve) => waiting.push(resolve)),
    received,
    next: <T>(method: string) => new Promise<T>((resolve) => waiters.set(method, [...(waiters.get(method) ?? []), resolve as (params: unknown) => void])),
    async close() {
      await connection.sendRequest('shutdown');
      const code = await end.stop();
      connection.dispose();
      return code;
    },
  };
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'statusdoc' ? client.settings : null)),
  );
  connection.onRequest('client/registerCapability', (params: unknown) => {
    record('client/registerCapability', params);
    return null;
  });
  connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    record('workspace/applyEdit', params);
    return client.applyEdit ? client.applyEdit(params) : { applied: false, failureReason: 'this test client applies no edits' };
  });
  for (const refresh of ['workspace/diagnostic/refresh', 'workspace/codeLens/refresh']) {
    connection.onRequest(refresh, () => {
      record(refresh, null);
      return null;
    });
  }
  connection.onNotification('textDocument/publishDiagnostics', (params: unknown) => record('textDocument/publishDiagnostics', params));
  connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
    messages.push(params);
    record('window/showMessage', params);
    const resolvers = waiting;
    waiting = [];
    for (const resolve of resolvers) resolve(params);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    // In-process, no processId: the server library would poll it with a timer that keeps the test runner alive.
    processId: transport === 'stdio' ? process.pid : null,
    rootUri: null,
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    ...init,
  });
  await connection.sendNotification('initialized', {});
  return client;
}

/** Splits raw stdout into LSP frames; throws if anything is not a well-formed Content-Length frame of JSON. */
export function parseFrames(chunks: Buffer[]): unknown[] {
  let data = Buffer.concat(chunks);
  const frames: unknown[] = [];
  while (data.length > 0) {
    const headerEnd = data.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new Error(`stdout holds a partial or foreign header: ${data.toString().slice(0, 80)}`);
    const header = data.subarray(0, headerEnd).toString('ascii');
    const length = /^Content-Length: (\d+)$/im.exec(header);
    if (!length) throw new Error(`stdout holds something that is not an LSP header: ${header.slice(0, 80)}`);
    const start = headerEnd + 4;
    const end = start + Number(length[1]);
    frames.push(JSON.parse(data.subarray(start, end).toString('utf8')));
    data = data.subarray(end);
  }
  return frames;
}
