/**
 * Named constants, completion and inlay hints over the bundled server: the "Use HttpStatus.X" quick-fix, the
 * convert-all source action, the constants module written through workspace/applyEdit (or on disk), completion of
 * documented codes, and inlay hints (and the setting that turns them off).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type {
  ApplyWorkspaceEditParams,
  CodeAction,
  CompletionItem,
  CompletionList,
  CreateFile,
  InlayHint,
  MarkupContent,
  Position,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { generateConstantsModule } from '../../server/src/core/constants/module';
import { DEFAULT_TABLE } from '../../server/src/core/table/defaultTable';
import { startServer, type TestClient } from './lspClient';

const CAPABILITIES = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true } },
    inlayHint: { dynamicRegistration: false },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    diagnostics: { refreshSupport: true },
  },
};

/** Without resourceOperations: the server must write the module itself. */
const NO_CREATE_CAPABILITIES = { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };

const HEALTH = `import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

@Controller('health')
export class HealthController {
  @Get()
  check(@Res() res: Response) {
    if (!this.ready()) return res.status(503).json({ up: false });
    return res.status(200).json({ up: true });
  }

  private ready() {
    return true;
  }
}
`;

const ORDERS = `import express from 'express';

export const app = express();

app.post('/orders', (req, res) => {
  if (!req.body) return res.status(400).end();
  res.status(201).json(req.body);
});

app.delete('/orders/:id', (req, res) => {
  res.sendStatus(204);
});

setTimeout(() => app.emit('ready'), 200);
`;

const OPENAPI = `openapi: 3.0.3
info:
  title: Orders
  version: '1.0'
paths:
  /orders:
    post:
      responses:
        '201':
          description: Created
        '409':
          description: Conflict
spec:
  replicas: 3
`;

/** A temporary workspace: package.json with `dependencies`, and a src folder. */
function workspaceDir(dependencies: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-constants-')));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', dependencies }, null, 2));
  return dir;
}

/** The position of the `|` marker, and the text without it. */
function cursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: TextDocument.create('x', 'x', 0, text).positionAt(offset) };
}

/** What an editor does with a versioned workspace edit: check the version, apply the edits. */
function applyAction(document: TextDocument, action: CodeAction): string {
  assert.ok(action.edit?.documentChanges, `${action.title} carries a versioned edit`);
  const [change] = action.edit.documentChanges as TextDocumentEdit[];
  assert.equal(change.textDocument.uri, document.uri);
  assert.equal(change.textDocument.version, document.version, 'the edit is versioned to the document it was computed on');
  return TextDocument.applyEdits(document, change.edits as TextEdit[]);
}

/** A test session: one server, one workspace, the documents it opened. */
class Session {
  readonly docs = new Map<string, TextDocument>();
  constructor(
    readonly client: TestClient,
    readonly dir: string,
  ) {}

  static async start(dependencies: Record<string, string>, capabilities: object = CAPABILITIES, settings: Record<string, unknown> = {}): Promise<Session> {
    const dir = workspaceDir(dependencies);
    const client = await startServer({ capabilities, workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'ws' }], locale: 'en' }, settings);
    return new Session(client, dir);
  }

  async open(name: string, languageId: string, text: string): Promise<TextDocument> {
    const file = path.join(this.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const document = TextDocument.create(URI.file(file).toString(), languageId, 1, text);
    this.docs.set(name, document);
    await this.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: document.uri, languageId, version: 1, text } });
    return document;
  }

  async replace(name: string, text: string): Promise<TextDocument> {
    const old = this.docs.get(name)!;
    const next = TextDocument.create(old.uri, old.languageId, old.version + 1, text);
    this.docs.set(name, next);
    await this.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: next.uri, version: next.version },
      contentChanges: [{ text }],
    });
    return next;
  }

  /** Code actions over the range of `needle` (its first occurrence) in the document. */
  actions(name: string, needle: string | undefined, only?: string[]): Promise<CodeAction[]> {
    const document = this.docs.get(name)!;
    const start = needle === undefined ? 0 : document.getText().indexOf(needle);
    assert.ok(start >= 0, `${needle} is in ${name}`);
    const range = { start: document.positionAt(start), end: document.positionAt(start + (needle?.length ?? 0)) };
    return this.client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: document.uri },
      range,
      context: { diagnostics: [], only },
    });
  }

  completion(name: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
    return this.client.connection.sendRequest('textDocument/completion', { textDocument: { uri: this.docs.get(name)!.uri }, position });
  }

  inlayHints(name: string, startLine = 0, endLine = 1000): Promise<InlayHint[] | null> {
    return this.client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: this.docs.get(name)!.uri },
      range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } },
    });
  }

  async close(): Promise<void> {
    await this.client.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const itemsOf = (result: CompletionList | CompletionItem[] | null): CompletionItem[] => (result === null ? [] : Array.isArray(result) ? result : result.items);

describe('use a named constant over LSP (a workspace that depends on @nestjs/common)', () => {
  let session: Session;
  before(async () => {
    session = await Session.start({ '@nestjs/common': '^11.0.0', express: '^4.21.0' });
  });
  after(() => session.close());

  test('the quick-fix "Use HttpStatus.SERVICE_UNAVAILABLE" for res.status(503), with the import', async () => {
    const document = await session.open('src/health.controller.ts', 'typescript', HEALTH);
    const actions = await session.actions('src/health.controller.ts', '503');
    const use = actions.find((action) => action.title === 'Use HttpStatus.SERVICE_UNAVAILABLE');
    assert.ok(use, actions.map((action) => action.title).join(', '));
    assert.equal(use.kind, 'quickfix');
    assert.equal(
      applyAction(document, use),
      HEALTH.replace(`import { Controller, Get, Res } from '@nestjs/common';`, `import { Controller, Get, Res, HttpStatus } from '@nestjs/common';`).replace(
        'res.status(503)',
        'res.status(HttpStatus.SERVICE_UNAVAILABLE)',
      ),
    );
    // Only for the literal under the range: not "Use HttpStatus.OK".
    assert.deepEqual(
      actions.filter((action) => action.title.startsWith('Use ')).map((action) => action.title),
      ['Use HttpStatus.SERVICE_UNAVAILABLE'],
    );
  });

  test('the lightbulb offers no source actions', async () => {
    const kinds = (await session.actions('src/health.controller.ts', '503')).map((action) => action.kind);
    assert.ok(
      kinds.every((kind) => kind === 'quickfix'),
      kinds.join(', '),
    );
  });

  test('a wrong success code gets its rule fixes, not a constant that would only name the wrong code', async () => {
    await session.open(
      'src/create.ts',
      'typescript',
      `app.post('/orders', (req, res) => {\n  res.status(200).json(req.body);\n  res.status(503).end();\n});\n`,
    );
    const diagnostics = await session.client.connection.sendRequest<{ items: object[] }>('textDocument/diagnostic', {
      textDocument: { uri: session.docs.get('src/create.ts')!.uri },
    });
    const document = session.docs.get('src/create.ts')!;
    // As an editor does: the diagnostics of the range only (the 503 has none).
    const actionsAt = async (needle: string, inRange: object[]) => {
      const start = document.getText().indexOf(needle);
      return session.client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: document.uri },
        range: { start: document.positionAt(start), end: document.positionAt(start + 3) },
        context: { diagnostics: inRange },
      });
    };
    assert.deepEqual(
      (await actionsAt('200', diagnostics.items)).map((action) => action.title),
      ['Change to 201 (documented for POST)', 'Disable wrong-success-code for this line'],
    );
    const [useConstant] = await actionsAt('503', []);
    assert.equal(useConstant.title, 'Use HttpStatus.SERVICE_UNAVAILABLE');
    assert.equal(
      applyAction(document, useConstant),
      `import { HttpStatus } from '@nestjs/common';\napp.post('/orders', (req, res) => {\n  res.status(200).json(req.body);\n  res.status(HttpStatus.SERVICE_UNAVAILABLE).end();\n});\n`,
    );
  });

  test("the source action 'source.statusdoc.useConstants' converts every literal in the file at once", async () => {
    const document = await session.open('src/orders.ts', 'typescript', ORDERS);
    const actions = await session.actions('src/orders.ts', undefined, ['source.statusdoc.useConstants']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.statusdoc.useConstants');
    assert.equal(actions[0].title, 'Use named constants for every status code');
    const converted = applyAction(document, actions[0]);
    assert.equal(
      converted,
      `import express from 'express';
import { HttpStatus } from '@nestjs/common';

export const app = express();

app.post('/orders', (req, res) => {
  if (!req.body) return res.status(HttpStatus.BAD_REQUEST).end();
  res.status(HttpStatus.CREATED).json(req.body);
});

app.delete('/orders/:id', (req, res) => {
  res.sendStatus(HttpStatus.NO_CONTENT);
});

setTimeout(() => app.emit('ready'), 200);
`,
    );
    // Asked by the parent kind 'source' too; and once converted there is nothing left to convert.
    assert.ok((await session.actions('src/orders.ts', undefined, ['source'])).some((action) => action.kind === 'source.statusdoc.useConstants'));
    await session.replace('src/orders.ts', converted);
    assert.deepEqual(await session.actions('src/orders.ts', undefined, ['source.statusdoc.useConstants']), []);
  });

  test('no constant actions in YAML', async () => {
    await session.open('openapi.yaml', 'yaml', OPENAPI);
    assert.deepEqual(await session.actions('openapi.yaml', "'201'"), []);
    assert.deepEqual(await session.actions('openapi.yaml', undefined, ['source.statusdoc.useConstants']), []);
  });
});

describe('create the constants module over LSP', () => {
  const MODULE = generateConstantsModule(DEFAULT_TABLE, 'statusdoc default table');

  test('the action runs the command; the server sends workspace/applyEdit creating src/http-status.ts', async () => {
    const session = await Session.start({ express: '^4.21.0' });
    try {
      // A client that applies the edit the way an editor would: create the file, then insert the text.
      session.client.applyEdit = (params: ApplyWorkspaceEditParams) => {
        for (const change of params.edit.documentChanges ?? []) {
          if ('kind' in change && change.kind === 'create') {
            fs.writeFileSync(URI.parse((change as CreateFile).uri).fsPath, '');
          } else if ('textDocument' in change) {
            const file = URI.parse(change.textDocument.uri).fsPath;
            const document = TextDocument.create(change.textDocument.uri, 'typescript', 0, fs.readFileSync(file, 'utf8'));
            fs.writeFileSync(file, TextDocument.applyEdits(document, change.edits as TextEdit[]));
          }
        }
        return { applied: true };
      };
      const route = await session.open(
        'src/api/v1/orders.ts',
        'typescript',
        `import { Router } from 'express';\n\nexport const orders = Router();\norders.post('/', (req, res) => res.status(201).json(req.body));\n`,
      );
      // Before the module exists: node:http2 is the fallback.
      assert.ok((await session.actions('src/api/v1/orders.ts', '201')).some((action) => action.title === 'Use constants.HTTP_STATUS_CREATED'));

      const [create] = await session.actions('src/api/v1/orders.ts', undefined, ['source.statusdoc.createConstants']);
      assert.equal(create.title, 'Create status-code constants from the documented table');
      assert.equal(create.kind, 'source.statusdoc.createConstants');
      assert.equal(create.command?.command, 'statusdoc.createConstantsModule');
      assert.deepEqual(create.command?.arguments, [route.uri]);

      const applying = session.client.next<ApplyWorkspaceEditParams>('workspace/applyEdit');
      const result = await session.client.connection.sendRequest('workspace/executeCommand', {
        command: create.command!.command,
        arguments: create.command!.arguments,
      });
      const moduleFile = path.join(session.dir, 'src', 'http-status.ts');
      const moduleUri = URI.file(moduleFile).toString();
      assert.equal(result, moduleUri);
      const params = await applying;
      const [created, inserted] = params.edit.documentChanges as [CreateFile, TextDocumentEdit];
      assert.deepEqual(created, { kind: 'create', uri: moduleUri, options: { overwrite: true } });
      assert.equal(inserted.textDocument.uri, moduleUri);
      assert.equal((inserted.edits[0] as TextEdit).newText, MODULE);
      assert.equal(fs.readFileSync(moduleFile, 'utf8'), MODULE);
      assert.match(
        MODULE,
        /\* 503 Service Unavailable — 请求未完成，系统暂时异常。\n {3}\*\n {3}\* The request was not completed: the system is temporarily abnormal\.\n {3}\*\/\n {2}SERVICE_UNAVAILABLE: 503,/,
      );

      // Now the module exists: the fix uses it, with its path from the nested folder.
      const [use] = (await session.actions('src/api/v1/orders.ts', '201')).filter((action) => action.title.startsWith('Use '));
      assert.equal(use.title, 'Use DocumentedStatus.CREATED');
      assert.equal(
        applyAction(route, use),
        `import { Router } from 'express';\nimport { DocumentedStatus } from '../../http-status';\n\nexport const orders = Router();\norders.post('/', (req, res) => res.status(DocumentedStatus.CREATED).json(req.body));\n`,
      );
    } finally {
      await session.close();
    }
  });

  test('with the module open in the editor, re-creating it replaces its whole text', async () => {
    const session = await Session.start({});
    try {
      session.client.applyEdit = () => ({ applied: true });
      const stale = await session.open('src/http-status.ts', 'typescript', 'export const DocumentedStatus = { OK: 200 } as const;\n// old\n');
      const applying = session.client.next<ApplyWorkspaceEditParams>('workspace/applyEdit');
      await session.client.connection.sendRequest('workspace/executeCommand', { command: 'statusdoc.createConstantsModule', arguments: [stale.uri] });
      const params = await applying;
      const edits = params.edit.changes?.[stale.uri];
      assert.ok(edits, JSON.stringify(params.edit));
      assert.equal(TextDocument.applyEdits(stale, edits), MODULE);
    } finally {
      await session.close();
    }
  });

  test('a client that cannot create files: the server writes the module on disk', async () => {
    const session = await Session.start({}, NO_CREATE_CAPABILITIES);
    try {
      const document = await session.open('src/orders.ts', 'typescript', `app.get('/', (req, res) => res.sendStatus(404));\n`);
      const [create] = await session.actions('src/orders.ts', undefined, ['source.statusdoc.createConstants']);
      const result = await session.client.connection.sendRequest('workspace/executeCommand', {
        command: create.command!.command,
        arguments: create.command!.arguments,
      });
      const moduleFile = path.join(session.dir, 'src', 'http-status.ts');
      assert.equal(result, URI.file(moduleFile).toString());
      assert.equal(fs.readFileSync(moduleFile, 'utf8'), MODULE);
      assert.equal(session.client.received.get('workspace/applyEdit'), undefined, 'no applyEdit was asked for');
      const [use] = (await session.actions('src/orders.ts', '404')).filter((action) => action.title.startsWith('Use '));
      assert.equal(
        applyAction(document, use),
        `import { DocumentedStatus } from './http-status';\napp.get('/', (req, res) => res.sendStatus(DocumentedStatus.NOT_FOUND));\n`,
      );
    } finally {
      await session.close();
    }
  });

  test('a client that refuses the edit gets an error message, and no file appears', async () => {
    const session = await Session.start({});
    try {
      const message = session.client.next<{ type: number; message: string }>('window/showMessage');
      const result = await session.client.connection.sendRequest('workspace/executeCommand', { command: 'statusdoc.createConstantsModule', arguments: [] });
      assert.equal(result, null);
      assert.match((await message).message, /could not write .*http-status\.ts/);
      assert.equal(fs.existsSync(path.join(session.dir, 'src', 'http-status.ts')), false);
    } finally {
      await session.close();
    }
  });
});

describe('completion over LSP', () => {
  let session: Session;
  before(async () => {
    session = await Session.start({ express: '^4.21.0' });
  });
  after(() => session.close());

  test('the server declares completion with its trigger characters', () => {
    const provider = session.client.initializeResult.capabilities.completionProvider;
    assert.ok(provider?.triggerCharacters?.includes('('));
    assert.ok(provider?.triggerCharacters?.includes(':'));
  });

  test('res.status( in a POST handler: 201 first, with the documented meaning', async () => {
    const { text, position } = cursor(`app.post('/orders', (req, res) => {\n  res.status(|);\n});\n`);
    await session.open('src/post.ts', 'typescript', text);
    const items = itemsOf(await session.completion('src/post.ts', position));
    assert.equal(items.length, DEFAULT_TABLE.entries.size, 'every documented code and nothing else');
    const [first] = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(first.label, '201');
    assert.equal(first.preselect, true);
    assert.equal(first.labelDetails?.description, 'Created');
    assert.equal((first.documentation as MarkupContent).value, 'Normal answer of POST.');
    assert.deepEqual(first.textEdit, { range: { start: position, end: position }, newText: '201' });
    assert.ok(!items.some((item) => item.label === '429' || item.label === '418'));
  });

  test('the digits typed so far are replaced', async () => {
    const { text, position } = cursor(`app.delete('/orders/:id', (req, res) => res.status(2|));\n`);
    await session.open('src/delete.ts', 'typescript', text);
    const items = itemsOf(await session.completion('src/delete.ts', position));
    const first = items.find((item) => item.preselect)!;
    assert.equal(first.label, '204');
    assert.deepEqual(first.textEdit, { range: { start: { line: 0, character: position.character - 1 }, end: position }, newText: '204' });
  });

  test('a file that writes constants gets constants', async () => {
    const { text, position } = cursor(
      `import { StatusCodes } from 'http-status-codes';\n\napp.post('/orders', (req, res) => {\n  if (!req.body) return res.status(StatusCodes.BAD_REQUEST).end();\n  res.status(|);\n});\n`,
    );
    await session.open('src/constants.ts', 'typescript', text);
    const first = itemsOf(await session.completion('src/constants.ts', position)).find((item) => item.preselect)!;
    assert.equal(first.label, '201');
    assert.equal((first.textEdit as TextEdit).newText, 'StatusCodes.CREATED');
    assert.equal(first.additionalTextEdits, undefined, 'already imported');
  });

  test('constants that need an import bring it as an additional edit (the setting names the source)', async () => {
    const other = await Session.start({}, CAPABILITIES, { constants: { source: 'nestjs' } });
    try {
      const { text, position } = cursor(
        `import express from 'express';\nimport { StatusCodes } from 'http-status-codes';\n\napp.delete('/orders/:id', (req, res) => {\n  if (!req.params.id) return res.status(StatusCodes.BAD_REQUEST).end();\n  res.status(|).end();\n});\n`,
      );
      const document = await other.open('src/orders.ts', 'typescript', text);
      const first = itemsOf(await other.completion('src/orders.ts', position)).find((item) => item.preselect)!;
      assert.equal(first.label, '204');
      assert.equal(first.detail, 'HttpStatus.NO_CONTENT (204 No Content)');
      const edits = [first.textEdit as TextEdit, ...(first.additionalTextEdits ?? [])];
      assert.equal(
        TextDocument.applyEdits(document, edits),
        text
          .replace(`from 'http-status-codes';\n`, `from 'http-status-codes';\nimport { HttpStatus } from '@nestjs/common';\n`)
          .replace('res.status().end()', 'res.status(HttpStatus.NO_CONTENT).end()'),
      );
    } finally {
      await other.close();
    }
  });

  test('an OpenAPI responses key in YAML: the operation decides the first code', async () => {
    const { text, position } = cursor(OPENAPI.replace("        '409':", "        '|':\n          description: x\n        '409':"));
    await session.open('api.yaml', 'yaml', text);
    const first = itemsOf(await session.completion('api.yaml', position)).find((item) => item.preselect)!;
    assert.equal(first.label, '201');
  });

  test('nothing after setTimeout(f, or replicas:', async () => {
    const ts = cursor(`setTimeout(() => undefined, |);\n`);
    await session.open('src/timer.ts', 'typescript', ts.text);
    assert.deepEqual(itemsOf(await session.completion('src/timer.ts', ts.position)), []);
    const yaml = cursor(`spec:\n  replicas: |\n`);
    await session.open('deploy.yaml', 'yaml', yaml.text);
    assert.deepEqual(itemsOf(await session.completion('deploy.yaml', yaml.position)), []);
  });
});

describe('inlay hints over LSP', () => {
  let session: Session;
  before(async () => {
    session = await Session.start({ '@nestjs/common': '^11.0.0' });
  });
  after(() => session.close());

  const TS = `import { HttpStatus } from '@nestjs/common';

app.post('/orders', (req, res) => {
  if (!req.body) return res.status(400).end();
  if (busy()) throw new HttpException('busy', HttpStatus.SERVICE_UNAVAILABLE);
  res.status(429).end();
  setTimeout(retry, 200);
});
`;

  test('the server declares inlay hints', () => {
    assert.equal(session.client.initializeResult.capabilities.inlayHintProvider, true);
  });

  test('on literals (with the reason, after the code); not on constants or other numbers', async () => {
    const document = await session.open('src/orders.ts', 'typescript', TS);
    const hints = (await session.inlayHints('src/orders.ts')) ?? [];
    const at = (needle: string) => document.positionAt(document.getText().indexOf(needle) + needle.length);
    assert.deepEqual(
      hints.map((hint) => [hint.label, hint.position]),
      [
        ['Bad Request', at('status(400')],
        ['Too Many Requests', at('status(429')],
      ],
    );
    assert.equal(hints[0].paddingLeft, true);
    assert.deepEqual(hints[0].tooltip, { kind: 'markdown', value: 'The server could not process the request.' });
    assert.equal(hints[1].tooltip, undefined, '429 is not documented: no documented meaning');
  });

  test('only for the range asked', async () => {
    const hints = (await session.inlayHints('src/orders.ts', 5, 6)) ?? [];
    assert.deepEqual(
      hints.map((hint) => hint.label),
      ['Too Many Requests'],
    );
  });

  test('YAML: OpenAPI keys, not replicas', async () => {
    const document = await session.open('openapi.yaml', 'yaml', OPENAPI);
    const hints = (await session.inlayHints('openapi.yaml')) ?? [];
    assert.deepEqual(
      hints.map((hint) => [hint.label, hint.position]),
      [
        ['Created', document.positionAt(OPENAPI.indexOf("'201'") + 5)],
        ['Conflict', document.positionAt(OPENAPI.indexOf("'409'") + 5)],
      ],
    );
  });
});

describe('inlay hints turned off', () => {
  test('workspace/configuration says { inlayHints: false }: no hints', async () => {
    const session = await Session.start({}, CAPABILITIES, { inlayHints: false });
    try {
      await session.open('src/orders.ts', 'typescript', ORDERS);
      assert.deepEqual(await session.inlayHints('src/orders.ts'), []);
      // Back on after a configuration change.
      session.client.settings.inlayHints = true;
      await session.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(
        ((await session.inlayHints('src/orders.ts')) ?? []).map((hint) => hint.label),
        ['Bad Request', 'Created', 'No Content'],
      );
    } finally {
      await session.close();
    }
  });
});
