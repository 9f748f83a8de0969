/**
 * Drift per status code in the editor, over real stdio (the bundled server): response-not-in-spec on the handler's
 * site, its quick-fix "Add '409' to the spec" (by URI while the spec is closed, versioned to its editor once it is
 * open), applied as the client applies a code action's edit, after which the spec is parsed again and the warning is
 * gone; spec-response-unanswered on the spec's key, refreshed by an edit of the handler.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { parse } from 'yaml';
import { startServer, type TestClient } from './lspClient';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const APP = `const app = require('express')();\n\napp.post('/users', (req, res) => {\n  if (req.body.taken) return res.status(409).send({});\n  res.status(201).send({});\n});\nmodule.exports = app;\n`;
const SPEC = `openapi: 3.0.3\npaths:\n  /users:\n    post:\n      responses:\n        '201':\n          description: Created\n        '400':\n          description: Invalid body\n`;

const CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false } },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true },
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  window: { workDoneProgress: true },
};

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-responses-lsp-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/app.js'), APP);
  fs.writeFileSync(path.join(dir, 'docs/openapi.yaml'), SPEC);
  return dir;
}

const pull = async (client: TestClient, uri: string): Promise<Diagnostic[]> =>
  ((await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;

/** The code action's edits of one file, applied to its text as a client applies them. */
function applied(text: string, uri: string, edit: WorkspaceEdit): { text: string; version?: number | null } {
  const change = edit.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri) as
    { textDocument: { version: number | null }; edits: TextEdit[] } | undefined;
  const edits = change?.edits ?? edit.changes?.[uri];
  assert.ok(edits, `an edit of ${uri}`);
  return { text: TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits), version: change?.textDocument.version };
}

test("response-not-in-spec and its cross-file quick-fix, closed spec then open; spec-response-unanswered refreshed by the handler's edit", async () => {
  const dir = workspace();
  const client = await startServer({ capabilities: CAPABILITIES, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }] }, {}, 'stdio');
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  try {
    const app = URI.file(path.join(dir, 'src/app.js')).toString();
    const specFile = path.join(dir, 'docs/openapi.yaml');
    const spec = URI.file(specFile).toString();
    const built = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: app, languageId: 'javascript', version: 1, text: APP } });
    let items = await pull(client, app);
    if (!items.some((d) => d.code === 'response-not-in-spec')) {
      await built;
      items = await pull(client, app);
    }
    const warning = items.find((d) => d.code === 'response-not-in-spec')!;
    assert.deepEqual(
      [warning.severity, warning.range, warning.message],
      [
        2,
        { start: { line: 3, character: 40 }, end: { line: 3, character: 43 } },
        "The handler answers 409, which the spec's operation POST /users (docs/openapi.yaml:4) does not list.",
      ],
    );

    // The spec is closed: the fix edits it by URI.
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: app },
      range: warning.range,
      context: { diagnostics: [warning] },
    });
    const fix = actions.find((a) => a.title === "Add '409' to the spec");
    assert.ok(fix?.edit?.changes?.[spec], JSON.stringify(actions));
    assert.equal(fix.edit.documentChanges, undefined);
    const afterFix = applied(SPEC, spec, fix.edit).text;
    assert.deepEqual(parse(afterFix).paths['/users'].post.responses['409'], { description: 'The request could not be completed because of a conflict.' });
    assert.deepEqual(Object.keys(parse(afterFix).paths['/users'].post.responses), ['201', '400', '409']);
    const refreshed = client.next('workspace/diagnostic/refresh');
    fs.writeFileSync(specFile, afterFix);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: spec, type: 2 }] });
    await refreshed;
    assert.deepEqual(
      (await pull(client, app)).filter((d) => d.code === 'response-not-in-spec'),
      [],
    );

    // The spec open: it lists 400, which the handler never answers.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: spec, languageId: 'yaml', version: 7, text: afterFix } });
    assert.deepEqual(
      (await pull(client, spec)).filter((d) => d.code === 'spec-response-unanswered').map((d) => [d.severity, d.range.start.line, d.message]),
      [[3, 7, 'POST /users lists 400, but its handler (src/app.js:3) never answers it.']],
    );

    // The handler's edit answers 400 and 503: the spec's information goes, the new code's warning comes, and its fix is
    // versioned to the spec's editor.
    const handlerEdited = client.next('workspace/diagnostic/refresh');
    const app2 = APP.replace(
      '  res.status(201)',
      '  if (!req.body.name) return res.status(400).send({});\n  if (req.x) return res.status(503).send({});\n  res.status(201)',
    );
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: app, version: 2 }, contentChanges: [{ text: app2 }] });
    await handlerEdited;
    assert.deepEqual(
      (await pull(client, spec)).filter((d) => d.code === 'spec-response-unanswered'),
      [],
    );
    const second = (await pull(client, app)).find((d) => d.code === 'response-not-in-spec');
    assert.equal(String(second?.message).slice(0, 24), 'The handler answers 503,');
    const actions2 = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: app },
      range: second!.range,
      context: { diagnostics: [second] },
    });
    const fix2 = actions2.find((a) => a.title === "Add '503' to the spec");
    const result = applied(afterFix, spec, fix2!.edit!);
    assert.equal(result.version, 7, 'versioned to the open spec');
    assert.deepEqual(Object.keys(parse(result.text).paths['/users'].post.responses), ['201', '400', '409', '503']);
    const specEdited = client.next('workspace/diagnostic/refresh');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: spec, version: 8 }, contentChanges: [{ text: result.text }] });
    await specEdited;
    assert.deepEqual(
      (await pull(client, app)).filter((d) => d.code === 'response-not-in-spec'),
      [],
    );
  } finally {
    await client.close();
  }
});
