/**
 * A .statusdoc.json that breaks under a running server keeps its last good version in force — its table and its
 * rules — as a broken table doc does, and the message says so; fixing it is picked up.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer } from './lspClient';

const CAPABILITIES = { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, workspaceFolders: true } };
// 418 is undocumented (an error by the config's rules); 200 after a POST is the wrong success code.
const ORDERS = `app.post('/orders', (req, res) => {\n  res.status(200).end();\n  res.status(418).end();\n});\n`;

test('a .statusdoc.json broken under a running server: its last good rules stay in force, and the message says so', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-config-')));
  const config = path.join(dir, '.statusdoc.json');
  fs.writeFileSync(config, JSON.stringify({ rules: { 'undocumented-code': 'error', 'wrong-success-code': 'off' } }));
  const client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }], locale: 'en' });
  const uri = URI.file(path.join(dir, 'orders.ts')).toString();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: ORDERS } });
  const pull = async () => {
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    return (report as { items: Diagnostic[] }).items.map((diagnostic) => [diagnostic.code, diagnostic.severity]);
  };
  const configured = [['undocumented-code', 1]];
  assert.deepEqual(await pull(), configured);

  const shown = client.nextMessage();
  fs.writeFileSync(config, '{ "rules": ');
  const later = new Date(Date.now() + 10_000);
  fs.utimesSync(config, later, later);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(config).toString(), type: 2 }] });
  assert.deepEqual(await pull(), configured, 'the rules of the last good config stay');
  const message = await shown;
  assert.match(message.message, /\.statusdoc\.json.*its last good version stays in force/);

  fs.writeFileSync(config, JSON.stringify({ rules: {} }));
  const fixed = new Date(Date.now() + 20_000);
  fs.utimesSync(config, fixed, fixed);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(config).toString(), type: 2 }] });
  assert.deepEqual(
    (await pull()).map(([code]) => code),
    ['wrong-success-code', 'undocumented-code'],
    'the fixed config (no rules) is in force',
  );
  await client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
