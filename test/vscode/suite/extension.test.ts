/// <reference types="mocha" />
/**
 * statusdoc in a real VS Code: activation, hover, diagnostics, quick-fix and fix-all, through the same commands
 * VS Code's UI uses (vscode.execute*Provider). Waits on events, never on sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'statusdoc.statusdoc';

/** Resolves when `ready` holds, re-checked on every diagnostics change; fails after `ms`. */
function waitForDiagnostics(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean, ms = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!ready(diagnostics)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics for ${uri.fsPath} never matched: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`));
    }, ms);
    check();
  });
}

function fileUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples workspace is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

function positionOf(document: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} in ${document.uri.fsPath}`);
  return document.positionAt(index + offset);
}

suite('statusdoc in VS Code', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('hover over 503 shows the documented meaning', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('express/orders.ts'));
    await vscode.window.showTextDocument(document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'status(503)', 8));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /503 Service Unavailable/);
    assert.match(text, /请求未完成，系统暂时异常。|The request was not completed/);
  });

  test('diagnostics: the POST answering 200 is an error with its rule id', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('express/orders.ts'));
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === 'statusdoc'));
    const wrong = diagnostics.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'wrong-success-code');
    assert.ok(wrong, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.equal(wrong.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(wrong.message, 'POST answers 201 Created in the documented table, not 200 OK.');
  });

  test('the quick-fix changes 200 to 201', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('express/orders.ts'));
    const [wrong] = (await waitForDiagnostics(document.uri, (all) => all.some((d) => d.message.startsWith('POST answers 201')))).filter((d) =>
      d.message.startsWith('POST answers 201'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      wrong.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.title === 'Change to 201 (documented for POST)');
    assert.ok(fix?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.getText(wrong.range), '201');
    await document.save();
  });

  test('source.fixAll.statusdoc fixes a whole file', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('nestjs/orders.controller.ts'));
    await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === 'statusdoc'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.statusdoc',
    );
    assert.equal(actions.length, 1);
    assert.equal(await vscode.workspace.applyEdit(actions[0].edit!), true);
    assert.match(document.getText(), /@HttpCode\(HttpStatus\.CREATED\)/);
    assert.match(document.getText(), /@HttpCode\(HttpStatus\.NO_CONTENT\)\n {2}@Delete\(':id\/items\/:item'\)/);
    await waitForDiagnostics(document.uri, (all) => !all.some((d) => d.source === 'statusdoc' && d.severity === vscode.DiagnosticSeverity.Error));
  });

  test('"statusdoc: Show Endpoint Status Matrix" opens the matrix in a webview', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('statusdoc.showMatrix');
    assert.ok(panel, 'the command gives its panel');
    assert.equal(panel.viewType, 'statusdoc.matrix');
    assert.match(panel.title, /Endpoint Status Matrix|接口状态码矩阵/);
    const html = panel.webview.html;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+'">/);
    assert.match(html, /data-method="POST" data-path="\/orders"/);
    assert.match(html, /<body data-links="message">/);
    panel.dispose();
  });

  test("a spec operation lens' command opens the matrix on that row (hidden from the palette: it takes the lens' arguments)", async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.toString();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('statusdoc.showMatrixRow', folder, 'POST /orders');
    assert.ok(panel);
    assert.match(panel.webview.html, /<body data-links="message" data-reveal="POST \/orders">/);
    const again = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('statusdoc.showMatrix');
    assert.equal(again, panel, 'one matrix panel, drawn anew');
    assert.doesNotMatch(panel.webview.html, /data-reveal/);
    panel.dispose();
  });
});
