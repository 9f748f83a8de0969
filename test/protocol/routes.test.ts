/**
 * Routes across files in the editor: the server indexes the workspace's routes in the background, judges an open
 * controller by the method of the route file that names it, and refreshes it when the route file is edited (in the
 * editor or on disk).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer } from './lspClient';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const ROUTE = `const router = require('express').Router();\nconst userController = require('../controllers/user.controller');\n\nrouter.post('/users', userController.createUser);\nmodule.exports = router;\n`;
const CONTROLLER = `const createUser = async (req, res) => {\n  res.status(200).send({});\n};\nmodule.exports = { createUser };\n`;

const CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false } },
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
};

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-routes-lsp-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, 'src/routes'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src/controllers'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/routes/user.route.js'), ROUTE);
  fs.writeFileSync(path.join(dir, 'src/controllers/user.controller.js'), CONTROLLER);
  return dir;
}

test('a controller is judged by its route file once the index is built, and again when the route file is edited', async () => {
  const dir = workspace();
  const client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const controller = URI.file(path.join(dir, 'src/controllers/user.controller.js')).toString();
    const route = URI.file(path.join(dir, 'src/routes/user.route.js')).toString();
    const pull = async () =>
      (
        (await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
          textDocument: { uri: controller },
        })) as FullDocumentDiagnosticReport
      ).items;
    const built = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: controller, languageId: 'javascript', version: 1, text: CONTROLLER },
    });
    // Pulled before the index is built, the controller is judged alone; the end of the build refreshes it.
    let items = await pull();
    if (items.length === 0) {
      await built;
      items = await pull();
    }
    assert.equal(items.length, 1, JSON.stringify(items));
    assert.equal(items[0].code, 'wrong-success-code');
    assert.equal(items[0].range.start.line, 1);
    assert.match(String(items[0].message), /\(POST, registered at src\/routes\/user\.route\.js:4\)$/);

    // The hover over the code names the endpoint the route serves.
    const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: controller },
      position: { line: 1, character: 14 },
    });
    assert.match(hover.contents.value, /Endpoint: `POST \/users` \(registered at src\/routes\/user\.route\.js:4\)/);

    // Go to definition from the route's handler to the controller's function.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: route, languageId: 'javascript', version: 1, text: ROUTE } });
    const definition = await client.connection.sendRequest<{ uri: string; range: { start: { line: number; character: number } } } | null>(
      'textDocument/definition',
      {
        textDocument: { uri: route },
        position: { line: 3, character: 40 },
      },
    );
    assert.deepEqual(definition && { uri: definition.uri, start: definition.range.start }, { uri: controller, start: { line: 0, character: 6 } });

    // Edit the route file in the editor: POST becomes GET, and the controller's diagnostics are refreshed.
    const refreshed = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: route, version: 2 },
      contentChanges: [{ text: ROUTE.replace('router.post', 'router.get') }],
    });
    await refreshed;
    assert.deepEqual(await pull(), []);

    // Close it unsaved: the disk's POST is the truth again.
    const again = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: route } });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: route, type: 2 }] });
    await Promise.race([again, new Promise((resolve) => setTimeout(resolve, 2000))]);
    assert.equal((await pull()).length, 1);
  } finally {
    await client.close();
  }
});

test('a code lens above each routed handler names its endpoints and codes, and follows an edit of the route file', async () => {
  const dir = workspace();
  fs.mkdirSync(path.join(dir, 'test'));
  fs.writeFileSync(
    path.join(dir, 'test/user.test.js'),
    "const request = require('supertest');\nconst app = require('../src/app');\n\ntest('creates', () => request(app).post('/users').expect(201));\n",
  );
  const capabilities = { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, codeLens: { refreshSupport: true } } };
  const client = await startServer({ capabilities, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const controller = URI.file(path.join(dir, 'src/controllers/user.controller.js')).toString();
    const route = URI.file(path.join(dir, 'src/routes/user.route.js')).toString();
    const lenses = () =>
      client.connection.sendRequest<{ range: { start: { line: number } }; command?: { title: string; command: string; arguments?: unknown[] } }[]>(
        'textDocument/codeLens',
        {
          textDocument: { uri: controller },
        },
      );
    const built = client.next('workspace/codeLens/refresh');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: controller, languageId: 'javascript', version: 1, text: CONTROLLER },
    });
    await built;
    const first = await lenses();
    assert.equal(first.length, 1, JSON.stringify(first));
    assert.equal(first[0].range.start.line, 0);
    // All it answers is known (one literal code), and one test calls it: clicking the lens peeks that test.
    assert.equal(first[0].command?.title, 'POST /users · answers 200 · 1 test');
    assert.equal(first[0].command?.command, 'statusdoc.showLocations');
    const [lensUri, , locations] = first[0].command?.arguments ?? [];
    assert.equal(lensUri, controller);
    assert.deepEqual(
      (locations as { uri: string; range: { start: { line: number } } }[]).map((l) => [l.uri, l.range.start.line]),
      [[URI.file(path.join(dir, 'test/user.test.js')).toString(), 3]],
    );

    // The route file now registers the handler under GET /members: the client is told to ask again, and the lens follows.
    const refreshed = client.next('workspace/codeLens/refresh');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: route, languageId: 'javascript', version: 1, text: ROUTE } });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: route, version: 2 },
      contentChanges: [{ text: ROUTE.replace("router.post('/users'", "router.get('/members'") }],
    });
    // Each refresh the server asks for is followed by asking again, as a client does, until the edit shows (or 5 s).
    let title = '';
    for (let next = refreshed, deadline = Date.now() + 5000; Date.now() < deadline && !title.startsWith('GET');) {
      await Promise.race([next, new Promise((resolve) => setTimeout(resolve, 500))]);
      next = client.next('workspace/codeLens/refresh').catch(() => undefined);
      title = (await lenses())[0]?.command?.title ?? '';
    }
    assert.equal(title, 'GET /members · answers 200');

    // A file no route names has no lens.
    const plain = URI.file(path.join(dir, 'src/plain.js')).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: plain, languageId: 'javascript', version: 1, text: 'function f(req, res) {\n  res.status(201).end();\n}\n' },
    });
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: plain } }), []);
  } finally {
    await client.close();
  }
});

test('a handler written inline in its route has its code lens too, above the registration', async () => {
  const dir = workspace();
  const inline = `${ROUTE.replace('module.exports', "router.delete('/users/:id', (req, res) => {\n  res.status(204).end();\n});\nmodule.exports")}`;
  fs.writeFileSync(path.join(dir, 'src/routes/user.route.js'), inline);
  const capabilities = { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, codeLens: { refreshSupport: true } } };
  const client = await startServer({ capabilities, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const route = URI.file(path.join(dir, 'src/routes/user.route.js')).toString();
    const built = client.next('workspace/codeLens/refresh');
    const judged = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: route, languageId: 'javascript', version: 1, text: inline } });
    await built;
    // The end of the build also asks for the diagnostics again: answered before the server is shut down.
    await Promise.race([judged, new Promise((resolve) => setTimeout(resolve, 2000))]);
    const lenses = await client.connection.sendRequest<{ range: { start: { line: number } }; command?: { title: string } }[]>('textDocument/codeLens', {
      textDocument: { uri: route },
    });
    // The named handler's lens is in the controller; the route file holds only the inline one's.
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title]),
      [[4, 'DELETE /users/{id} · answers 204']],
    );
  } finally {
    await client.close();
  }
});
