/**
 * Specs linked to the route index (core/spec/link.ts): method + full path with the spec's prefix, parameters equal
 * whatever their names; which spec describes which code (an `apis` mapping, several discovered specs); the drift
 * facts and the findings `check` makes of them. Real route files read by the compiler's parser, real spec text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, DEFAULT_TABLE, linkSpecs, moduleFactsOf, ProjectIndex, readSpec, SourceDocument, type SpecSource } from '../../server/src/core';
import { parseConfig } from '../../server/src/project/config';

function endpointsOf(files: Record<string, string>) {
  const index = new ProjectIndex();
  for (const [file, text] of Object.entries(files)) index.setFile(file, moduleFactsOf(text, file));
  return index.endpoints();
}

const ROUTES = {
  'src/app.js': `const express = require('express');
const users = require('./users');
const app = express();
app.use('/v1', users);
module.exports = app;`,
  'src/users.js': `const express = require('express');
const router = express.Router();
router.get('/users', list);
router.post('/users', create);
router.get('/users/:userId', read);
router.delete('/users/:userId', remove);
router.get(someVariable, other);
module.exports = router;`,
};

const SPEC = `openapi: 3.0.3
servers:
  - url: https://api.example.com/v1
paths:
  /users:
    get:
      responses:
        '200': { description: OK }
    post:
      responses:
        '201': { description: Created }
  /users/{id}:
    get:
      responses:
        '200': { description: OK }
    patch:
      responses:
        '200': { description: OK }
`;

const source = (file: string, text: string, more: Partial<SpecSource> = {}): SpecSource => ({ file, facts: readSpec(text, 'yaml')!, ...more });

describe('linking operations and endpoints', () => {
  const endpoints = endpointsOf(ROUTES);
  const links = linkSpecs(endpoints, [source('docs/openapi.yaml', SPEC)]);

  test('each operation to the endpoints it describes: servers prefix applied, {id} equal to :userId', () => {
    assert.deepEqual(
      links.operations.map((linked) => [
        `${linked.operation.method} ${linked.operation.path}`,
        linked.paths,
        linked.endpoints.map((e) => `${e.method} ${e.path} ${e.file}`),
      ]),
      [
        ['GET /users', ['/v1/users'], ['GET /v1/users src/users.js']],
        ['POST /users', ['/v1/users'], ['POST /v1/users src/users.js']],
        ['GET /users/{id}', ['/v1/users/{id}'], ['GET /v1/users/{userId} src/users.js']],
        ['PATCH /users/{id}', ['/v1/users/{id}'], []],
      ],
    );
  });

  test('each endpoint to its operation: the spec file, the offsets, the response keys', () => {
    const read = endpoints.find((e) => e.method === 'GET' && e.path === '/v1/users/{userId}')!;
    const [linked] = links.operationsOf(read);
    assert.equal(linked.spec, 'docs/openapi.yaml');
    assert.equal(SPEC.slice(linked.operation.methodStart, linked.operation.methodEnd), 'get');
    assert.deepEqual(
      linked.operation.responses.map((r) => r.key),
      ['200'],
    );
    const remove = endpoints.find((e) => e.method === 'DELETE')!;
    assert.deepEqual(links.operationsOf(remove), []);
    // From a response key back to the operation, and on to its endpoints.
    const fromKey = links.operationAt('docs/openapi.yaml', SPEC.indexOf("'201'") + 2);
    assert.deepEqual(
      fromKey?.endpoints.map((e) => `${e.method} ${e.path}`),
      ['POST /v1/users'],
    );
    assert.equal(links.operationAt('docs/openapi.yaml', SPEC.indexOf('paths')), undefined);
  });

  test('drift: the operation no route serves lands on its method key, the route no spec lists on its registration; an unknown path is skipped', () => {
    assert.deepEqual(links.driftFiles, ['docs/openapi.yaml', 'src/users.js']);
    const [operation] = links.driftIn('docs/openapi.yaml');
    assert.equal(operation.rule, 'operation-without-route');
    assert.equal(SPEC.slice(operation.start, operation.rule === 'operation-without-route' ? operation.end : 0), 'patch');
    assert.deepEqual(
      links.driftIn('src/users.js').map((fact) => [fact.rule, fact.endpoint, ROUTES['src/users.js'].slice(fact.start, fact.start + 6)]),
      [['route-not-in-spec', 'DELETE /v1/users/{userId}', 'delete']],
    );
  });

  test('check turns the facts into findings: information by default, severities and disable comments honoured', () => {
    const document = new SourceDocument(ROUTES['src/users.js'], 'javascript');
    const drift = links.driftIn('src/users.js');
    const [finding] = check(document, DEFAULT_TABLE, { severities: {}, lang: 'en', drift });
    assert.equal(finding.rule, 'route-not-in-spec');
    assert.equal(finding.severity, 'information');
    assert.equal(document.text.slice(finding.start, finding.end), 'delete');
    assert.equal(finding.message, 'The route DELETE /v1/users/{userId} is not listed in the spec (docs/openapi.yaml).');
    assert.equal(finding.site, undefined);
    assert.deepEqual(check(document, DEFAULT_TABLE, { severities: { 'route-not-in-spec': 'off' }, lang: 'en', drift }), []);
    const disabled = new SourceDocument(
      ROUTES['src/users.js'].replace('router.delete', '// statusdoc-disable-next-line route-not-in-spec\nrouter.delete'),
      'javascript',
    );
    const moved = linkSpecs(endpointsOf({ ...ROUTES, 'src/users.js': disabled.text }), [source('docs/openapi.yaml', SPEC)]).driftIn('src/users.js');
    assert.deepEqual(check(disabled, DEFAULT_TABLE, { severities: {}, lang: 'en', drift: moved }), []);
    const spec = new SourceDocument(SPEC, 'yaml');
    const specFindings = check(spec, DEFAULT_TABLE, { severities: {}, lang: 'zh-cn', drift: links.driftIn('docs/openapi.yaml') });
    assert.deepEqual(
      specFindings.map((f) => [f.rule, SPEC.slice(f.start, f.end), f.message]),
      [['operation-without-route', 'patch', '规范列出了 PATCH /v1/users/{id}，但代码中没有提供它的路由。']],
    );
  });

  test('with no spec, or a spec whose prefix is a server variable, nothing is compared', () => {
    assert.deepEqual(linkSpecs(endpoints, []).driftFiles, []);
    const variable = SPEC.replace('https://api.example.com/v1', 'https://api.example.com/{version}');
    assert.deepEqual(linkSpecs(endpoints, [source('docs/openapi.yaml', variable)]).driftFiles, []);
  });

  test('a spec for code with no routes at all is not drift (a client of another API)', () => {
    assert.deepEqual(linkSpecs([], [source('docs/openapi.yaml', SPEC)]).driftFiles, []);
  });
});

describe('which spec serves which code', () => {
  test("an apis mapping: the configured prefix replaces the servers', and only the configured folders' routes are compared", () => {
    const endpoints = endpointsOf({
      ...ROUTES,
      'admin/routes.js': `const router = require('express').Router();\nrouter.get('/admin/stats', stats);\nmodule.exports = router;`,
    });
    const config = parseConfig('{ "apis": [{ "spec": "docs/openapi.yaml", "prefix": "/v1", "code": ["src/"] }] }');
    assert.ok(config.ok);
    const [api] = config.config.apis!;
    const links = linkSpecs(endpoints, [source(api.spec, SPEC.replace('/v1\n', '/other\n'), { prefix: api.prefix, code: api.code })]);
    assert.deepEqual(
      links.operations.map((l) => l.endpoints.length),
      [1, 1, 1, 0],
    );
    // admin/routes.js is not in "code": its route is nobody's drift.
    assert.deepEqual(links.driftFiles, ['docs/openapi.yaml', 'src/users.js']);
  });

  test('several discovered specs: each route is compared with the spec nearest to it in the folder tree', () => {
    const endpoints = endpointsOf({
      'services/users/src/routes.js': `const app = require('express')();\napp.get('/users', list);\napp.get('/orders', wrong);`,
      'services/orders/src/routes.js': `const app = require('express')();\napp.get('/orders', list);`,
    });
    const users = `openapi: 3.0.0\npaths:\n  /users:\n    get:\n      responses:\n        '200': {}\n`;
    const orders = `openapi: 3.0.0\npaths:\n  /orders:\n    get:\n      responses:\n        '200': {}\n`;
    const links = linkSpecs(endpoints, [
      source('services/users/openapi.yaml', users, { discovered: true }),
      source('services/orders/openapi.yaml', orders, { discovered: true }),
    ]);
    assert.deepEqual(links.driftFiles, ['services/users/src/routes.js']);
    assert.deepEqual(
      links.driftIn('services/users/src/routes.js').map((f) => f.endpoint),
      ['GET /orders'],
    );
  });

  test('tests are not routes of the API (unless configured), nor are routes of any method (Next pages)', () => {
    const endpoints = endpointsOf({
      'test/app.test.js': `const app = require('express')();\napp.get('/fake', x);`,
      'pages/api/hello.js': `export default function handler(req, res) { res.status(200).end(); }`,
    });
    const spec = `openapi: 3.0.0\npaths:\n  /users:\n    get:\n      responses:\n        '200': {}\n`;
    assert.deepEqual(linkSpecs(endpoints, [source('openapi.yaml', spec)]).driftFiles, []);
  });
});
