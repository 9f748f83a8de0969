/**
 * The matrix's inputs from a folder on disk (project/matrixInputs.ts): the spec column from the linked operations
 * (YAML and JSON specs, `.statusdoc.json` apis prefixes and code folders, the nearest discovered spec), the handler
 * column and whether it is complete from `answersOf` (implicit answers included) — which is what lets the matrix say
 * a spec's code or a test's is never answered.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { buildMatrix, DEFAULT_TABLE, type MatrixModel } from '../../server/src/core';
import { collectFiles } from '../../server/src/project/files';
import { gatherMatrixInputs } from '../../server/src/project/matrixInputs';
import { WorkspaceRoutes } from '../../server/src/project/workspaceRoutes';
import { WorkspaceSpecs } from '../../server/src/project/workspaceSpecs';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

async function matrixOf(files: Record<string, string>): Promise<MatrixModel> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-matrix-inputs-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const all = collectFiles([dir]).files;
  const routes = new WorkspaceRoutes(dir, 1_000_000, { requests: true });
  await routes.build(undefined, undefined, all);
  const specs = new WorkspaceSpecs(dir, 1_000_000);
  specs.build(all);
  return buildMatrix(gatherMatrixInputs(routes, specs).inputs, DEFAULT_TABLE);
}

function row(model: MatrixModel, name: string) {
  const found = model.rows.find((r) => `${r.method} ${r.path}` === name);
  assert.ok(found, `no row ${name} in ${model.rows.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return found;
}

const ORDERS_ROUTES = [
  `const router = require('express').Router();`,
  `router.get('/orders/:id', (req, res) => res.json({}));`,
  `router.post('/orders', (req, res) => { if (!req.body) return res.status(400).end(); res.status(201).json({}); });`,
  `router.delete('/orders/:id', (req, res, next) => next(new Error('x')));`,
  `module.exports = router;`,
  ``,
].join('\n');

test('a JSON spec under an apis prefix: its operations on the routes they describe, the implicit 200 answered and known', async () => {
  const spec = {
    openapi: '3.0.3',
    paths: {
      '/orders/{orderId}': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'missing' } } } },
      '/orders': { post: { responses: { '201': { description: 'created' } } } },
    },
  };
  const model = await matrixOf({
    '.statusdoc.json': JSON.stringify({ apis: [{ spec: 'api/orders.json', prefix: '/shop', code: ['src/'] }] }),
    'api/orders.json': JSON.stringify(spec, null, 2),
    'src/app.js': `const express = require('express');\nconst orders = require('./orders');\nconst app = express();\napp.use('/shop', orders);\n`,
    'src/orders.js': ORDERS_ROUTES,
    'test/orders.test.js': `const request = require('supertest');\nconst app = require('../src/app');\ntest('x', () => request(app).get('/shop/orders/7').expect(410));\n`,
  });
  const get = row(model, 'GET /shop/orders/{id}');
  assert.equal(get.operations[0]?.file, 'api/orders.json', 'the JSON operation on the route with the prefix in front');
  assert.deepEqual(get.drift, []);
  const ok = get.cells.find((cell) => cell.code === '200');
  assert.deepEqual(
    ok?.handler.map((place) => `${place.file}:${place.line}`),
    ['src/orders.js:2'],
    'res.json answers 200 with no code written',
  );
  assert.deepEqual(
    get.cells.find((cell) => cell.code === '404')?.drift,
    ['spec-not-in-handler'],
    'all the handler answers is known: the spec promises a 404 it never gives',
  );
  assert.deepEqual(get.cells.find((cell) => cell.code === '410')?.drift, ['tests-not-answered']);
  const post = row(model, 'POST /shop/orders');
  assert.deepEqual(post.cells.find((cell) => cell.code === '400')?.drift, ['handler-not-in-spec'], 'the handler answers 400, the spec does not list it');
  // Its error goes to handlers that are not read: nothing is said of what it never answers, and the spec has no
  // DELETE, so the route is drift of its own.
  assert.deepEqual(row(model, 'DELETE /shop/orders/{id}').drift, ['route-not-in-spec']);
});

test('two discovered YAML specs: each service meets the nearest one, and a route no spec describes is not drift', async () => {
  const specOf = (pathName: string) =>
    ['openapi: 3.0.3', 'paths:', `  ${pathName}:`, '    get:', '      responses:', "        '200': { description: ok }", ''].join('\n');
  const service = (route: string) =>
    `const app = require('express')();\napp.get('${route}', (req, res) => res.status(200).json({}));\napp.get('${route}/extra', (req, res) => res.status(200).end());\n`;
  const model = await matrixOf({
    'billing/openapi.yaml': specOf('/invoices'),
    'billing/src/app.js': service('/invoices'),
    'users/openapi.yaml': specOf('/users'),
    'users/src/app.js': service('/users'),
  });
  assert.deepEqual(row(model, 'GET /invoices').operations, [{ file: 'billing/openapi.yaml', line: 4, column: 5 }]);
  assert.deepEqual(row(model, 'GET /users').operations, [{ file: 'users/openapi.yaml', line: 4, column: 5 }]);
  assert.deepEqual(row(model, 'GET /users/extra').drift, ['route-not-in-spec']);
  assert.equal(model.rows.length, 4, 'no operation of one service shows as unserved beside the other');
});

test('a spec whose servers prefix the code does not have leaves its operations without a route, on their own rows', async () => {
  const model = await matrixOf({
    'openapi.yaml': [
      'openapi: 3.0.3',
      'servers:',
      '  - url: https://x.example/v2',
      'paths:',
      '  /ping:',
      '    get:',
      '      responses:',
      "        '200': { description: ok }",
      '',
    ].join('\n'),
    'src/app.js': `const app = require('express')();\napp.get('/v1/ping', (req, res) => res.status(200).end());\n`,
  });
  assert.deepEqual(row(model, 'GET /v2/ping').drift, ['operation-without-route']);
  assert.deepEqual(row(model, 'GET /v1/ping').drift, ['route-not-in-spec']);
});
