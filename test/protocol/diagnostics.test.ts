/** Diagnostics, quick-fixes and fix-all over the bundled server, in pull and push mode. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './lspClient';

const FIXTURE = path.resolve(__dirname, '../fixtures/org-status-codes.md');

const PULL_CAPABILITIES = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true },
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
  },
};

const EXPRESS = `app.post('/orders', (req, res) => {
  res.status(200).json({ ok: true });
  res.status(429).end();
});
`;

const OPENAPI = `openapi: 3.0.3
paths:
  /orders/{id}:
    delete:
      responses:
        "200":
          description: Cancelled
`;

const NEST = `import { Controller, Delete, Post, HttpCode, HttpStatus } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(HttpStatus.OK)
  create() {}

  @Delete(':id')
  remove() {}

  @Delete()
  clear() {}
}
`;

const NEST_FIXED = `import { Controller, Delete, Post, HttpCode, HttpStatus } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(HttpStatus.CREATED)
  create() {}

  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete(':id')
  remove() {}

  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete()
  clear() {}
}
`;

function workspaceDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-diagnostics-'));
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.copyFileSync(FIXTURE, path.join(dir, 'docs', 'status.md'));
  fs.writeFileSync(path.join(dir, '.statusdoc.json'), JSON.stringify({ table: 'docs/status.md' }));
  return dir;
}

/** What an editor does with a versioned workspace edit: check the version, apply the edits. */
function applyAction(document: TextDocument, action: CodeAction): string {
  const [change] = action.edit!.documentChanges as TextDocumentEdit[];
  assert.equal(change.textDocument.uri, document.uri);
  assert.equal(change.textDocument.version, document.version, 'the edit is versioned to the document it was computed on');
  return TextDocument.applyEdits(document, change.edits as TextEdit[]);
}

describe('pull diagnostics', () => {
  let dir: string;
  let client: TestClient;
  const docs = new Map<string, TextDocument>();

  const open = async (name: string, languageId: string, text: string) => {
    const uri = URI.file(path.join(dir, name)).toString();
    docs.set(name, TextDocument.create(uri, languageId, 1, text));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  };
  const replace = async (name: string, text: string) => {
    const old = docs.get(name)!;
    const next = TextDocument.create(old.uri, old.languageId, old.version + 1, text);
    docs.set(name, next);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: next.uri, version: next.version },
      contentChanges: [{ text }],
    });
  };
  const pull = async (name: string): Promise<Diagnostic[]> => {
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: docs.get(name)!.uri } });
    assert.equal(report.kind, 'full');
    return (report as { items: Diagnostic[] }).items;
  };
  const actions = (name: string, diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: docs.get(name)!.uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only },
    });

  before(async () => {
    dir = workspaceDir();
    client = await startServer({ capabilities: PULL_CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }], locale: 'en' });
  });
  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the server declares pull diagnostics and the code action kinds', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'statusdoc', interFileDependencies: false, workspaceDiagnostics: false });
    assert.deepEqual(capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.statusdoc', 'source.statusdoc.useConstants', 'source.statusdoc.createConstants'],
    });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['statusdoc.createConstantsModule'] });
  });

  test('a TypeScript document: wrong success code and undocumented code, with rule ids and docs links', async () => {
    await open('orders.ts', 'typescript', EXPRESS);
    const items = await pull('orders.ts');
    assert.deepEqual(
      items.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message]),
      [
        ['wrong-success-code', 1, 1, 13, 'POST answers 201 Created in the documented table, not 200 OK.'],
        ['undocumented-code', 2, 2, 13, '429 Too Many Requests is not documented in the status-code table.'],
      ],
    );
    for (const item of items) {
      assert.equal(item.source, 'statusdoc');
      assert.match(item.codeDescription!.href, new RegExp(`^file://.*README\\.md#${item.code}$`));
    }
  });

  test('a YAML document: the OpenAPI delete operation answering 200', async () => {
    await open('openapi.yaml', 'yaml', OPENAPI);
    const items = await pull('openapi.yaml');
    assert.deepEqual(
      items.map((d) => [d.code, d.message]),
      [['wrong-success-code', 'DELETE answers 204 No Content in the documented table, not 200 OK.']],
    );
  });

  test('the quick-fix carries its edit: applied, the YAML key keeps its quotes and the problem is gone', async () => {
    const items = await pull('openapi.yaml');
    const [fix, disable] = await actions('openapi.yaml', items);
    assert.equal(fix.title, 'Change to "204" (documented for DELETE)');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(disable.title, 'Disable wrong-success-code for this line');
    const fixed = applyAction(docs.get('openapi.yaml')!, fix);
    assert.equal(fixed, OPENAPI.replace('"200"', '"204"'));
    await replace('openapi.yaml', fixed);
    assert.deepEqual(await pull('openapi.yaml'), []);
  });

  test('the disable action silences the line', async () => {
    const items = await pull('orders.ts');
    const all = await actions('orders.ts', [items[1]]);
    const disable = all.find((action) => action.title === 'Disable undocumented-code for this line')!;
    const text = applyAction(docs.get('orders.ts')!, disable);
    assert.match(text, /\n {2}\/\/ statusdoc-disable-next-line undocumented-code\n {2}res\.status\(429\)/);
    await replace('orders.ts', text);
    assert.deepEqual(
      (await pull('orders.ts')).map((d) => d.code),
      ['wrong-success-code'],
    );
  });

  test('source.fixAll.statusdoc fixes a document with several problems in one versioned edit', async () => {
    await open('orders.controller.ts', 'typescript', NEST);
    assert.deepEqual(
      (await pull('orders.controller.ts')).map((d) => d.code),
      ['wrong-success-code', 'implicit-success-code', 'implicit-success-code'],
    );
    const result = await actions('orders.controller.ts', [], ['source.fixAll.statusdoc']);
    assert.equal(result.length, 1);
    assert.equal(result[0].kind, 'source.fixAll.statusdoc');
    const fixed = applyAction(docs.get('orders.controller.ts')!, result[0]);
    assert.equal(fixed, NEST_FIXED);
    await replace('orders.controller.ts', fixed);
    assert.deepEqual(await pull('orders.controller.ts'), []);
    assert.deepEqual(await actions('orders.controller.ts', [], ['source.fixAll.statusdoc']), [], 'nothing left to fix');
  });

  test('a severity changed through workspace/configuration refreshes and applies', async () => {
    const refreshed = client.next('workspace/diagnostic/refresh');
    client.settings.rules = { 'wrong-success-code': 'hint' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    const items = await pull('orders.ts');
    assert.deepEqual(
      items.map((d) => [d.code, d.severity]),
      [['wrong-success-code', 4]],
    );
    client.settings.rules = { 'wrong-success-code': 'off' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await pull('orders.ts'), []);
    client.settings.rules = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  test('the server asked the client to watch the table doc it depends on', () => {
    const registrations = (client.received.get('client/registerCapability') ?? []) as {
      registrations: { method: string; registerOptions: { watchers: { globPattern: { baseUri: string; pattern: string } }[] } }[];
    }[];
    const patterns = registrations
      .flatMap((r) => r.registrations)
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => r.registerOptions.watchers.map((w) => w.globPattern));
    assert.ok(
      patterns.some((p) => p.pattern === 'status.md' && p.baseUri === URI.file(path.join(dir, 'docs')).toString()),
      JSON.stringify(patterns),
    );
    assert.ok(patterns.some((p) => p.pattern === '.statusdoc.json'));
  });

  test('the table changes on disk and the diagnostics follow it', async () => {
    const table = path.join(dir, 'docs', 'status.md');
    // The team now documents 200 as the normal answer of POST too, and 201 as nobody's.
    const doc = fs.readFileSync(table, 'utf8').replace('POST操作正常返回。', '资源已创建。').replace('GET和PUT操作正常返回。', 'GET、PUT和POST操作正常返回。');
    fs.writeFileSync(table, doc);
    const refreshed = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(table).toString(), type: 2 }] });
    await refreshed;
    assert.deepEqual(await pull('orders.ts'), [], 'res.status(200) in a POST handler is now right');
  });
});

describe('push diagnostics (a client without textDocument/diagnostic)', () => {
  test('published on open and on edit, and again when the table changes', async () => {
    const dir = workspaceDir();
    const client = await startServer({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] });
    try {
      const uri = URI.file(path.join(dir, 'orders.ts')).toString();
      let published = client.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics');
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: EXPRESS } });
      let params = await published;
      assert.equal(params.uri, uri);
      assert.deepEqual(
        params.diagnostics.map((d) => d.code),
        ['wrong-success-code', 'undocumented-code'],
      );

      published = client.next('textDocument/publishDiagnostics');
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } }, text: '201' }],
      });
      params = await published;
      assert.equal(params.version, 2);
      assert.deepEqual(
        params.diagnostics.map((d) => d.code),
        ['undocumented-code'],
      );

      const table = path.join(dir, 'docs', 'status.md');
      fs.writeFileSync(table, `${fs.readFileSync(table, 'utf8')}\n| Code | Meaning |\n|---|---|\n| 429 | 请求过多，请稍后重试。 |\n`);
      published = client.next('textDocument/publishDiagnostics');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(table).toString(), type: 2 }] });
      params = await published;
      assert.deepEqual(params.diagnostics, [], '429 is documented now');
    } finally {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
