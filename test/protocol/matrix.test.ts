/**
 * statusdoc/matrix over real stdio (the bundled server): the matrix of a workspace folder once its route index is
 * built, read from the editor's text of an open file (unsaved) and the disk for the rest; null for a folder the
 * workspace does not have.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { URI } from 'vscode-uri';
import type { MatrixResult } from '../../server/src/protocol';
import { MATRIX_PROJECT } from '../cli/matrixProject';
import { startServer } from './lspClient';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-matrix-lsp-'));
  made.push(dir);
  for (const [name, text] of Object.entries(MATRIX_PROJECT)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('statusdoc/matrix answers with the folder, its model and what was left out; the editor text wins over the disk', async () => {
  const dir = workspace();
  const root = URI.file(dir).toString();
  const client = await startServer({ workspaceFolders: [{ uri: root, name: 'ws' }] }, {}, 'stdio');
  try {
    const controller = URI.file(path.join(dir, 'src/users.controller.js')).toString();
    const edited = MATRIX_PROJECT['src/users.controller.js'].replace('res.status(200).json({});', 'res.status(req.query.gone ? 410 : 200).json({});');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: controller, languageId: 'javascript', version: 1, text: edited },
    });
    // Asked at once: the request waits for the index the server builds after initialized.
    const result = await client.connection.sendRequest<MatrixResult | null>('statusdoc/matrix', { uri: root });
    assert.ok(result);
    assert.equal(result.root, root);
    assert.deepEqual(result.leftOut, []);
    const get = result.model.rows.find((row) => row.method === 'GET' && row.path.startsWith('/v1/users/'));
    assert.equal(get?.path, '/v1/users/{userId}');
    const gone = get?.cells.find((cell) => cell.code === '410');
    assert.deepEqual(gone?.handler, [{ file: 'src/users.controller.js', line: 7, column: 31 }], 'from the unsaved text');
    assert.deepEqual(gone?.drift, ['handler-not-in-spec']);
    const put = result.model.rows.find((row) => row.method === 'PUT');
    assert.deepEqual(put?.drift, ['operation-without-route']);

    assert.equal(result.html, undefined, 'the page only when asked');
    const withPage = await client.connection.sendRequest<MatrixResult | null>('statusdoc/matrix', { uri: root, html: { nonce: 'n0nce-for-the-webview' } });
    assert.match(withPage?.html ?? '', /script-src 'nonce-n0nce-for-the-webview'/);
    assert.match(withPage?.html ?? '', /<body data-links="message">/);
    assert.match(withPage?.html ?? '', /data-file="src\/users\.controller\.js" data-line="7" data-column="31"/);
    const badNonce = await client.connection.sendRequest<MatrixResult | null>('statusdoc/matrix', { uri: root, html: { nonce: `'; script-src *` } });
    assert.equal(badNonce?.html, undefined, 'a nonce that could widen the policy is refused');

    const byFile = await client.connection.sendRequest<MatrixResult | null>('statusdoc/matrix', { uri: controller });
    assert.equal(byFile?.root, root, 'a file asks for its folder');
    const elsewhere = await client.connection.sendRequest<MatrixResult | null>('statusdoc/matrix', { uri: URI.file(os.tmpdir()).toString() });
    assert.equal(elsewhere, null);
    const noFolder = await client.connection.sendRequest<MatrixResult | null>('statusdoc/matrix', {});
    assert.equal(noFolder?.root, root, 'no uri: the first folder');
  } finally {
    assert.equal(await client.close(), 0);
  }
});
