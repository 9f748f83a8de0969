/**
 * The code lens above each spec operation, over real stdio (the bundled server): what the spec lists, what the
 * handlers of its routes answer and what its tests expect, `no route` where none serves it; clicking it names the
 * matrix row it opens (and the matrix request draws the page on that row). An edit of the spec, or of a handler
 * beside it, asks the client for the lenses again and they follow.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { URI } from 'vscode-uri';
import type { MatrixResult } from '../../server/src/protocol';
import { MATRIX_PROJECT } from '../cli/matrixProject';
import { startServer, type TestClient } from './lspClient';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

interface Lens {
  range: { start: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: unknown[] };
}

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-spec-lens-'));
  made.push(dir);
  for (const [name, text] of Object.entries(MATRIX_PROJECT)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** After `change`, the server asks the client for the lenses again (within 5 s), and they are asked for. */
async function lensesAfter(client: TestClient, uri: string, change: () => Promise<void>): Promise<Lens[]> {
  const refreshed = client.next('workspace/codeLens/refresh');
  await change();
  const came = await Promise.race([refreshed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
  assert.ok(came, 'a codeLens refresh');
  return client.connection.sendRequest<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
}

const titles = (lenses: Lens[]) => lenses.map((lens) => `${lens.range.start.line}: ${lens.command?.title}`);

test('a lens above each spec operation: spec, code and tests codes; no route; it opens the matrix on its row', async () => {
  const dir = workspace();
  const root = URI.file(dir).toString();
  const client = await startServer(
    { workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: { workspace: { codeLens: { refreshSupport: true } } } },
    {},
    'stdio',
  );
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    await client.connection.sendRequest('statusdoc/matrix', { uri: root }); // waits for the index
    const spec = URI.file(path.join(dir, 'docs/openapi.yaml')).toString();
    const text = MATRIX_PROJECT['docs/openapi.yaml'];
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: spec, languageId: 'yaml', version: 1, text } });
    const lenses = await client.connection.sendRequest<Lens[]>('textDocument/codeLens', { textDocument: { uri: spec } });
    assert.deepEqual(titles(lenses), [
      // createUser answers 400, 409 and 201, nothing else; one test expects 201.
      '5: spec 201 400 · code 201 400 409 · tests 201',
      '10: spec 200 404 · code 200 · tests 404',
      '14: spec 200 · no route',
    ]);
    assert.equal(lenses[0].range.start.character, 4, 'on the method key');
    assert.deepEqual(
      lenses.map((lens) => [lens.command?.command, ...(lens.command?.arguments ?? [])]),
      [
        ['statusdoc.showMatrixRow', spec, 'POST /v1/users'],
        ['statusdoc.showMatrixRow', spec, 'GET /v1/users/{}'],
        ['statusdoc.showMatrixRow', spec, 'PUT /v1/users/{}'],
      ],
    );
    const page = await client.connection.sendRequest<MatrixResult | null>('statusdoc/matrix', {
      uri: spec,
      html: { nonce: 'n0nce-for-the-webview', reveal: 'GET /v1/users/{}' },
    });
    assert.match(page?.html ?? '', /<body data-links="message" data-reveal="GET \/v1\/users\/\{\}">/);
    assert.match(page?.html ?? '', /<tr data-index="\d+" data-row="GET \/v1\/users\/\{\}"/, 'the row the lens names is on the page');

    // The spec gains a 409 for the POST: its lens follows, unsaved.
    const afterSpec = await lensesAfter(client, spec, () =>
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: spec, version: 2 },
        contentChanges: [
          {
            text: text.replace("        '400': { description: invalid }\n", "        '400': { description: invalid }\n        '409': { description: taken }\n"),
          },
        ],
      }),
    );
    assert.equal(afterSpec[0]?.command?.title, 'spec 201 400 409 · code 201 400 409 · tests 201');

    // The handler beside it now answers a code from the request: what it answers is no longer all known, and the
    // spec's lens says so.
    const controller = URI.file(path.join(dir, 'src/users.controller.js')).toString();
    const handler = MATRIX_PROJECT['src/users.controller.js'];
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: controller, languageId: 'javascript', version: 1, text: handler },
    });
    const afterHandler = await lensesAfter(client, spec, () =>
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: controller, version: 2 },
        contentChanges: [
          { text: handler.replace('  res.status(201).json({});', '  if (req.body.x) return res.status(req.body.x).json({});\n  res.status(201).json({});') },
        ],
      }),
    );
    assert.equal(afterHandler[0]?.command?.title, 'spec 201 400 409 · code 201 400 409 … · tests 201');

    // A document that is no spec has no operation lens.
    const other = URI.file(path.join(dir, 'docs/notes.yaml')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: 'a: 1\n' } });
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: other } }), []);
  } finally {
    assert.equal(await client.close(), 0);
  }
});
