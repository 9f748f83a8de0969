/**
 * Specs beside routes in the editor, over real stdio (the bundled server): an open spec shows operation-without-route
 * once the index is built; adding the route in the route file (an edit in the editor) takes it away; the route file
 * shows route-not-in-spec for a route the spec does not list, until an edit of the spec lists it. A JSON spec is served too.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer } from './lspClient';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const ROUTE = `const express = require('express');\nconst router = express.Router();\n\nrouter.get('/users', (req, res) => res.send([]));\nrouter.delete('/users/:id', (req, res) => res.status(204).end());\nmodule.exports = router;\n`;
const SPEC = `openapi: 3.0.3\npaths:\n  /users:\n    get:\n      responses:\n        '200':\n          description: OK\n    post:\n      responses:\n        '201':\n          description: Created\n`;

const CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false } },
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
};

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-specs-lsp-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/users.js'), ROUTE);
  fs.writeFileSync(path.join(dir, 'docs/openapi.yaml'), SPEC);
  return dir;
}

test('an operation no route serves, then served once the route file gains the route; a route the spec does not list', async () => {
  const dir = workspace();
  const client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] }, {}, 'stdio');
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const spec = URI.file(path.join(dir, 'docs/openapi.yaml')).toString();
    const route = URI.file(path.join(dir, 'src/users.js')).toString();
    const pull = async (uri: string): Promise<Diagnostic[]> =>
      ((await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport)
        .items;
    const built = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: spec, languageId: 'yaml', version: 1, text: SPEC } });
    // Before the index is built the spec is judged alone; the end of the build refreshes it.
    let items = await pull(spec);
    if (items.length === 0) {
      await built;
      items = await pull(spec);
    }
    assert.deepEqual(
      items.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [['operation-without-route', 3, 7, 4, 8, 'The spec lists POST /users, but no route in the code serves it.']],
    );

    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: route, languageId: 'javascript', version: 1, text: ROUTE } });
    assert.deepEqual(
      (await pull(route)).map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [['route-not-in-spec', 4, 7, 13, 'The route DELETE /users/{id} is not listed in the spec (docs/openapi.yaml).']],
    );

    // Add the POST route in the editor: once typing pauses, the spec's diagnostic goes.
    const refreshed = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: route, version: 2 },
      contentChanges: [{ text: ROUTE.replace("router.get('/users'", "router.post('/users', (req, res) => res.status(201).send({}));\nrouter.get('/users'") }],
    });
    await refreshed;
    assert.deepEqual(await pull(spec), []);

    // Add the DELETE operation in the spec: once typing pauses, the route file's diagnostic goes.
    const again = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: spec, version: 2 },
      contentChanges: [{ text: `${SPEC}  /users/{userId}:\n    delete:\n      responses:\n        '204':\n          description: Gone\n` }],
    });
    await again;
    assert.deepEqual(await pull(route), []);
    assert.deepEqual(await pull(spec), []);
  } finally {
    await client.close();
  }
});

test('a JSON spec is served: its response codes judged by the table, its operations linked', async () => {
  const dir = workspace();
  fs.rmSync(path.join(dir, 'docs/openapi.yaml'));
  const json = JSON.stringify(
    {
      openapi: '3.0.3',
      paths: { '/users': { get: { responses: { '201': { description: 'Created' } } }, put: { responses: { '200': { description: 'OK' } } } } },
    },
    null,
    2,
  );
  fs.writeFileSync(path.join(dir, 'docs/openapi.json'), json);
  const client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const spec = URI.file(path.join(dir, 'docs/openapi.json')).toString();
    const pull = async (): Promise<Diagnostic[]> =>
      (
        (await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
          textDocument: { uri: spec },
        })) as FullDocumentDiagnosticReport
      ).items;
    const built = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: spec, languageId: 'json', version: 1, text: json } });
    let items = await pull();
    if (!items.some((d) => d.code === 'operation-without-route')) {
      await built;
      items = await pull();
    }
    assert.deepEqual(
      items.map((d) => [d.code, json.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)]),
      [
        ['wrong-success-code', '"201"'],
        // GET /users answers 200 (res.send): the 201 it lists is never answered.
        ['spec-response-unanswered', '"201"'],
        ['operation-without-route', '"put"'],
      ],
    );
  } finally {
    await client.close();
  }
});
