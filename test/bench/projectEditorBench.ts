/**
 * The language server in a large project, driven over stdio as an editor drives it: the generated 2,000-file project
 * of the routes block with an OpenAPI spec of its own routes beside it (so every handler edit is weighed against the
 * spec, and every spec edit against the handlers). Per build, in turn (A B, B A, …): the index built (work-done
 * progress ends), the spec opened, keystrokes in it, then keystrokes in a controller's handler (each one moving the
 * handlers after it), each followed by a pull of that document's diagnostics.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { WorkspaceRoutes } from '../../server/src/project/workspaceRoutes';
import { summarize, type Summary } from './measure/stats';

export interface ProjectEditorFigures {
  build: string;
  /** Start to the end of the index's work-done progress. */
  indexMs: Summary;
  specOpenMs: Summary;
  specKeystroke: Summary;
  handlerKeystroke: Summary;
  /** Resident memory of the server at the end, the largest across rounds. */
  rssKb: number | undefined;
}

/** An OpenAPI 3 spec of the project's routes, each listing what its handler answers and 404: the spec beside the code. */
export async function writeProjectSpec(dir: string): Promise<number> {
  const routes = new WorkspaceRoutes(dir, 1 << 20, { requests: true });
  await routes.build();
  const paths = new Map<string, Map<string, number[]>>();
  for (const endpoint of routes.endpoints()) {
    if (endpoint.path === undefined || endpoint.method === 'ANY') continue;
    const operations = paths.get(endpoint.path) ?? new Map<string, number[]>();
    operations.set(endpoint.method.toLowerCase(), [...new Set([...(routes.answersOf(endpoint)?.codes.map((c) => c.code) ?? [200]), 404])].sort());
    paths.set(endpoint.path, operations);
  }
  const lines = ['openapi: 3.0.3', 'info:', '  title: generated', '  version: 1.0.0', 'paths:'];
  for (const [route, operations] of paths) {
    lines.push(`  ${route}:`);
    for (const [method, codes] of operations) {
      lines.push(`    ${method}:`, `      summary: ${method} ${route}`, '      responses:');
      for (const code of codes) lines.push(`        '${code}':`, `          description: answers ${code}`);
    }
  }
  fs.writeFileSync(path.join(dir, 'openapi.yaml'), `${lines.join('\n')}\n`);
  return paths.size;
}

interface Session {
  connection: ProtocolConnection;
  pid: number | undefined;
  stop: () => Promise<void>;
  indexMs: number;
}

async function start(serverScript: string, dir: string): Promise<Session> {
  const started = performance.now();
  const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: 'pipe' });
  child.stderr.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let indexed: () => void = () => undefined;
  const built = new Promise<void>((resolve) => (indexed = resolve));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  for (const method of ['client/registerCapability', 'workspace/diagnostic/refresh', 'workspace/codeLens/refresh', 'window/workDoneProgress/create']) {
    connection.onRequest(method, () => null);
  }
  connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
    if (params.value.kind === 'end') indexed();
  });
  for (const method of ['textDocument/publishDiagnostics', 'window/logMessage', 'window/showMessage']) connection.onNotification(method, () => undefined);
  connection.listen();
  const root = pathToFileURL(dir).toString();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'project' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true } },
      textDocument: { diagnostic: {} },
    },
  });
  await connection.sendNotification('initialized', {});
  await built;
  const indexMs = performance.now() - started;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch {
      child.kill('SIGKILL');
    }
    await exited;
    clearTimeout(timer);
    connection.dispose();
  };
  return { connection, pid: child.pid, stop, indexMs };
}

/** A document open in the session: typing one character at an offset, then pulling its diagnostics. */
class OpenDocument {
  private version = 1;

  constructor(
    private readonly connection: ProtocolConnection,
    readonly uri: string,
    private text: string,
  ) {}

  async open(languageId: string): Promise<number> {
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri, languageId, version: 1, text: this.text } });
    await this.pull();
    return performance.now() - started;
  }

  async type(offset: number, typed: string): Promise<number> {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - before.lastIndexOf('\n') - 1;
    this.text = before + typed + this.text.slice(offset);
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version: ++this.version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: typed }],
    });
    await this.pull();
    return performance.now() - started;
  }

  private pull(): Promise<unknown> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: this.uri } });
  }
}

function rssOf(pid: number | undefined): number | undefined {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) || undefined;
  } catch {
    return undefined;
  }
}

async function oneSession(serverScript: string, dir: string, keystrokes: number) {
  const session = await start(serverScript, dir);
  try {
    const specFile = path.join(dir, 'openapi.yaml');
    const spec = new OpenDocument(session.connection, pathToFileURL(specFile).toString(), fs.readFileSync(specFile, 'utf8'));
    const specOpenMs = await spec.open('yaml');
    const specText = fs.readFileSync(specFile, 'utf8');
    // Typing into a description half-way down the spec.
    const specAt = specText.indexOf('description: answers', specText.length / 2) + 'description: '.length;
    const specSamples: number[] = [];
    for (let k = 0; k < keystrokes; k++) specSamples.push(await spec.type(specAt + k, 'x'));
    // Once the spec edits have settled, typing into the first handler of a controller: every handler after it moves.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const controllerFile = path.join(dir, 'src/boilerplate/controllers/item0.controller.js');
    const controllerText = fs.readFileSync(controllerFile, 'utf8');
    const controller = new OpenDocument(session.connection, pathToFileURL(controllerFile).toString(), controllerText);
    await controller.open('javascript');
    const handlerAt = controllerText.indexOf('name required') + 'name'.length;
    const handlerSamples: number[] = [];
    for (let k = 0; k < keystrokes; k++) handlerSamples.push(await controller.type(handlerAt + k, 'x'));
    return { indexMs: session.indexMs, specOpenMs, specSamples, handlerSamples, rssKb: rssOf(session.pid) };
  } finally {
    await session.stop();
  }
}

export async function projectEditorFigures(
  dir: string,
  builds: { label: string; server: string }[],
  rounds: number,
  keystrokes: number,
  log: (line: string) => void,
): Promise<ProjectEditorFigures[]> {
  const runs = new Map(builds.map((build) => [build, [] as Awaited<ReturnType<typeof oneSession>>[]]));
  for (let round = 0; round < rounds; round++) {
    for (const build of round % 2 === 0 ? builds : [...builds].reverse()) runs.get(build)!.push(await oneSession(build.server, dir, keystrokes));
    log(`  the server in the project, round ${round + 1}/${rounds}`);
  }
  return builds.map((build) => {
    const of = runs.get(build)!;
    return {
      build: build.label,
      indexMs: summarize(of.map((r) => r.indexMs)),
      specOpenMs: summarize(of.map((r) => r.specOpenMs)),
      specKeystroke: summarize(of.flatMap((r) => r.specSamples)),
      handlerKeystroke: summarize(of.flatMap((r) => r.handlerSamples)),
      rssKb: Math.max(0, ...of.map((r) => r.rssKb ?? 0)) || undefined,
    };
  });
}
