/**
 * A seeded fuzz of the bundled server (server/out/server.js --stdio, as editors run it): random edits to the corpus
 * and the examples (snippets, deletions, a status code typed key by key, brackets deleted, CJK and emoji pasted, CRLF
 * and lone CR), with hover, completion, code action, inlay hint and diagnostic requests fired while the edits go on,
 * a fifth of them cancelled. It holds that the server stays up, answers no request with an error (but "cancelled"),
 * returns only ranges inside the document in UTF-16 units, offers only applicable edits, that a quick fix applied then
 * pulled twice is stable, that fix-all applied once leaves nothing to fix, and that after the last edit diagnostics,
 * hovers and inlay hints equal those of the final text opened fresh.
 *
 * The seed is fixed, so CI is repeatable; STATUSDOC_FUZZ_SEED=random explores (a failure prints its seed), a number
 * replays a run. STATUSDOC_FUZZ_EDITS sets the number of edits (didChange notifications) of the whole run, shared out
 * over the documents.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LogMessageParams, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { randomGesture } from './fuzz/edits';
import { fromEnv, seeded } from './fuzz/random';
import { FIX_ALL_KIND, FuzzedDocument, USE_CONSTANTS_KIND } from './fuzz/session';
import { parseFrames, startServer, type TestClient } from './lspClient';

const SEED = process.env.STATUSDOC_FUZZ_SEED === 'random' ? Date.now() % 1_000_000_007 : fromEnv('STATUSDOC_FUZZ_SEED', 20_261_203);
const EDITS = fromEnv('STATUSDOC_FUZZ_EDITS', 1000);
const REPLAY = `replay with STATUSDOC_FUZZ_SEED=${SEED} STATUSDOC_FUZZ_EDITS=${EDITS} node --import tsx --test test/protocol/fuzz.test.ts`;

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = [
  ...fs.readdirSync(path.join(ROOT, 'test/fixtures/corpus')).map((name) => `test/fixtures/corpus/${name}`),
  ...[
    'express/app.ts',
    'express/orders.ts',
    'express/store.ts',
    'nestjs/orders.controller.ts',
    'openapi/orders.yaml',
    'tests/orders.tavern.yaml',
    'tests/orders.test.ts',
  ].map((name) => `examples/${name}`),
].sort();

/** Every source, to paste from into another. */
const CLIPBOARD = SOURCES.map((file) => fs.readFileSync(path.join(ROOT, file), 'utf8'));

const CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false }, inlayHint: { dynamicRegistration: false }, codeAction: {} },
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true },
    diagnostics: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
  },
};

/** Settings the user switches to now and then: the server drops what it cached and asks for them again. */
const SETTINGS: Record<string, unknown>[] = [
  {},
  { language: 'zh-cn' },
  { rules: { 'implicit-success-code': 'off', 'undocumented-code': 'error' } },
  { inlayHints: false },
  { constants: { source: 'http-status-codes' } },
];

function languageIdOf(file: string): string {
  if (/\.ya?ml$/.test(file)) return 'yaml';
  if (/\.jsx?$/.test(file)) return 'javascript';
  return 'typescript';
}

/** The same seed gives each document the same edits whatever runs before it (and with --test-name-pattern). */
function seedOf(file: string): number {
  let hash = SEED;
  for (const char of file) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

interface Server {
  client: TestClient;
  /** Rejects when the server process exits: every later await would otherwise wait forever. */
  exited: Promise<never>;
  /** What the server logged as an error or asked to be reported: a statusdoc bug even when the answers look right. */
  reports: string[];
}

async function startFuzzedServer(capabilities: object): Promise<Server> {
  const client = await startServer({ capabilities, locale: 'en' }, {}, 'stdio');
  const exited = new Promise<never>((_, reject) =>
    client.process!.once('exit', (code, signal) => reject(new Error(`the server exited (${code ?? signal}); ${REPLAY}`))),
  );
  exited.catch(() => undefined);
  const reports: string[] = [];
  client.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
    if (params.type === 1 || /please report/i.test(params.message)) reports.push(params.message);
  });
  return { client, exited, reports };
}

async function changeSettings(client: TestClient, settings: Record<string, unknown>): Promise<void> {
  client.settings = settings;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
}

/**
 * Fuzzes one file: `budget` edits with requests in flight, rounds of fixes, completions and settings between them;
 * then the final text opened fresh must read the same (`sameAsFresh`: in push mode, what is published).
 */
async function fuzzFile(
  server: Server,
  file: string,
  budget: number,
  options: {
    pushed?: boolean;
    sameAsFresh?: (edited: FuzzedDocument, fresh: FuzzedDocument) => Promise<void>;
    opened?: (document: FuzzedDocument) => void;
  } = {},
): Promise<FuzzedDocument> {
  const { client } = server;
  const random = seeded(seedOf(file));
  const languageId = languageIdOf(file);
  const name = path.basename(file);
  const mode = options.pushed ? 'pushed' : 'pulled';
  const document = new FuzzedDocument(
    client,
    random,
    `file:///fuzz/${mode}/edited/${name}`,
    languageId,
    fs.readFileSync(path.join(ROOT, file), 'utf8'),
    options.pushed,
  );
  const fresh = new FuzzedDocument(client, random, `file:///fuzz/${mode}/fresh/${name}`, languageId, '', options.pushed);
  options.opened?.(document);
  options.opened?.(fresh);
  const run = async () => {
    await document.open();
    let edits = 0;
    while (edits < budget) {
      const gesture = randomGesture(document.current, random, CLIPBOARD);
      for (const step of gesture) {
        await document.edit(step);
        edits++;
      }
      const roll = random();
      // A status code being typed is where completion is accepted.
      if (gesture.some((step) => step.completes) && roll < 0.4) await document.completionRound();
      else if (roll < 0.1) await document.quickFixRound();
      else if (roll < 0.14) await document.sourceActionRound(FIX_ALL_KIND);
      else if (roll < 0.16) await document.sourceActionRound(USE_CONSTANTS_KIND);
      else if (roll < 0.18) await changeSettings(client, random.pick(SETTINGS));
      else if (roll < 0.3) await document.settle();
    }
    fresh.reset(document.current);
    await fresh.open();
    await document.expectSameAs(fresh);
    await options.sameAsFresh?.(document, fresh);
    await fresh.close();
    await document.sourceActionRound(FIX_ALL_KIND);
    await document.close();
    if (server.reports.length > 0) document.fail(`the server reported a bug:\n${server.reports.splice(0).join('\n')}`);
  };
  try {
    await Promise.race([run(), server.exited]);
  } catch (error) {
    (error as Error).message = `${(error as Error).message}\n${REPLAY}`;
    throw error;
  }
  return document;
}

describe(`fuzz of the bundled server, diagnostics pulled (seed ${SEED}, ${EDITS} edits)`, () => {
  let server: Server;
  before(async () => {
    server = await startFuzzedServer(CAPABILITIES);
  });
  after(async () => {
    if (server.client.process!.exitCode === null) await server.client.close();
  });

  for (const file of SOURCES) {
    test(file, async (t) => {
      const document = await fuzzFile(server, file, Math.ceil(EDITS / SOURCES.length));
      t.diagnostic(JSON.stringify(document.counts));
    });
  }

  test('after it all, the server is running and has written only JSON-RPC to stdout', () => {
    assert.equal(server.client.process!.exitCode, null);
    assert.ok(parseFrames(server.client.stdout).length > 0);
  });
});

/**
 * Clients without pull diagnostics (Neovim before 0.10, many others) get them published after a pause in typing:
 * each publication names a version that was sent, and its ranges are inside that version's text.
 */
describe(`fuzz of the bundled server, diagnostics pushed (seed ${SEED})`, () => {
  const PUSHED = SOURCES.filter((file) => /corpus\/(express\.ts|openapi\.yaml)$/.test(file));
  const { diagnostic: _pull, ...textDocument } = CAPABILITIES.textDocument;
  let server: Server;
  const documents = new Map<string, FuzzedDocument>();
  const latest = new Map<string, PublishDiagnosticsParams>();
  const failures: Error[] = [];
  let publications = 0;

  before(async () => {
    server = await startFuzzedServer({ ...CAPABILITIES, textDocument });
    server.client.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      latest.set(params.uri, params);
      publications++;
      try {
        documents.get(params.uri)?.checkPublished(params);
      } catch (error) {
        failures.push(error as Error);
      }
    });
  });
  after(async () => {
    if (server.client.process!.exitCode === null) await server.client.close();
  });

  /** The diagnostics published for `document` at its current version, once they are (after the server's pause). */
  async function published(document: FuzzedDocument): Promise<PublishDiagnosticsParams['diagnostics']> {
    for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((resolve) => setTimeout(resolve, 25))) {
      const params = latest.get(document.uri);
      if (params?.version === document.currentVersion) return params.diagnostics;
    }
    return document.fail(`no diagnostics published for version ${document.currentVersion} within 20 s`);
  }

  for (const file of PUSHED) {
    test(file, async (t) => {
      publications = 0;
      const document = await fuzzFile(server, file, Math.ceil(EDITS / SOURCES.length), {
        pushed: true,
        opened: (document) => documents.set(document.uri, document),
        sameAsFresh: async (edited, fresh) => assert.deepEqual(await published(edited), await published(fresh)),
      });
      t.diagnostic(`${publications} publications checked; ${JSON.stringify(document.counts)}`);
      if (failures.length > 0) throw failures[0];
    });
  }
});
