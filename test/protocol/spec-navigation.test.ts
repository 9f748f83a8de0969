/**
 * Navigation by status code between the spec and the code, over real stdio (the bundled server), on a copy of
 * examples/express-app: go to definition from a handler's site to its operation's response key and back (the key of
 * a range to every site it covers); find references of a code from a test's expectation (spec key, handler site,
 * test, mock); the handler's hover quotes the spec's description with its place.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer } from './lspClient';

const EXAMPLE = path.resolve(__dirname, '../../examples/express-app');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const CAPABILITIES = { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } };

const TEST = `const request = require('supertest');\nconst app = require('../src/app');\n\ntest('missing', async () => {\n  await request(app).get('/v1/users/9').expect(404);\n});\n`;
const MOCK = `const nock = require('nock');\n\nnock(baseUrl).get('/v1/users/9').reply(404, {});\n`;

test('definition both ways between handler sites and spec keys; references across spec, handler, tests and mocks; hover', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-spec-navigation-'));
  made.push(dir);
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'tests/missing.test.js'), TEST);
  fs.writeFileSync(path.join(dir, 'tests/mock.test.js'), MOCK);
  const client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'app' }] }, {}, 'stdio');
  const built = new Promise<void>((resolve) =>
    client.connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      if (params.value.kind === 'end') resolve();
    }),
  );
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const file = (name: string) => ({ uri: URI.file(path.join(dir, name)).toString(), text: fs.readFileSync(path.join(dir, name), 'utf8') });
    const controller = file('src/controllers/user.controller.js');
    const spec = file('docs/openapi.yaml');
    const missing = file('tests/missing.test.js');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: controller.uri, languageId: 'javascript', version: 1, text: controller.text },
    });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: spec.uri, languageId: 'yaml', version: 1, text: spec.text } });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: missing.uri, languageId: 'javascript', version: 1, text: missing.text },
    });
    await built;

    /** The position of the `nth` occurrence of `text` in a file (0-based line and character). */
    const positionOf = (doc: { text: string }, text: string, nth = 0) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = doc.text.indexOf(text, at + 1);
      assert.ok(at >= 0, text);
      const before = doc.text.slice(0, at).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length + 1 };
    };
    const placeOf = (doc: { text: string }, text: string, nth = 0, name: string) => {
      const p = positionOf(doc, text, nth);
      return `${name}:${p.line + 1}:${p.character}`;
    };
    const places = (found: Location | Location[] | null) =>
      (found === null ? [] : Array.isArray(found) ? found : [found])
        .map((l) => `${path.relative(dir, URI.parse(l.uri).fsPath)}:${l.range.start.line + 1}:${l.range.start.character + 1}`)
        .sort();
    const ask = (method: string, doc: { uri: string }, position: { line: number; character: number }) =>
      client.connection.sendRequest<Location | Location[] | null>(method, { textDocument: { uri: doc.uri }, position, context: { includeDeclaration: true } });

    const spec404 = placeOf(spec, `'404'`, 0, 'docs/openapi.yaml');
    const handler404 = placeOf(controller, '404', 0, 'src/controllers/user.controller.js');
    // The handler's 404 -> the key of GET /users/{id}; that key -> the handler's site.
    assert.deepEqual(places(await ask('textDocument/definition', controller, positionOf(controller, '404'))), [spec404]);
    assert.deepEqual(places(await ask('textDocument/definition', spec, positionOf(spec, `'404'`))), [handler404]);
    // The handler's 409, which POST /users does not list and nothing covers: no definition.
    assert.deepEqual(places(await ask('textDocument/definition', controller, positionOf(controller, '409'))), []);

    // References of 404 from the test's expectation: the spec key, the handler's site, the test, the mock.
    const refs = places(await ask('textDocument/references', missing, positionOf(missing, '404')));
    assert.deepEqual(
      refs,
      [spec404, handler404, placeOf(missing, '404', 0, 'tests/missing.test.js'), placeOf({ text: MOCK }, '404', 0, 'tests/mock.test.js')].sort(),
    );
    // The same set from the spec key.
    assert.deepEqual(places(await ask('textDocument/references', spec, positionOf(spec, `'404'`))), refs);

    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: controller.uri },
      position: positionOf(controller, '404'),
    });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, new RegExp(`Spec: 404 — No such user \\(docs/openapi.yaml:${positionOf(spec, `'404'`).line + 1}\\)`));
  } finally {
    await client.close();
  }
});
