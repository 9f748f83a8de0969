/**
 * The language server over stdio, driven as an editor drives it: spawn → initialize answered; open → first pulled
 * diagnostics; keystroke → fresh diagnostics (incremental didChange, then textDocument/diagnostic); hover on status
 * sites; completion where a code is being typed; the server's resident memory from /proc/<pid>/status.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { summarize, type Summary } from './measure/stats';

interface Position {
  line: number;
  character: number;
}

/** A document to open, with where to type, hover and complete in it. */
export interface LspDocument {
  name: string;
  file: string;
  languageId: 'yaml' | 'typescript';
  /** Planted problems in it: an open that answers no diagnostics while some are planted was skipped. */
  planted: number;
}

interface Session {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  initializeMs: number;
}

async function startSession(serverScript: string, rootUri: string | null): Promise<Session> {
  const started = performance.now();
  const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: 'pipe' });
  child.stderr.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown', 'plaintext'] }, completion: {} },
    },
  });
  const initializeMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  return { connection, child, initializeMs };
}

async function closeSession(session: Session): Promise<void> {
  const exited = new Promise<void>((resolve) => session.child.once('exit', () => resolve()));
  const timer = setTimeout(() => session.child.kill('SIGKILL'), 10_000);
  try {
    await session.connection.sendRequest('shutdown');
    await session.connection.sendNotification('exit');
  } catch {
    session.child.kill('SIGKILL');
  }
  await exited;
  clearTimeout(timer);
  session.connection.dispose();
}

/** spawn → initialize answered, a fresh server each round. */
export async function measureSpawn(serverScript: string, rounds: number): Promise<Summary> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const session = await startSession(serverScript, null);
    samples.push(session.initializeMs);
    await closeSession(session);
  }
  return summarize(samples);
}

export interface DocumentFigures {
  document: LspDocument;
  openMs: number;
  openItems: number;
  skipped: boolean;
  keystroke: Summary;
  /** Keystrokes whose pulled diagnostics showed the edit (one finding more, then one less). */
  fresh: number;
  keystrokes: number;
  hover: Summary;
  hoversAnswered: number;
  completion: Summary;
  completionItems: number;
  vmRssKb: number | undefined;
  vmHwmKb: number | undefined;
}

function memoryOf(pid: number | undefined): { rss: number | undefined; hwm: number | undefined } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) || undefined;
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: undefined, hwm: undefined };
  }
}

/** Evenly spread picks of at most `count` items. */
function spreadPick<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]);
}

/** Where status codes are: the digits of response keys (YAML) or of res.status(…)/sendStatus(…) (TS). */
function statusPositions(lines: string[], languageId: LspDocument['languageId']): Position[] {
  const pattern = languageId === 'yaml' ? /^(\s+['"]?)[1-5]\d\d['"]?:/ : /^(.*?(?:status|sendStatus)\()[1-5]\d\d\)/;
  return lines.flatMap((text, line) => {
    const match = pattern.exec(text);
    return match ? [{ line, character: match[1].length + 1 }] : [];
  });
}

/** A documented success code near the middle of the file whose last digit the keystrokes toggle (201 ↔ 200). */
function keystrokeSite(lines: string[], languageId: LspDocument['languageId']): Position {
  const pattern = languageId === 'yaml' ? /^(\s+['"]?20)1['"]?:\s*$/ : /^(.*?res\.status\(20)1\)/;
  for (let offset = 0; offset < lines.length; offset++) {
    const line = (Math.floor(lines.length / 2) + offset) % lines.length;
    const match = pattern.exec(lines[line]);
    if (match) return { line, character: match[1].length };
  }
  throw new Error('no 201 to toggle in the document');
}

/** A line after which a status is being typed: a new response key under `responses:`, or `res.status(` in a handler. */
function completionSite(lines: string[], languageId: LspDocument['languageId']): { line: number; text: string } {
  const pattern = languageId === 'yaml' ? /^(\s+)responses:\s*$/ : /^(\s+)try \{$/;
  for (let offset = 0; offset < lines.length; offset++) {
    const line = (Math.floor(lines.length / 2) + offset) % lines.length;
    const match = pattern.exec(lines[line]);
    if (match) return { line: line + 1, text: languageId === 'yaml' ? `${match[1]}  '` : `${match[1]}  res.status(` };
  }
  throw new Error('no place to complete in the document');
}

type Diagnostics = { kind: string; items?: unknown[] };

export async function measureDocument(
  serverScript: string,
  document: LspDocument,
  options: { keystrokes: number; hovers: number; completions: number },
): Promise<DocumentFigures> {
  const text = fs.readFileSync(document.file, 'utf8');
  const lines = text.split('\n');
  const uri = pathToFileURL(document.file).href;
  const session = await startSession(serverScript, null);
  const { connection } = session;
  const pull = async () => ((await connection.sendRequest<Diagnostics>('textDocument/diagnostic', { textDocument: { uri } })).items ?? []).length;
  let version = 1;

  let started = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: document.languageId, version, text } });
  const openItems = await pull();
  const openMs = performance.now() - started;

  const site = keystrokeSite(lines, document.languageId);
  const keystrokeSamples: number[] = [];
  let fresh = 0;
  for (let stroke = 0; stroke < options.keystrokes; stroke++) {
    const toWrong = stroke % 2 === 0;
    started = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: site, end: { line: site.line, character: site.character + 1 } }, text: toWrong ? '0' : '1' }],
    });
    const items = await pull();
    keystrokeSamples.push(performance.now() - started);
    if (items === openItems + (toWrong ? 1 : 0)) fresh++;
  }
  if (options.keystrokes % 2 === 1) {
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: site, end: { line: site.line, character: site.character + 1 } }, text: '1' }],
    });
  }

  const hoverSamples: number[] = [];
  let hoversAnswered = 0;
  for (const position of spreadPick(statusPositions(lines, document.languageId), options.hovers)) {
    started = performance.now();
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    hoverSamples.push(performance.now() - started);
    if (hover) hoversAnswered++;
  }

  const completionSamples: number[] = [];
  let completionItems = 0;
  const slot = completionSite(lines, document.languageId);
  for (let round = 0; round < options.completions; round++) {
    started = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line: slot.line, character: 0 }, end: { line: slot.line, character: 0 } }, text: `${slot.text}\n` }],
    });
    const answer = await connection.sendRequest<{ items: unknown[] } | unknown[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: slot.line, character: slot.text.length },
    });
    completionSamples.push(performance.now() - started);
    completionItems = Array.isArray(answer) ? answer.length : (answer?.items.length ?? 0);
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line: slot.line, character: 0 }, end: { line: slot.line + 1, character: 0 } }, text: '' }],
    });
  }

  const memory = memoryOf(session.child.pid);
  await closeSession(session);
  return {
    document,
    openMs,
    openItems,
    skipped: openItems === 0 && document.planted > 0,
    keystroke: summarize(keystrokeSamples),
    fresh,
    keystrokes: options.keystrokes,
    hover: summarize(hoverSamples),
    hoversAnswered,
    completion: summarize(completionSamples),
    completionItems,
    vmRssKb: memory.rss,
    vmHwmKb: memory.hwm,
  };
}
