/**
 * A seeded fuzz of the bundled server (server/out/server.js --stdio, as editors run it): random edits to the corpus
 * and the examples (snippets, deletions, a status code typed key by key, brackets deleted, CJK and emoji pasted, CRLF
 * and lone CR), with hover, completion, code action, inlay hint and diagnostic requests fired while the edits go on,
 * a fifth of them cancelled. It holds that the server stays up, answers no request with an error (but "cancelled"),
 * returns only ranges inside the document in UTF-16 units, offers only applicable edits, that a quick fix applied then
 * pulled twice is stable, that fix-all applied once leaves nothing to fix, and that after the last edit diagnostics,
 * hovers and inlay hints equal those of the final text opened fresh.
 *
 * STATUSDOC_FUZZ_SEED replays a run (a failure prints its seed); STATUSDOC_FUZZ_EDITS sets the number of edits
 * (didChange notifications) of the whole run, shared out over the documents.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LogMessageParams } from 'vscode-languageserver-protocol';
import { randomGesture } from './fuzz/edits';
import { fromEnv, seeded } from './fuzz/random';
import { FIX_ALL_KIND, FuzzedDocument, USE_CONSTANTS_KIND } from './fuzz/session';
import { parseFrames, startServer, type TestClient } from './lspClient';

const SEED = fromEnv('STATUSDOC_FUZZ_SEED', Date.now() % 1_000_000_007);
const EDITS = fromEnv('STATUSDOC_FUZZ_EDITS', 1200);
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

describe(`fuzz of the bundled server (seed ${SEED}, ${EDITS} edits)`, () => {
  let client: TestClient;
  /** Rejects when the server process exits: every later await would otherwise wait forever. */
  let exited: Promise<never>;
  /** What the server logged as an error or asked to be reported: a statusdoc bug even when the answers look right. */
  const reports: string[] = [];

  before(async () => {
    client = await startServer({ capabilities: CAPABILITIES, locale: 'en' }, {}, 'stdio');
    exited = new Promise((_, reject) => client.process!.once('exit', (code, signal) => reject(new Error(`the server exited (${code ?? signal}); ${REPLAY}`))));
    exited.catch(() => undefined);
    client.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      if (params.type === 1 || /please report/i.test(params.message)) reports.push(params.message);
    });
  });
  after(async () => {
    if (client.process!.exitCode === null) await client.close();
  });

  const changeSettings = async (settings: Record<string, unknown>) => {
    client.settings = settings;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };
  after(() => changeSettings({}));

  for (const file of SOURCES) {
    test(file, async (t) => {
      const random = seeded(seedOf(file));
      const languageId = languageIdOf(file);
      const name = path.basename(file);
      const document = new FuzzedDocument(client, random, `file:///fuzz/edited/${name}`, languageId, fs.readFileSync(path.join(ROOT, file), 'utf8'));
      const run = async () => {
        await document.open();
        let edits = 0;
        while (edits < Math.ceil(EDITS / SOURCES.length)) {
          const gesture = randomGesture(document.current, random);
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
          else if (roll < 0.26) await changeSettings(random.pick(SETTINGS));
          else if (roll < 0.36) await document.settle();
        }
        const fresh = new FuzzedDocument(client, random, `file:///fuzz/fresh/${name}`, languageId, document.current);
        await fresh.open();
        await document.expectSameAs(fresh);
        await fresh.close();
        await document.sourceActionRound(FIX_ALL_KIND);
        await document.close();
        t.diagnostic(JSON.stringify(document.counts));
        if (reports.length > 0) document.fail(`the server reported a bug:\n${reports.splice(0).join('\n')}`);
      };
      try {
        await Promise.race([run(), exited]);
      } catch (error) {
        (error as Error).message = `${(error as Error).message}\n${REPLAY}`;
        throw error;
      }
    });
  }

  test('after it all, the server is running and has written only JSON-RPC to stdout', () => {
    assert.equal(client.process!.exitCode, null);
    assert.ok(parseFrames(client.stdout).length > 0);
  });
});
