/** The bundled server over real stdio: hovers in TS and YAML, table edits, languages, incremental sync, clean exit. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover, Position } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { parseFrames, startServer, type TestClient } from './lspClient';

const FIXTURE = path.resolve(__dirname, '../fixtures/org-status-codes.md');

const TS_SOURCE = `import { HttpStatus } from '@nestjs/common';
app.post('/orders', (req, res) => {
  res.status(503).json({ error: 'busy' });
  setTimeout(retry, 200);
  throw new HttpException('busy', HttpStatus.SERVICE_UNAVAILABLE);
});
`;

const YAML_SOURCE = `openapi: 3.0.3
paths:
  /orders:
    post:
      responses:
        '201':
          description: Created
        '418':
          description: Teapot
spec:
  replicas: 200
`;

function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-protocol-'));
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.copyFileSync(FIXTURE, path.join(dir, 'docs', 'status.md'));
  fs.writeFileSync(path.join(dir, '.statusdoc.json'), JSON.stringify({ table: 'docs/status.md' }));
  fs.mkdirSync(path.join(dir, 'src'));
  return dir;
}

/** The position of the n-th occurrence of `needle` in `text`, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 1): Position {
  const index = text.indexOf(needle) + offset;
  const before = text.slice(0, index).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('hover over the bundled server', () => {
  let dir: string;
  let client: TestClient;
  let tsUri: string;
  let yamlUri: string;

  before(async () => {
    dir = makeWorkspace();
    // Over stdio: this suite also proves the bundle starts, and that its stdout carries only JSON-RPC.
    client = await startServer({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }], locale: 'en' }, {}, 'stdio');
    tsUri = URI.file(path.join(dir, 'src', 'orders.ts')).toString();
    yamlUri = URI.file(path.join(dir, 'openapi.yaml')).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: tsUri, languageId: 'typescript', version: 1, text: TS_SOURCE },
    });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: yamlUri, languageId: 'yaml', version: 1, text: YAML_SOURCE },
    });
  });

  after(async () => {
    if (client.process?.exitCode === null) await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const hover = (uri: string, position: Position) => client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });

  test('503 literal in TypeScript shows the documented meaning, English first, and the table', async () => {
    const result = await hover(tsUri, positionOf(TS_SOURCE, '503'));
    const text = hoverText(result);
    assert.match(text, /\*\*503 Service Unavailable\*\*/);
    assert.match(text, /The request was not completed: the system is temporarily abnormal\./);
    assert.match(text, /请求未完成，系统暂时异常。/);
    assert.ok(text.indexOf('The request') < text.indexOf('请求未完成'), 'English comes first for an English client');
    assert.match(text, /docs[\\/]status\.md \(line \d+\)/);
    assert.deepEqual(result!.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 16 } });
  });

  test('HttpStatus.SERVICE_UNAVAILABLE shows the same entry', async () => {
    const text = hoverText(await hover(tsUri, positionOf(TS_SOURCE, 'SERVICE_UNAVAILABLE', 3)));
    assert.match(text, /503 Service Unavailable\*\* · `HttpStatus\.SERVICE_UNAVAILABLE`/);
    assert.match(text, /请求未完成，系统暂时异常。/);
  });

  test('no hover on a number that is not a status code', async () => {
    assert.equal(await hover(tsUri, positionOf(TS_SOURCE, '200')), null);
    assert.equal(await hover(yamlUri, positionOf(YAML_SOURCE, '200')), null);
  });

  test('YAML OpenAPI response keys: documented success code, and an undocumented one', async () => {
    const created = hoverText(await hover(yamlUri, positionOf(YAML_SOURCE, "'201'", 2)));
    assert.match(created, /201 Created/);
    assert.match(created, /POST操作正常返回。/);
    assert.match(created, /Documented normal answer of: POST/);
    const teapot = hoverText(await hover(yamlUri, positionOf(YAML_SOURCE, "'418'", 2)));
    assert.match(teapot, /418 I'm a Teapot/);
    assert.match(teapot, /Not documented in the status-code table/);
  });

  test('incremental edits are applied before the next hover', async () => {
    const line = 2;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: tsUri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 13 }, end: { line, character: 16 } }, text: '404' }],
    });
    const text = hoverText(await hover(tsUri, { line, character: 14 }));
    assert.match(text, /404 Not Found/);
  });

  test('editing the table doc changes the hover without a restart', async () => {
    const table = path.join(dir, 'docs', 'status.md');
    fs.writeFileSync(table, fs.readFileSync(table, 'utf8').replace('服务器无法找到被请求的页面。', '订单不存在或已被删除。'));
    const text = hoverText(await hover(tsUri, { line: 2, character: 14 }));
    assert.match(text, /订单不存在或已被删除。/);
  });

  test('a malformed table doc gives one clear message and the last good table stays', async () => {
    const table = path.join(dir, 'docs', 'status.md');
    const message = client.nextMessage();
    fs.writeFileSync(table, fs.readFileSync(table, 'utf8').replace('>404 Not Found<', '>40x Not Found<'));
    const text = hoverText(await hover(tsUri, { line: 2, character: 14 }));
    assert.match(text, /订单不存在或已被删除。/, 'the last good table is still in force');
    const shown = await message;
    assert.match(shown.message, /status\.md:\d+: row 4 of table 2: expected a status code from 100 to 599, found "40x Not Found"/);
    assert.equal(shown.type, 2, 'a warning');
    await hover(tsUri, { line: 2, character: 14 });
    assert.equal(client.messages.length, 1, 'the same problem is reported once');
  });

  test('statusdoc.language from workspace/configuration puts Chinese first', async () => {
    client.settings.language = 'zh-cn';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const text = hoverText(await hover(tsUri, positionOf(TS_SOURCE, 'SERVICE_UNAVAILABLE', 3)));
    assert.ok(text.indexOf('请求未完成') < text.indexOf('The request'), 'Chinese comes first');
    assert.match(text, /错误返回码/);
  });

  test('shutdown and exit end the process with code 0, and stdout carried only JSON-RPC', async () => {
    assert.equal(await client.close(), 0);
    const frames = parseFrames(client.stdout);
    assert.ok(frames.length >= 10);
    for (const frame of frames) assert.equal((frame as { jsonrpc: string }).jsonrpc, '2.0');
  });
});

describe('locale', () => {
  test('a zh-cn client with language "auto" reads Chinese first', async () => {
    const client = await startServer({ locale: 'zh-cn' }, { language: 'auto' });
    const uri = 'untitled:Untitled-1';
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text: 'reply.code(201);' },
    });
    const text = hoverText(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } }));
    assert.ok(text.indexOf('POST操作正常返回') < text.indexOf('Normal answer of POST'));
    assert.match(text, /statusdoc default table/);
    assert.equal(await client.close(), 0);
  });
});
