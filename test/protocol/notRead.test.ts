/**
 * The editor never calls clean what it did not read, and the server never hangs or trips on what a client sends:
 * TypeScript too deep for the parser and code files over statusdoc.maxCodeFileSizeMB are reported once, with the
 * reason; a corrupt Content-Length ends the server (the client restarts it) instead of hanging it;
 * didChangeConfiguration with `params: null` is taken in stride.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MessageType, type Diagnostic, type DocumentDiagnosticReport, type LogMessageParams } from 'vscode-languageserver-protocol';
import { startServer, type TestClient, type Transport } from './lspClient';

const CAPABILITIES = { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } };
const ROUTE = `app.post('/orders', (req, res) => res.status(200).end());\n`;

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  return (report as { items: Diagnostic[] }).items;
}

/** Every window/logMessage the server sends from now on (the harness drops them otherwise). */
function logsOf(client: TestClient): LogMessageParams[] {
  const logs: LogMessageParams[] = [];
  client.connection.onNotification('window/logMessage', (params: LogMessageParams) => void logs.push(params));
  return logs;
}

describe('what the editor does not read, it says', () => {
  test('TypeScript nested past the parser: no diagnostics, and one information message with the reason', async () => {
    const client = await startServer({ capabilities: CAPABILITIES, locale: 'en' });
    const uri = 'file:///deep/orders.ts';
    const text = `${ROUTE}const x = ${'('.repeat(3000)}1${')'.repeat(3000)};\n`;
    const shown = client.nextMessage();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    assert.deepEqual(await pull(client, uri), []);
    const message = await shown;
    assert.equal(message.type, MessageType.Info);
    assert.match(message.message, /orders\.ts is not checked \(nested too deeply for the parser to read\)/);
    assert.doesNotMatch(message.message, /maxFileSizeMB|report/, 'not a size problem, not a statusdoc bug');
    // Another version, as deep: no second message.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' }],
    });
    assert.deepEqual(await pull(client, uri), []);
    assert.equal(client.messages.length, 1);
    await client.close();
  });

  test('a code file over statusdoc.maxCodeFileSizeMB is not checked and the message says why; YAML of that size is', async () => {
    const client = await startServer({ capabilities: CAPABILITIES, locale: 'en' }, { maxCodeFileSizeMB: 0.001 });
    const padding = '// padding\n'.repeat(200);
    const ts = 'file:///big/orders.ts';
    const shown = client.nextMessage();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: ts, languageId: 'typescript', version: 1, text: ROUTE + padding },
    });
    assert.deepEqual(await pull(client, ts), []);
    const message = await shown;
    assert.equal(message.type, MessageType.Info);
    assert.match(message.message, /orders\.ts is not checked \(larger than 1,048 characters \(2,\d{3}\)\)/);
    assert.match(message.message, /every keystroke.*statusdoc\.maxCodeFileSizeMB/);

    const yaml = 'file:///big/spec.yaml';
    const spec = `openapi: 3.0.0\npaths:\n  /orders:\n    post:\n      responses:\n        '200':\n          description: ok\n${'# padding\n'.repeat(200)}`;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: yaml, languageId: 'yaml', version: 1, text: spec } });
    assert.deepEqual(
      (await pull(client, yaml)).map((diagnostic) => diagnostic.code),
      ['wrong-success-code'],
    );
    // Raising the setting checks the code file.
    client.settings.maxCodeFileSizeMB = 1;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(
      (await pull(client, ts)).map((diagnostic) => diagnostic.code),
      ['wrong-success-code'],
    );
    await client.close();
  });
});

describe('what a client sends', () => {
  const stdio: Transport = 'stdio';
  /** Writes one frame as given, bypassing the client library (which never sends `params: null`). */
  const writeRaw = (client: TestClient, message: object) => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    client.process!.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    client.process!.stdin.write(body);
  };

  test('didChangeConfiguration with params null logs no error', { timeout: 20_000 }, async () => {
    const client = await startServer({ capabilities: CAPABILITIES, locale: 'en' }, {}, stdio);
    const logs = logsOf(client);
    const uri = 'file:///w/orders.ts';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: ROUTE } });
    writeRaw(client, { jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: null });
    // Answered after the notification: by then its handler has run.
    assert.equal((await pull(client, uri)).length, 1);
    assert.deepEqual(
      logs.filter((log) => log.type === MessageType.Error),
      [],
    );
    await client.close();
  });

  test('a corrupt Content-Length: the bundled server logs it and exits, so the client restarts it', async () => {
    const client = await startServer({ capabilities: CAPABILITIES, locale: 'en' }, {}, stdio);
    const logs = logsOf(client);
    const child = client.process!;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.write('Content-Length: 12x4\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}');
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000))]);
    if (code === 'still running after 10 s') child.kill();
    assert.equal(code, 1);
    assert.ok(
      logs.some((log) => log.type === MessageType.Error && /message stream from the client is corrupt/.test(log.message)),
      JSON.stringify(logs),
    );
    client.connection.dispose();
  });
});
