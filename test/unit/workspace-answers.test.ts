/**
 * What each endpoint's handler answers, in a workspace folder (WorkspaceRoutes.answersOf): read from the disk once
 * and kept, read again when the file changes, and read from the editor's document while one is open.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { answeredCodes, answerFactsOf, SourceDocument } from '../../server/src/core';
import { WorkspaceRoutes } from '../../server/src/project/workspaceRoutes';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-answers-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ROUTE = [
  `const router = require('express').Router();`,
  `const c = require('./controller');`,
  `router.post('/orders', c.create);`,
  `router.get('/orders/:id', c.show);`,
  `router.get('/health', (req, res) => res.status(204).end());`,
  `router.get('/missing', c.nothing);`,
  `module.exports = router;`,
  ``,
].join('\n');
const CONTROLLER = [
  `exports.create = async (req, res) => {`,
  `  if (!req.body.item) return res.status(400).json({});`,
  `  res.status(201).json({});`,
  `};`,
  `exports.show = async (req, res, next) => {`,
  `  const order = await find(req.params.id);`,
  `  if (!order) return next(new Error('not found'));`,
  `  res.json(order);`,
  `};`,
  ``,
].join('\n');

/** `GET /orders/{id}: 200 and unknown` per endpoint. */
function answers(routes: WorkspaceRoutes): string[] {
  return routes.endpoints().map((endpoint) => {
    const found = routes.answersOf(endpoint);
    const said = found ? `${answeredCodes(found).join(', ') || 'none'}${found.known ? '' : ' and unknown'}` : 'not found';
    return `${endpoint.method} ${endpoint.path}: ${said}`;
  });
}

test('each endpoint answers what its handler does: known, not known, inline, or not found', async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'src/controller.js': CONTROLLER });
  const routes = new WorkspaceRoutes(dir, 1_000_000);
  await routes.build();
  assert.deepEqual(answers(routes), ['GET /health: 204', 'GET /missing: not found', 'POST /orders: 201, 400', 'GET /orders/{id}: 200 and unknown']);
  const show = routes.endpoints().find((endpoint) => endpoint.path === '/orders/{id}')!;
  assert.deepEqual(
    routes.answersOf(show)!.openEnds.map((open) => open.reason),
    ['error-passed-on'],
  );
});

test('a handler file changed on disk is read again', async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'src/controller.js': CONTROLLER });
  const routes = new WorkspaceRoutes(dir, 1_000_000);
  await routes.build();
  assert.match(answers(routes).join('\n'), /POST \/orders: 201, 400$/m);
  const controller = path.join(dir, 'src/controller.js');
  fs.writeFileSync(controller, CONTROLLER.replace('res.status(201)', 'res.status(req.query.code)'));
  assert.match(answers(routes).join('\n'), /POST \/orders: 201, 400$/m, 'kept until the change is told');
  routes.fileChangedOnDisk(controller);
  assert.match(answers(routes).join('\n'), /POST \/orders: 400 and unknown$/m);
});

test("an open document's facts are read, at its version, not the disk's", async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'src/controller.js': CONTROLLER });
  const routes = new WorkspaceRoutes(dir, 1_000_000);
  await routes.build();
  const controller = path.join(dir, 'src/controller.js');
  // The open text moves the handler down two lines and answers 409 too: its span comes from this version.
  const open = new SourceDocument(
    `// orders\n\n${CONTROLLER.replace('res.status(201)', 'if (await exists(req.body)) return res.status(409).json({});\n  res.status(201)')}`,
    'javascript',
    3,
  );
  routes.useOpenDocuments((file) => (file === controller ? open : undefined));
  assert.match(answers(routes).join('\n'), /POST \/orders: 201, 400, 409$/m);
  routes.useOpenDocuments(undefined);
  routes.editorClosed(controller);
  assert.match(answers(routes).join('\n'), /POST \/orders: 201, 400$/m);
});

async function built(dir: string): Promise<WorkspaceRoutes> {
  const routes = new WorkspaceRoutes(dir, 1_000_000);
  await routes.build();
  return routes;
}

test("answers already read (the CLI's first pass, its cache) are used before the disk, and give what the disk would", async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'src/controller.js': CONTROLLER });
  const fromDisk = answers(await built(dir));
  const routes = await built(dir);
  routes.endpoints(); // linked: the controller's module facts are read
  const controller = path.join(dir, 'src/controller.js');
  const read = answerFactsOf(new SourceDocument(CONTROLLER, 'javascript').facts);
  // Gone from the disk before any answer was asked: only the answers read before can say what the handlers answer.
  fs.rmSync(controller);
  assert.deepEqual(answers(routes).filter((line) => line.endsWith('not found')).length, 3, 'without them, not found');
  routes.setAnswers(controller, read!);
  assert.deepEqual(answers(routes), fromDisk);
  // Plain data: what a cache keeps and gives back.
  routes.setAnswers(controller, JSON.parse(JSON.stringify(read)));
  assert.deepEqual(answers(routes), fromDisk);
});

test('middleware before the handler may answer first: the endpoint is not known; route options without hooks are not middleware', async () => {
  const dir = workspace({
    'src/route.js': [
      `const router = require('express').Router();`,
      `const c = require('./controller');`,
      `router.post('/orders', auth('manageOrders'), validate(schema), c.create);`,
      `app.post('/plain', { schema: { body } }, c.create);`,
      `app.post('/hooked', { preHandler: [authenticate] }, c.create);`,
      `module.exports = router;`,
      ``,
    ].join('\n'),
    'src/controller.js': CONTROLLER,
  });
  const routes = new WorkspaceRoutes(dir, 1_000_000);
  await routes.build();
  assert.deepEqual(answers(routes), ['POST /hooked: 201, 400 and unknown', 'POST /orders: 201, 400 and unknown', 'POST /plain: 201, 400']);
  const orders = routes.endpoints().find((endpoint) => endpoint.path === '/orders')!;
  const middleware = routes.answersOf(orders)!.middleware!;
  const text = fs.readFileSync(path.join(dir, 'src/route.js'), 'utf8');
  assert.equal(middleware.file, 'src/route.js');
  assert.equal(text.slice(middleware.start, middleware.end), `auth('manageOrders'), validate(schema)`);
});
