/**
 * Workspace trust through symbolic links: an untrusted workspace decides "inside" on real paths, so a link inside it to
 * a table doc outside is not read (named by .statusdoc.json or by the statusdoc.table setting), and "create constants"
 * does not write through a linked folder to outside. Links that stay inside, or a workspace opened through a link,
 * still work.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { URI } from 'vscode-uri';
import type { TableInfo } from '../../server/src/protocol';
import { startServer } from './lspClient';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const OUTSIDE_TABLE = '| Code | Meaning |\n|---|---|\n| 201 | Created for POST and PATCH. |\n';

/** root/ws is the workspace; root/outside holds a table and a folder it links to. */
function layout(config?: object) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-trust-')));
  made.push(root);
  const ws = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(ws);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'table.md'), OUTSIDE_TABLE);
  fs.symlinkSync(path.join(outside, 'table.md'), path.join(ws, 'link.md'));
  fs.symlinkSync(outside, path.join(ws, 'linkdir'));
  fs.writeFileSync(path.join(ws, 'own.md'), OUTSIDE_TABLE);
  fs.symlinkSync(path.join(ws, 'own.md'), path.join(ws, 'inner-link.md'));
  if (config) fs.writeFileSync(path.join(ws, '.statusdoc.json'), JSON.stringify(config));
  return { root, ws, outside, uri: URI.file(path.join(ws, 'a.ts')).toString() };
}

async function tableInfo(folder: string, uri: string, trusted: boolean, settings: Record<string, unknown> = {}): Promise<TableInfo> {
  const client = await startServer({ workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'ws' }], initializationOptions: { trusted } }, settings);
  try {
    return await client.connection.sendRequest<TableInfo>('statusdoc/tableInfo', { uri });
  } finally {
    await client.close();
  }
}

const REFUSED = /link\.md .*is outside the workspace, and an untrusted workspace reads no table from outside; the default table is used/;

describe('an untrusted workspace reads no table through a link to outside', () => {
  test('named by .statusdoc.json', async () => {
    const { ws, uri } = layout({ table: 'link.md' });
    const info = await tableInfo(ws, uri, false);
    assert.equal(info.path, null, 'the default table');
    assert.match(info.problem ?? '', REFUSED);
  });

  test('named by the statusdoc.table setting', async () => {
    const { ws, uri } = layout();
    const info = await tableInfo(ws, uri, false, { table: 'link.md' });
    assert.equal(info.path, null, 'the default table');
    assert.match(info.problem ?? '', REFUSED);
  });

  test('a .statusdoc.json that is itself a link to outside is not read', async () => {
    const { ws, outside, uri } = layout();
    fs.writeFileSync(path.join(outside, 'config.json'), JSON.stringify({ table: '../outside/table.md' }));
    fs.symlinkSync(path.join(outside, 'config.json'), path.join(ws, '.statusdoc.json'));
    const info = await tableInfo(ws, uri, false);
    assert.equal(info.path, null);
    assert.match(info.problem ?? '', /\.statusdoc\.json is a link to a file outside the workspace/);
  });

  test('a link that stays inside, and a workspace opened through a link, are read', async () => {
    const { root, ws } = layout({ table: 'inner-link.md' });
    const inside = await tableInfo(ws, URI.file(path.join(ws, 'a.ts')).toString(), false);
    assert.equal(inside.problem, null);
    assert.equal(inside.path, path.join(ws, 'inner-link.md'));
    fs.symlinkSync(ws, path.join(root, 'ws-link'));
    const viaLink = await tableInfo(path.join(root, 'ws-link'), URI.file(path.join(root, 'ws-link', 'a.ts')).toString(), false);
    assert.equal(viaLink.problem, null);
  });

  test('a trusted workspace follows the link', async () => {
    const { ws, outside, uri } = layout({ table: 'link.md' });
    const info = await tableInfo(ws, uri, true);
    assert.equal(info.problem, null);
    assert.equal(info.path, path.join(ws, 'link.md'));
    assert.notEqual(outside, ws);
  });
});

describe('create constants writes nothing through a link to outside an untrusted workspace', () => {
  async function createConstants(trusted: boolean) {
    const { ws, outside, uri } = layout({ constants: { module: 'linkdir/src/http-status.ts' } });
    // No resource operations: the server writes the module on disk itself.
    const client = await startServer({ workspaceFolders: [{ uri: URI.file(ws).toString(), name: 'ws' }], initializationOptions: { trusted } });
    try {
      const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'statusdoc.createConstantsModule', arguments: [uri] });
      return { result, written: fs.existsSync(path.join(outside, 'src', 'http-status.ts')), messages: client.messages.map((message) => message.message) };
    } finally {
      await client.close();
    }
  }

  test('untrusted: refused, with a message naming the file', async () => {
    const { result, written, messages } = await createConstants(false);
    assert.equal(result, null);
    assert.equal(written, false, 'nothing written outside the workspace');
    assert.ok(
      messages.some((message) => /linkdir[/\\]src[/\\]http-status\.ts is outside the workspace; an untrusted workspace does not write there/.test(message)),
      messages.join('\n'),
    );
  });

  test('trusted: written where the link points', async () => {
    const { written } = await createConstants(true);
    assert.equal(written, true);
  });
});
