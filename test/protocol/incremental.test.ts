/**
 * Incremental edits over LSP give the same diagnostics and hovers as opening the edited text afresh: the server's
 * reuse of the previous parse (YAML line records, and whatever the TS adapter reuses) is invisible to a client.
 * Also: a document over statusdoc.maxFileSizeMB is not checked, and the editor is told so once.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, ShowMessageParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type TestClient } from './lspClient';

const CAPABILITIES = { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } };
const CORPUS = path.resolve(__dirname, '../fixtures/corpus');

/** A small seeded generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '200',
  '201',
  '204',
  '418',
  "'200':",
  '\n',
  '  ',
  'post',
  'delete',
  'responses:',
  '# ',
  ' {',
  '}',
  'status: ',
  'res.status(',
  ')',
  ';\n',
  '"',
];

/** One random edit of `text`: a deletion, an insertion or a replacement near a status code more often than not. */
function randomEdit(text: string, next: () => number): { start: number; end: number; insert: string } {
  const codes = [...text.matchAll(/\b[1-5]\d\d\b|post|delete|get|put/g)];
  const anchor = codes.length > 0 && next() < 0.7 ? codes[Math.floor(next() * codes.length)].index! : Math.floor(next() * text.length);
  const start = Math.min(text.length, Math.max(0, anchor + Math.floor(next() * 8) - 4));
  const end = Math.min(text.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 6)));
  const insert = next() < 0.3 ? '' : SNIPPETS[Math.floor(next() * SNIPPETS.length)];
  return { start, end, insert };
}

describe('incremental edits over LSP equal a fresh open', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer({ capabilities: CAPABILITIES, locale: 'en' });
  });
  after(() => client.close());

  const diagnosticsOf = async (uri: string): Promise<Diagnostic[]> =>
    ((await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;

  const cases: [string, string][] = [
    ['openapi.yaml', 'yaml'],
    ['swagger.yaml', 'yaml'],
    ['tavern.tavern.yaml', 'yaml'],
    ['express.ts', 'typescript'],
    ['nestjs.controller.ts', 'typescript'],
    ['javascript-commonjs.js', 'javascript'],
  ];
  for (const [name, languageId] of cases) {
    test(`${name}: 60 random edits, each compared with the same text opened afresh`, async () => {
      const next = random(name.length * 7919);
      const uri = `file:///edited/${name}`;
      let document = TextDocument.create(uri, languageId, 1, fs.readFileSync(path.join(CORPUS, name), 'utf8'));
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: document.getText() } });
      for (let round = 1; round <= 60; round++) {
        const { start, end, insert } = randomEdit(document.getText(), next);
        const range = { start: document.positionAt(start), end: document.positionAt(end) };
        document = TextDocument.update(document, [{ range, text: insert }], document.version + 1);
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: document.version },
          contentChanges: [{ range, text: insert }],
        });
        // Pull every few edits, so that several changes are collapsed into one as when typing fast.
        if (round % 3 !== 0) continue;
        const fresh = `file:///fresh/${round}/${name}`;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId, version: 1, text: document.getText() } });
        assert.deepEqual(await diagnosticsOf(uri), await diagnosticsOf(fresh), `round ${round}: ${JSON.stringify({ start, end, insert })}`);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
      }
    });
  }
});

describe('a document over statusdoc.maxFileSizeMB', () => {
  test('is not checked, and the editor says so once; raising the setting checks it', async () => {
    const client = await startServer({ capabilities: CAPABILITIES, locale: 'en' }, { maxFileSizeMB: 0.001 });
    const uri = 'file:///big/orders.ts';
    const text = `app.post('/orders', (req, res) => res.status(200).end());\n${'// padding\n'.repeat(200)}`;
    const shown = new Promise<ShowMessageParams>((resolve) => client.connection.onNotification('window/showMessage', resolve));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const pull = async () =>
      ((await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
    assert.deepEqual(await pull(), []);
    const message = await shown;
    assert.equal(message.type, 3, 'an information message: nothing is wrong with the file');
    assert.match(message.message, /orders\.ts is not checked \(larger than 1,048 characters \(2,\d{3}\)\).*statusdoc\.maxFileSizeMB/);
    await pull();
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 47 } });
    assert.equal(hover, null);
    client.settings.maxFileSizeMB = 1;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(
      (await pull()).map((d) => d.code),
      ['wrong-success-code'],
    );
    await client.close();
  });
});
