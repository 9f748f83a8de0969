/**
 * Go to definition from a test's request to the routes it hits, over real stdio (the bundled server), on a copy of
 * examples/express-app: routes in routes/v1 mounted by app.js, tests calling them by path with supertest.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { Location } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer } from './lspClient';

const EXAMPLE = path.resolve(__dirname, '../../examples/express-app');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true },
  window: { workDoneProgress: true },
};

/** The same DELETE route registered a second time, in another file, on the app itself. */
const LEGACY = `const app = require('./app');\nconst { userController } = require('./controllers');\n\napp.delete('/v1/users/:id', userController.deleteUser);\n`;

const TEST = [
  `const request = require('supertest');`,
  `const app = require('../src/app');`,
  ``,
  `test('requests', async () => {`,
  `  await request(app).post('/v1/users').send({ name: 'Ada' }).expect(201);`,
  `  await request(app).delete(\`/v1/users/\${id}\`).expect(204);`,
  `  await request(app).get('/v1/nowhere').expect(404);`,
  `});`,
  ``,
].join('\n');

test('definition from a request in a test goes to the route registrations it hits', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-request-definition-'));
  made.push(dir);
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/legacy.js'), LEGACY);
  fs.writeFileSync(path.join(dir, 'tests/requests.test.js'), TEST);
  const client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'app' }] }, {}, 'stdio');
  const built = new Promise<void>((resolve) =>
    client.connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      if (params.value.kind === 'end') resolve();
    }),
  );
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const uri = URI.file(path.join(dir, 'tests/requests.test.js')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: TEST } });
    await built;
    const lines = TEST.split('\n');
    const at = (line: number, text: string) => ({ line, character: lines[line].indexOf(text) + 1 });
    const definition = (position: { line: number; character: number }) =>
      client.connection.sendRequest<Location | Location[] | null>('textDocument/definition', { textDocument: { uri }, position });
    const places = (found: Location | Location[] | null) =>
      (found === null ? [] : Array.isArray(found) ? found : [found]).map(
        (location) => `${path.relative(dir, URI.parse(location.uri).fsPath)}:${location.range.start.line + 1}:${location.range.start.character + 1}`,
      );

    const route = fs.readFileSync(path.join(dir, 'src/routes/v1/user.route.js'), 'utf8').split('\n');
    const post = `src/routes/v1/user.route.js:${route.findIndex((l) => l.includes('.post(')) + 1}:${route.find((l) => l.includes('.post('))!.indexOf('post') + 1}`;
    const del = `src/routes/v1/user.route.js:${route.findIndex((l) => l.includes('.delete(')) + 1}:${route.find((l) => l.includes('.delete('))!.indexOf('delete') + 1}`;

    // On the path, and on the method's name: the route it hits.
    assert.deepEqual(places(await definition(at(4, `'/v1/users'`))), [post]);
    assert.deepEqual(places(await definition(at(4, 'post'))), [post]);
    // A template part stands for the parameter; the same route registered twice gives both places.
    assert.deepEqual(places(await definition(at(5, '/v1/users/'))).sort(), [del, 'src/legacy.js:4:5'].sort());
    // A path no route serves: nowhere to go.
    assert.deepEqual(places(await definition(at(6, '/v1/nowhere'))), []);
  } finally {
    await client.close();
  }
});
