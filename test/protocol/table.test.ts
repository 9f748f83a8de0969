/** statusdoc/tableInfo (the status bar's source) and workspace trust, over the bundled server. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import type { TableInfo } from '../../server/src/protocol';
import { startServer } from './lspClient';

const FIXTURE = path.resolve(__dirname, '../fixtures/org-status-codes.md');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-table-')));
  made.push(dir);
  return dir;
}

describe('statusdoc/tableInfo', () => {
  test('names the table in force, renders it, and reports a broken doc', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.copyFileSync(FIXTURE, path.join(dir, 'docs', 'status.md'));
    fs.writeFileSync(path.join(dir, '.statusdoc.json'), '{ "table": "docs/status.md" }');
    const client = await startServer({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] });
    try {
      const uri = URI.file(path.join(dir, 'src', 'a.ts')).toString();
      let info = await client.connection.sendRequest<TableInfo>('statusdoc/tableInfo', { uri });
      assert.equal(info.label, path.join('docs', 'status.md'));
      assert.equal(info.path, path.join(dir, 'docs', 'status.md'));
      assert.equal(info.problem, null);
      assert.match(
        info.markdown,
        /^\| 503 \| Service Unavailable \| error \| 请求未完成，系统暂时异常。 \| The request was not completed: the system is temporarily abnormal\. \|  \|$/m,
      );
      assert.match(info.markdown, /^\| 200 \| OK \| success \| GET和PUT操作正常返回。 \| Normal answer of GET and PUT\. \| GET, PUT \|$/m);

      const table = path.join(dir, 'docs', 'status.md');
      fs.writeFileSync(table, fs.readFileSync(table, 'utf8').replace('>409 Conflict<', '>4O9 Conflict<'));
      info = await client.connection.sendRequest<TableInfo>('statusdoc/tableInfo', { uri });
      assert.match(info.problem ?? '', /status\.md:\d+: .*found "4O9 Conflict" \(the last good version stays in force\)/);
      assert.match(info.markdown, /^\| 409 \| Conflict \|/m, 'the last good table is still the one shown');
    } finally {
      await client.close();
    }
  });

  test('without a workspace table: the bundled default', async () => {
    const client = await startServer({});
    try {
      const info = await client.connection.sendRequest<TableInfo>('statusdoc/tableInfo', { uri: 'untitled:Untitled-1' });
      assert.deepEqual([info.label, info.path, info.problem], ['statusdoc default table (状态码)', null, null]);
    } finally {
      await client.close();
    }
  });
});

describe('workspace trust', () => {
  // The workspace's .statusdoc.json names a table outside the workspace folder.
  function workspaceNamingOutsideTable(): { folder: string; uri: string } {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'outside.md'), '| Code | Meaning |\n|---|---|\n| 201 | Created for POST and PATCH. |\n');
    const folder = path.join(dir, 'ws');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '.statusdoc.json'), '{ "table": "../outside.md" }');
    return { folder, uri: URI.file(path.join(folder, 'a.ts')).toString() };
  }

  test('an untrusted workspace reads no table doc from outside itself', async () => {
    const { folder, uri } = workspaceNamingOutsideTable();
    const client = await startServer({ workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'ws' }], initializationOptions: { trusted: false } });
    try {
      const info = await client.connection.sendRequest<TableInfo>('statusdoc/tableInfo', { uri });
      assert.equal(info.path, null, 'the default table');
      assert.match(
        info.problem ?? '',
        /outside\.md .*is outside the workspace, and an untrusted workspace reads no table from outside; the default table is used/,
      );
    } finally {
      await client.close();
    }
  });

  test('a trusted workspace reads it', async () => {
    const { folder, uri } = workspaceNamingOutsideTable();
    const client = await startServer({ workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'ws' }], initializationOptions: { trusted: true } });
    try {
      const info = await client.connection.sendRequest<TableInfo>('statusdoc/tableInfo', { uri });
      assert.equal(info.path, path.join(path.dirname(folder), 'outside.md'));
      assert.equal(info.problem, null);
    } finally {
      await client.close();
    }
  });
});

describe('the editor and the CLI find the same .statusdoc.json', () => {
  test("a monorepo's root config counts in a package folder opened as the workspace", async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'codes.md'), '| Code | Meaning |\n|---|---|\n| 201 | Normal answer of POST and PATCH. |\n');
    fs.writeFileSync(path.join(root, '.statusdoc.json'), '{ "table": "codes.md" }');
    const folder = path.join(root, 'packages', 'api');
    fs.mkdirSync(folder, { recursive: true });
    const client = await startServer({ workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'api' }] });
    try {
      const info = await client.connection.sendRequest<TableInfo>('statusdoc/tableInfo', { uri: URI.file(path.join(folder, 'a.ts')).toString() });
      assert.equal(info.path, path.join(root, 'codes.md'));
    } finally {
      await client.close();
    }
  });
});

describe('robustness', () => {
  test('a client that answers the refresh requests with an error does not take the server down', async () => {
    const dir = tempDir();
    // Over stdio: a crash must show as the process ending, not take the test runner with it.
    const client = await startServer(
      {
        workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }],
        capabilities: {
          workspace: { configuration: true, diagnostics: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
          textDocument: { diagnostic: {} },
        },
      },
      {},
      'stdio',
    );
    client.connection.onRequest('workspace/diagnostic/refresh', () => new ResponseError(-32603, 'refresh failed'));
    client.connection.onRequest('workspace/inlayHint/refresh', () => new ResponseError(-32603, 'refresh failed'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // Still answering afterwards, and exits cleanly.
    const info = await client.connection.sendRequest<TableInfo>('statusdoc/tableInfo', { uri: URI.file(path.join(dir, 'a.ts')).toString() });
    assert.equal(info.path, null);
    assert.equal(await client.close(), 0);
  });
});
