/**
 * test-expects-unanswered-code in the editor: an open test file is warned where it expects a code the handler of the
 * route it calls never answers; the hover on that code lists what the handler answers, with places; the warning goes
 * when the handler is changed on disk to answer it, and comes back when the handler is edited in the editor.
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

const ROUTE = `const router = require('express').Router();\nconst c = require('../controllers/user.controller');\n\nrouter.get('/users/:id', c.getUser);\nmodule.exports = router;\n`;
const CONTROLLER = [
  `const getUser = async (req, res) => {`,
  `  const user = await find(req.params.id);`,
  `  if (!user) return res.status(404).send({});`,
  `  res.send(user);`,
  `};`,
  `module.exports = { getUser };`,
  ``,
].join('\n');
const ANSWERS_400 = CONTROLLER.replace(`  const user`, `  if (!/^\\d+$/.test(req.params.id)) return res.status(400).send({});\n  const user`);
const TEST = `const request = require('supertest');\n\ntest('rejects a bad id', () => request(app).get('/users/not-an-id').expect(400));\n`;

const CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false } },
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
};

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-test-expects-lsp-'));
  made.push(dir);
  for (const [name, text] of Object.entries({
    'src/routes/user.route.js': ROUTE,
    'src/controllers/user.controller.js': CONTROLLER,
    'test/user.test.js': TEST,
  })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test("a test's expected code that its handler never answers: warned, hovered, and refreshed as the handler changes on disk and in the editor", async () => {
  const dir = workspace();
  const client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const testFile = URI.file(path.join(dir, 'test/user.test.js')).toString();
    const controllerPath = path.join(dir, 'src/controllers/user.controller.js');
    const controller = URI.file(controllerPath).toString();
    const pull = async () =>
      (
        (await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
          textDocument: { uri: testFile },
        })) as FullDocumentDiagnosticReport
      ).items.filter((item) => item.code === 'test-expects-unanswered-code');
    const built = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: testFile, languageId: 'javascript', version: 1, text: TEST } });
    // Pulled before the index is built, the test is judged alone; the end of the build refreshes it.
    let items = await pull();
    if (items.length === 0) {
      await built;
      items = await pull();
    }
    assert.equal(items.length, 1, JSON.stringify(items));
    assert.equal(items[0].severity, 2);
    assert.deepEqual(items[0].range.start, { line: 2, character: TEST.split('\n')[2].indexOf('400') });
    assert.equal(items[0].message, 'GET /users/{id} never answers 400 (its handler getUser answers 200, 404; src/controllers/user.controller.js:1).');

    const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: testFile },
      position: items[0].range.start,
    });
    assert.match(
      hover.contents.value,
      /`GET \/users\/\{id\}` → handler `getUser` \(src\/controllers\/user\.controller\.js:1\) answers 200 \(user\.controller\.js:4\), 404 \(user\.controller\.js:3\)/,
    );

    // The handler answers 400 on disk (the test file unchanged): the warning goes.
    const onDisk = client.next('workspace/diagnostic/refresh');
    fs.writeFileSync(controllerPath, ANSWERS_400);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: controller, type: 2 }] });
    await onDisk;
    assert.deepEqual(await pull(), []);

    // Opened and edited in the editor back to 200 and 404 only: it comes back, unsaved.
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: controller, languageId: 'javascript', version: 1, text: ANSWERS_400 },
    });
    const inEditor = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: controller, version: 2 },
      contentChanges: [{ text: CONTROLLER }],
    });
    await inEditor;
    assert.equal((await pull()).length, 1);
  } finally {
    await client.close();
  }
});
