/**
 * Requests as real clients send them: cancelled ones ($/cancelRequest), a settings push that changes nothing (VS Code's
 * first one at start-up), and code actions whose diagnostics come back in the client's own columns (Neovim 0.7 echoes
 * them in bytes) or before any diagnostics were pulled.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Range,
} from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './lspClient';

const CAPABILITIES = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
  },
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
};

// CJK text before the code on its line: UTF-16 and UTF-8 columns differ there.
const CJK = `app.post('/orders', (req, res) => {
  const 说明 = '创建订单'; res.status(200).json({ 说明 });
});
`;

describe('requests as real clients send them', () => {
  let dir: string;
  let client: TestClient;
  let uri: string;

  const pull = (source?: CancellationTokenSource) =>
    source
      ? client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, source.token)
      : client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  const codeActions = (range: Range, diagnostics: Diagnostic[]) =>
    client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-requests-'));
    client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }], locale: 'en' });
    uri = URI.file(path.join(dir, 'orders.ts')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: CJK } });
  });
  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // First, before anything was pulled.
  test('a code action asked before any diagnostics were pulled still offers the fixes and "Disable"', async () => {
    const line = CJK.split('\n')[1];
    const at = { line: 1, character: line.indexOf('200') + 1 };
    const titles = (await codeActions({ start: at, end: at }, [])).map((action) => action.title);
    assert.ok(
      titles.some((title) => /201/.test(title)),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((title) => /disable/i.test(title)),
      titles.join(' | '),
    );
  });

  test('a diagnostic echoed back in byte columns (Neovim 0.7) still gets its quick-fixes, naming that diagnostic', async () => {
    const report = (await pull()) as { items: Diagnostic[] };
    const [diagnostic] = report.items;
    assert.equal(diagnostic.code, 'wrong-success-code');
    const line = CJK.split('\n')[1];
    const bytes = (column: number) => Buffer.byteLength(line.slice(0, column), 'utf8');
    const echoed: Diagnostic = {
      ...diagnostic,
      range: {
        start: { line: 1, character: bytes(diagnostic.range.start.character) },
        end: { line: 1, character: bytes(diagnostic.range.end.character) },
      },
    };
    assert.notDeepEqual(echoed.range, diagnostic.range, 'the columns differ on this line');
    // The client asks at the cursor, on the squiggle, with the diagnostic as it holds it.
    const actions = await codeActions({ start: diagnostic.range.start, end: diagnostic.range.start }, [echoed]);
    const fixes = actions.filter((action) => action.kind === 'quickfix' && action.diagnostics?.length);
    assert.ok(fixes.length >= 2, actions.map((action) => action.title).join(' | '));
    for (const fix of fixes) assert.deepEqual(fix.diagnostics, [echoed], 'the client links the action to its own diagnostic');
  });

  test('a cancelled request is answered with the LSP "cancelled" error, not computed', async () => {
    const source = new CancellationTokenSource();
    const pending = pull(source);
    source.cancel();
    await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    // The next one is answered in full.
    assert.equal(((await pull()) as { items: Diagnostic[] }).items.length, 1);
  });

  test('cancelled code actions and inlay hints are answered with the "cancelled" error too', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    for (const [method, params] of [
      ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range }],
    ] as const) {
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest(method, params, source.token);
      source.cancel();
      await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, method);
    }
  });

  test('an edit that arrives while diagnostics are computed ends them with "server cancelled, pull again"', async () => {
    await pull(); // the settings are known: the next pull parses at once
    const source = new CancellationTokenSource();
    const pending = pull(source);
    const at = { line: 3, character: 0 };
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: at, end: at }, text: '\n' }],
    });
    await assert.rejects(
      pending,
      (error: unknown) =>
        error instanceof ResponseError &&
        error.code === LSPErrorCodes.ServerCancelled &&
        (error.data as { retriggerRequest?: boolean }).retriggerRequest === true,
    );
    assert.equal(((await pull()) as { items: Diagnostic[] }).items.length, 1, 'the pull again is answered');
  });

  test('a settings push that changes nothing does not refresh; one that changes something does, once', async () => {
    await pull();
    const before = (client.received.get('workspace/diagnostic/refresh') ?? []).length;
    // VS Code's first push at start-up: the same settings as the server already pulled.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const refreshed = client.next('workspace/diagnostic/refresh');
    client.settings = { ...client.settings, rules: { 'wrong-success-code': 'hint' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    // Settings are re-read in the order the pushes came: had the first refreshed, it would have come first.
    await pull();
    assert.equal((client.received.get('workspace/diagnostic/refresh') ?? []).length, before + 1);
  });
});
