/**
 * The server's route index of a workspace folder (project/workspaceRoutes.ts): built from disk, then kept current
 * from editor texts and disk changes, giving a controller the method of a route in another file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { documentModuleFacts, SourceDocument } from '../../server/src/core';
import { WorkspaceRoutes } from '../../server/src/project/workspaceRoutes';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-wsroutes-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ROUTE = `const router = require('express').Router();\nconst c = require('./controller');\n\nrouter.post('/orders', c.create);\nmodule.exports = router;\n`;
const CONTROLLER = `exports.create = async (req, res) => {\n  res.status(200).json({});\n};\n`;

test('built from disk, the controller gets POST from the route file, with the line of the route', async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'src/controller.js': CONTROLLER, 'node_modules/x/index.js': ROUTE });
  const routes = new WorkspaceRoutes(dir, 1_000_000);
  const progress: number[] = [];
  await routes.build((done) => progress.push(done));
  assert.equal(routes.built, true);
  assert.equal(routes.fileCount, 2, 'node_modules is not indexed');
  assert.deepEqual(progress.at(-1), 2);
  assert.deepEqual(
    routes.scopesFor(path.join(dir, 'src/controller.js')).map((s) => `${s.method} ${s.registeredAt}`),
    ['POST src/route.js:4'],
  );
});

test("an editor's text of the route file wins over the disk until it is closed", async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'src/controller.js': CONTROLLER });
  const routes = new WorkspaceRoutes(dir, 1_000_000);
  await routes.build();
  const controller = path.join(dir, 'src/controller.js');
  routes.editorText(path.join(dir, 'src/route.js'), ROUTE.replace('router.post', 'router.put'), 2);
  assert.deepEqual(
    routes.scopesFor(controller).map((s) => s.method),
    ['PUT'],
  );
  routes.fileChangedOnDisk(path.join(dir, 'src/route.js')); // the disk still says POST: the editor's text stands
  assert.deepEqual(
    routes.scopesFor(controller).map((s) => s.method),
    ['PUT'],
  );
  routes.editorClosed(path.join(dir, 'src/route.js'));
  assert.deepEqual(
    routes.scopesFor(controller).map((s) => s.method),
    ['POST'],
  );
  fs.rmSync(path.join(dir, 'src/route.js'));
  routes.fileDeleted(path.join(dir, 'src/route.js'));
  assert.deepEqual(routes.scopesFor(controller), []);
});

test('a folder with more files than the limit is not indexed at all: its files are judged alone', async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'src/controller.js': CONTROLLER });
  const routes = new WorkspaceRoutes(dir, 1_000_000);
  assert.deepEqual(await routes.build(undefined, undefined, undefined, 1), { indexed: false, files: 2 });
  assert.equal(routes.built, false);
  assert.deepEqual(routes.scopesFor(path.join(dir, 'src/controller.js')), []);
});

const ORDERS_TEST = [
  `const request = require('supertest');`,
  `it('creates', async () => {`,
  `  await request(app).post('/orders?dry=1').expect(201);`,
  `  const res = await request(app).post(\`\${base}/orders\`);`,
  `  expect(res.status).toBe(409);`,
  `  await request(app).get('/orders').expect(200);`,
  `  nock(base).post('/orders').reply(500);`,
  `});`,
  ``,
].join('\n');

test('with requests: each test request with a path, its codes, the routes it hits and the tests of a route', async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'src/controller.js': CONTROLLER, 'test/orders.test.js': ORDERS_TEST });
  const routes = new WorkspaceRoutes(dir, 1_000_000, { requests: true });
  await routes.build();
  const testFile = path.join(dir, 'test/orders.test.js');
  assert.deepEqual(
    routes.requests().map((r) => `${r.file}:${r.line} ${r.method} ${r.path} ${r.codes.join(',')}${r.mock ? ' mock' : ''}`),
    [
      'test/orders.test.js:3 POST /orders 201',
      'test/orders.test.js:4 POST /orders 409',
      'test/orders.test.js:6 GET /orders 200',
      'test/orders.test.js:7 POST /orders 500 mock',
    ],
  );
  const [post] = routes.endpoints();
  assert.deepEqual(
    routes.testsOf(post).map((r) => `${r.line} ${r.codes}`),
    ['3 201', '4 409'],
    'the mock does not call the route',
  );
  const offset = ORDERS_TEST.indexOf(`'/orders?dry=1'`) + 2;
  const hit = routes.endpointsAt(testFile, offset);
  assert.deepEqual(hit && [hit.request.path, hit.endpoints.map((e) => `${e.method} ${e.path} ${e.file}`)], ['/orders', ['POST /orders src/route.js']]);
  assert.equal(routes.endpointsAt(testFile, ORDERS_TEST.indexOf('const res')), undefined, 'not on a request');
});

test("requests follow the editor's sites and the disk, and are not read without the option", async () => {
  const dir = workspace({ 'src/route.js': ROUTE, 'test/orders.test.js': ORDERS_TEST });
  const plain = new WorkspaceRoutes(dir, 1_000_000);
  await plain.build();
  assert.deepEqual(plain.requests(), []);

  const routes = new WorkspaceRoutes(dir, 1_000_000, { requests: true });
  await routes.build();
  const testFile = path.join(dir, 'test/orders.test.js');
  const edited = ORDERS_TEST.replace(`post('/orders?dry=1')`, `put('/orders/7')`);
  const document = new SourceDocument(edited, 'javascript', 2);
  routes.editorFacts(testFile, 2, documentModuleFacts(document, testFile), document.lines, document.facts.sites);
  assert.deepEqual(
    routes.requestsIn(testFile).map((r) => `${r.method} ${r.path}`),
    ['PUT /orders/7', 'POST /orders', 'GET /orders', 'POST /orders'],
  );
  assert.deepEqual(
    routes.testsOf(routes.endpoints()[0]).map((r) => r.line),
    [4],
    'the index of callers follows the edit',
  );
  fs.rmSync(testFile);
  routes.fileDeleted(testFile);
  assert.deepEqual(routes.requests(), []);
});
