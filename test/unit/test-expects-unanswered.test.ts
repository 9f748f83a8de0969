/**
 * test-expects-unanswered-code: a test's expected code judged by what the handlers of the routes its request hits
 * answer (CheckOptions.requestAnswers, from the route index): the core's judgement, condition by condition, and the
 * answers a workspace folder gives a test file's requests (WorkspaceRoutes.requestAnswers).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  DEFAULT_TABLE,
  hoverMarkdown,
  requestAnswersOf,
  requestsOf,
  siteAt,
  SourceDocument,
  type EndpointAnswer,
  type RequestAnswers,
} from '../../server/src/core';
import { WorkspaceRoutes } from '../../server/src/project/workspaceRoutes';
import { checkText } from './helpers';

const RULE = 'test-expects-unanswered-code';
const TEST = [
  `const request = require('supertest');`,
  `test('rejects a bad id', async () => {`,
  `  await request(app).get('/v1/users/not-an-id').expect(400);`,
  `});`,
  ``,
].join('\n');

const GET_USER: EndpointAnswer = {
  endpoint: 'GET /v1/users/{userId}',
  handler: 'getUser',
  handlerAt: { file: 'src/controllers/user.controller.js', line: 20 },
  codes: [
    { code: 404, at: { file: 'src/controllers/user.controller.js', line: 22 } },
    { code: 200, at: { file: 'src/controllers/user.controller.js', line: 23 } },
  ],
  known: true,
};

function answersFor(...endpoints: EndpointAnswer[]): RequestAnswers[] {
  return [{ method: 'GET', path: '/v1/users/not-an-id', app: 'app', endpoints }];
}

function flagged(text: string, requestAnswers: RequestAnswers[] | undefined, lang: 'en' | 'zh-cn' = 'en') {
  return checkText(text, 'javascript', { requestAnswers, lang })
    .filter((finding) => finding.rule === RULE)
    .map((finding) => ({ text: text.slice(finding.start, finding.end), message: finding.message, severity: finding.severity }));
}

describe('test-expects-unanswered-code: the judgement', () => {
  test('an expected code the handler never answers, when all it answers is known: a warning naming the endpoint and its codes', () => {
    assert.deepEqual(flagged(TEST, answersFor(GET_USER)), [
      {
        text: '400',
        message: 'GET /v1/users/{userId} never answers 400 (its handler getUser answers 200, 404; src/controllers/user.controller.js:20).',
        severity: 'warning',
      },
    ]);
    assert.match(flagged(TEST, answersFor(GET_USER), 'zh-cn')[0].message, /^GET \/v1\/users\/\{userId\} 从不返回 400（其处理函数 getUser 只返回 200、404；/);
  });

  test('a code the handler answers is not flagged', () => {
    assert.deepEqual(flagged(TEST.replace('expect(400)', 'expect(404)'), answersFor(GET_USER)), []);
  });

  test('no answers from the route index (a file judged alone, an unknown path): not judged', () => {
    assert.deepEqual(flagged(TEST, undefined), []);
    assert.deepEqual(flagged(TEST, [{ method: 'GET', path: '/v1/other', app: 'app', endpoints: [GET_USER] }]), []);
    assert.deepEqual(flagged(TEST, [{ method: 'POST', path: '/v1/users/not-an-id', app: 'app', endpoints: [GET_USER] }]), []);
    // Answers for the same method and path on another app are not this request's.
    assert.deepEqual(flagged(TEST, [{ method: 'GET', path: '/v1/users/not-an-id', app: 'other', endpoints: [GET_USER] }]), []);
    assert.deepEqual(flagged(TEST, answersFor()), []);
  });

  test('a handler whose answers are not known, or not found, is never judged', () => {
    const open = { ...GET_USER, known: false, openEnd: { reason: 'error-passed-on' as const, at: { file: 'src/c.js', line: 9 } } };
    assert.deepEqual(flagged(TEST, answersFor(open)), []);
    assert.deepEqual(flagged(TEST, answersFor({ endpoint: 'GET /v1/users/{userId}', codes: [], known: false })), []);
  });

  test('a request hitting several routes is judged only when every one is known and none answers the code', () => {
    const other: EndpointAnswer = { ...GET_USER, endpoint: 'GET /v1/users/{name}', handler: 'byName', codes: [{ code: 400, at: { file: 'a.js', line: 3 } }] };
    assert.deepEqual(flagged(TEST, answersFor(GET_USER, other)), []);
    assert.deepEqual(flagged(TEST, answersFor(GET_USER, { ...other, codes: [{ code: 200, at: { file: 'a.js', line: 3 } }], known: false })), []);
    const both = flagged(TEST, answersFor(GET_USER, { ...other, codes: [{ code: 200, at: { file: 'a.js', line: 3 } }] }));
    assert.equal(both.length, 1);
    assert.match(
      both[0].message,
      /GET \/v1\/users\/\{userId\} never answers 400 .*; GET \/v1\/users\/\{name\} never answers 400 \(its handler byName answers 200; src\/controllers/,
    );
  });

  test("a success code wrong by the table is wrong-success-code's: one problem per place, unless that rule is off", () => {
    const post = TEST.replace(`get('/v1/users/not-an-id').expect(400)`, `post('/v1/users').expect(200)`);
    const created: RequestAnswers[] = [
      {
        method: 'POST',
        path: '/v1/users',
        app: 'app',
        endpoints: [{ ...GET_USER, endpoint: 'POST /v1/users', codes: [{ code: 201, at: { file: 'a.js', line: 2 } }] }],
      },
    ];
    assert.deepEqual(
      checkText(post, 'javascript', { requestAnswers: created }).map((finding) => finding.rule),
      ['wrong-success-code'],
    );
    assert.deepEqual(
      checkText(post, 'javascript', { requestAnswers: created, severities: { 'wrong-success-code': 'off' } }).map((finding) => finding.rule),
      [RULE],
    );
  });

  test('500 is never judged: any handler answers it when something it awaits throws', () => {
    assert.deepEqual(flagged(TEST.replace('expect(400)', 'expect(500)'), answersFor(GET_USER)), []);
  });

  test("a mock's code is what it answers, not an expectation: not judged", () => {
    const mock = [`const nock = require('nock');`, `nock('http://localhost').get('/v1/users/not-an-id').reply(400);`, ``].join('\n');
    assert.deepEqual(flagged(mock, answersFor(GET_USER)), []);
  });

  test('disable comments silence it like any rule; severity "off" turns it off', () => {
    const disabled = TEST.replace(`  await request`, `  // statusdoc-disable-next-line ${RULE}\n  await request`);
    assert.deepEqual(flagged(disabled, answersFor(GET_USER)), []);
    assert.deepEqual(checkText(TEST, 'javascript', { requestAnswers: answersFor(GET_USER), severities: { [RULE]: 'off' } }), []);
  });
});

describe("hover on a test's expected code", () => {
  const document = new SourceDocument(TEST, 'javascript');
  const site = siteAt(document.facts.sites, TEST.indexOf('400'))!;
  const hover = (request: RequestAnswers | undefined) => hoverMarkdown(site, { table: DEFAULT_TABLE, lang: 'en', tableLabel: 'default', request });

  test('lists the endpoint and the codes its handler answers, with their places', () => {
    const request = requestAnswersOf(site, answersFor(GET_USER));
    assert.ok(request);
    assert.match(
      hover(request),
      /`GET \/v1\/users\/\{userId\}` → handler `getUser` \(src\/controllers\/user\.controller\.js:20\) answers 200 \(user\.controller\.js:23\), 404 \(user\.controller\.js:22\)\n/,
    );
    assert.doesNotMatch(hover(undefined), /→/);
  });

  test('says where the codes are not known, naming the first open end', () => {
    const open = { ...GET_USER, known: false, openEnd: { reason: 'error-passed-on' as const, at: { file: 'src/controllers/user.controller.js', line: 30 } } };
    assert.match(hover(answersFor(open)[0]), /404 \(user\.controller\.js:22\), and codes not known \(an error passed on, user\.controller\.js:30\)/);
    assert.match(hover(answersFor({ endpoint: 'GET /v1/users/{userId}', codes: [], known: false })[0]), /→ handler not found/);
  });
});

describe("WorkspaceRoutes.requestAnswers: what a test file's requests hit", () => {
  const made: string[] = [];
  after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const files = {
    'src/routes.js': [
      `const router = require('express').Router();`,
      `const c = require('./controller');`,
      `router.get('/users/:id', c.show);`,
      `router.post('/users', auth(), c.create);`,
      `module.exports = router;`,
      ``,
    ].join('\n'),
    'src/controller.js': [
      `exports.show = async (req, res) => {`,
      `  const user = await find(req.params.id);`,
      `  if (!user) return res.status(404).json({});`,
      `  res.json(user);`,
      `};`,
      `exports.create = async (req, res) => {`,
      `  res.status(201).json({});`,
      `};`,
      ``,
    ].join('\n'),
  };

  test('each request with the endpoints it hits and their answers with places; middleware leaves them not known', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-request-answers-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const routes = new WorkspaceRoutes(dir, 1_000_000);
    await routes.build();
    const test = [
      `it('x', async () => {`,
      `  await request(app).get('/users/7').expect(400);`,
      `  await request(app).post('/users').expect(400);`,
      `  await request(app).get('/nowhere').expect(400);`,
      `});`,
      ``,
    ].join('\n');
    const answers = routes.requestAnswers(path.join(dir, 'test/users.test.js'), requestsOf(new SourceDocument(test, 'javascript').facts.sites));
    assert.deepEqual(answers, [
      {
        method: 'GET',
        path: '/users/7',
        app: 'app',
        endpoints: [
          {
            endpoint: 'GET /users/{id}',
            handler: 'exports.show',
            handlerAt: { file: 'src/controller.js', line: 1 },
            codes: [
              { code: 404, at: { file: 'src/controller.js', line: 3 } },
              { code: 200, at: { file: 'src/controller.js', line: 4 } },
            ],
            known: true,
          },
        ],
      },
      {
        method: 'POST',
        path: '/users',
        app: 'app',
        endpoints: [
          {
            endpoint: 'POST /users',
            handler: 'exports.create',
            handlerAt: { file: 'src/controller.js', line: 6 },
            codes: [{ code: 201, at: { file: 'src/controller.js', line: 7 } }],
            known: false,
            openEnd: { reason: 'middleware', at: { file: 'src/routes.js', line: 4 } },
          },
        ],
      },
    ]);
    const findings = checkText(test, 'javascript', { requestAnswers: answers }).filter((finding) => finding.rule === RULE);
    assert.deepEqual(
      findings.map((finding) => test.slice(0, finding.start).split('\n').length),
      [2],
    );
  });
});

/** A supertest file that gets `app` by `setup`, then expects 409 of its POST /orders. */
function supertestOf(...setup: string[]): string {
  return [`const request = require('supertest');`, ...setup, `it('queues', () => request(app).post('/orders').expect(409));`, ``].join('\n');
}

describe('a request made on an app hits only the routes that app serves', () => {
  const made: string[] = [];
  after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  /** Two services in one repository, both serving POST /orders: billing answers 201, shop 201 and 409. */
  const files: Record<string, string> = {
    'billing/app.js': [
      `const express = require('express');`,
      `const orders = require('./orders');`,
      `const app = express();`,
      `app.use('/orders', orders);`,
      `module.exports = { app };`,
      ``,
    ].join('\n'),
    'billing/orders.js': [
      `const router = require('express').Router();`,
      `router.post('/', (req, res) => {`,
      `  res.status(201).json({});`,
      `});`,
      `module.exports = router;`,
      ``,
    ].join('\n'),
    'shop/app.js': [
      `const express = require('express');`,
      `const app = express();`,
      `app.post('/orders', (req, res) => {`,
      `  if (req.body.duplicate) return res.status(409).json({});`,
      `  res.status(201).json({});`,
      `});`,
      `module.exports = { app };`,
      ``,
    ].join('\n'),
    'shop/index.js': `module.exports = require('./app');\n`,
    'admin/make.js': [
      `const express = require('express');`,
      `function buildApp() {`,
      `  const app = express();`,
      `  app.post('/orders', (req, res) => res.status(201).json({}));`,
      `  return app;`,
      `}`,
      `module.exports = { buildApp };`,
      ``,
    ].join('\n'),
    'tests/admin.test.js': supertestOf(`const { buildApp } = require('../admin/make');`, `const app = buildApp();`),
    'tests/billing.test.js': supertestOf(`const { app } = require('../billing/app');`),
    'tests/shop.test.js': supertestOf(`const { app } = require('../shop');`),
    'tests/mounted.test.js': supertestOf(
      `const express = require('express');`,
      `const orders = require('../billing/orders');`,
      `const app = express();`,
      `app.use('/orders', orders);`,
    ),
    'tests/started.test.js': [
      `const { app } = require('../billing/app');`,
      `beforeAll(() => app.listen(3000));`,
      `it('queues', async () => {`,
      `  const res = await fetch('http://localhost:3000/orders', { method: 'POST' });`,
      `  expect(res.status).toBe(409);`,
      `});`,
      ``,
    ].join('\n'),
    'tests/remote.test.js': [
      `it('queues', async () => {`,
      `  const res = await fetch('http://localhost:3000/orders', { method: 'POST' });`,
      `  expect(res.status).toBe(409);`,
      `});`,
      ``,
    ].join('\n'),
  };

  async function project(): Promise<WorkspaceRoutes> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-two-apps-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const routes = new WorkspaceRoutes(dir, 1_000_000, { requests: true });
    await routes.build();
    return routes;
  }

  /** The endpoints (`file:line`) each request of a test file hits, and the test's findings of the rule. */
  function judged(routes: WorkspaceRoutes, name: string) {
    const file = path.join(routes.root, name);
    const document = new SourceDocument(files[name], 'javascript');
    const answers = routes.requestAnswers(file, requestsOf(document.facts.sites));
    const hit = answers.flatMap((request) => request.endpoints.map((endpoint) => `${endpoint.handlerAt?.file}:${endpoint.handlerAt?.line}`));
    const findings = checkText(files[name], 'javascript', { requestAnswers: answers }).filter((finding) => finding.rule === RULE);
    return { hit, flagged: findings.length };
  }

  test("a test of one service is judged by that service's handler, not by another's at the same path", async () => {
    const routes = await project();
    // billing answers 201 only: the test expecting 409 is flagged, though shop's POST /orders answers 409.
    assert.deepEqual(judged(routes, 'tests/billing.test.js'), { hit: ['billing/orders.js:2'], flagged: 1 });
    // The app taken through a re-exporting index is shop's: it answers 409.
    assert.deepEqual(judged(routes, 'tests/shop.test.js'), { hit: ['shop/app.js:3'], flagged: 0 });
    // An app made in the test, mounting billing's router, serves billing's route (at the test's own mount).
    assert.deepEqual(judged(routes, 'tests/mounted.test.js'), { hit: ['billing/orders.js:2'], flagged: 1 });
    // An app a function made: the function's module serves it.
    assert.deepEqual(judged(routes, 'tests/admin.test.js'), { hit: ['admin/make.js:4'], flagged: 1 });
  });

  test('a request by URL is matched against the routes of the apps its test imports, else against every route', async () => {
    const routes = await project();
    // It imports billing's app and starts it: the server it calls is billing's.
    assert.deepEqual(judged(routes, 'tests/started.test.js'), { hit: ['billing/orders.js:2'], flagged: 1 });
    // It imports no app: a server started elsewhere, any of them.
    assert.deepEqual(judged(routes, 'tests/remote.test.js').hit.sort(), ['admin/make.js:4', 'billing/orders.js:2', 'shop/app.js:3']);
  });

  test("each route's tests are the ones made on its app", async () => {
    const routes = await project();
    const testsOf = (file: string) =>
      routes
        .endpoints()
        .filter((endpoint) => endpoint.file === file)
        .flatMap((endpoint) => routes.testsOf(endpoint).map((request) => request.file))
        .sort();
    assert.deepEqual(testsOf('billing/orders.js'), ['tests/billing.test.js', 'tests/mounted.test.js', 'tests/remote.test.js', 'tests/started.test.js']);
    assert.deepEqual(testsOf('shop/app.js'), ['tests/remote.test.js', 'tests/shop.test.js']);
    assert.deepEqual(testsOf('admin/make.js'), ['tests/admin.test.js', 'tests/remote.test.js']);
  });
});

describe("errors passed on (next(err)) are answered by the app's error handlers", () => {
  const made: string[] = [];
  after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const users = [
    `const router = require('express').Router();`,
    `router.get('/:id', async (req, res, next) => {`,
    `  try {`,
    `    const user = await find(req.params.id);`,
    `    if (!user) return res.status(404).json({});`,
    `    res.json(user);`,
    `  } catch (err) {`,
    `    next(err);`,
    `  }`,
    `});`,
    `router.delete('/:id', (req, res) => res.status(204).end());`,
    `module.exports = router;`,
    ``,
  ].join('\n');
  const app = (errors: string) =>
    [
      `const express = require('express');`,
      `const users = require('./users');`,
      `const { errorConverter, errorHandler } = require('./errors');`,
      `const app = express();`,
      `app.use('/users', users);`,
      errors,
      `module.exports = { app };`,
      ``,
    ].join('\n');
  const knownErrors = [
    `const errorConverter = (err, req, res, next) => {`,
    `  if (err.name === 'ValidationError') return res.status(400).json({});`,
    `  next(err);`,
    `};`,
    `function errorHandler(err, req, res, next) {`,
    `  res.status(500).json({ message: err.message });`,
    `}`,
    `module.exports = { errorConverter, errorHandler };`,
    ``,
  ].join('\n');

  async function getUser(files: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-error-handlers-'));
    made.push(dir);
    for (const [name, text] of Object.entries({ 'src/users.js': users, ...files })) fs.writeFileSync(path.join(dir, name.replace('src/', '')), text);
    const routes = new WorkspaceRoutes(dir, 1_000_000, { requests: true });
    await routes.build();
    const endpoint = (method: string) => routes.endpoints().find((e) => e.method === method && e.path === '/users/{id}')!;
    const answers = routes.answersOf(endpoint('GET'))!;
    return {
      known: answers.known,
      codes: answers.codes.map((code) => `${code.code} ${code.file}:${routes.lineOf(code.file, code.start)}`),
      // A handler that passes no error on is not given the error handlers' codes.
      deleteCodes: routes.answersOf(endpoint('DELETE'))!.codes.map((code) => code.code),
    };
  }

  test("error handlers whose answers are known: their codes join the handler's, and it is known", async () => {
    // errorConverter answers 400 or passes the error on to errorHandler, which answers 500.
    const found = await getUser({ 'app.js': app(`app.use(errorConverter, errorHandler);`), 'errors.js': knownErrors });
    assert.deepEqual(found, { known: true, codes: ['404 users.js:5', '200 users.js:6', '400 errors.js:2', '500 errors.js:6'], deleteCodes: [204] });
    // errorConverter alone passes on what it does not convert: Express's own handler answers that, with the error's status.
    assert.equal((await getUser({ 'app.js': app(`app.use(errorConverter);`), 'errors.js': knownErrors })).known, false);
    const alone = await getUser({ 'app.js': app(`app.use(errorHandler);`), 'errors.js': knownErrors });
    assert.deepEqual(alone, { known: true, codes: ['404 users.js:5', '200 users.js:6', '500 errors.js:6'], deleteCodes: [204] });
    const inline = await getUser({ 'app.js': app(`app.use((err, req, res, next) => res.status(503).json({}));`), 'errors.js': knownErrors });
    assert.deepEqual(inline, { known: true, codes: ['404 users.js:5', '200 users.js:6', '503 app.js:6'], deleteCodes: [204] });
  });

  test('no error handler, or one that answers a status from the error: the errors passed on leave the answers open', async () => {
    assert.equal((await getUser({ 'app.js': app(``), 'errors.js': knownErrors })).known, false);
    const fromError = `module.exports = { errorHandler: (err, req, res, next) => res.status(err.status || 500).json({}), errorConverter: null };\n`;
    assert.equal((await getUser({ 'app.js': app(`app.use(errorHandler);`), 'errors.js': fromError })).known, false);
    // Three parameters: ordinary middleware, not an error handler.
    const notErrors = `const errorHandler = (req, res, next) => res.status(500).json({});\nmodule.exports = { errorHandler };\n`;
    assert.equal((await getUser({ 'app.js': app(`app.use(errorHandler);`), 'errors.js': notErrors })).known, false);
  });

  test('a test expecting a code only the error handler answers is not flagged; one nobody answers is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-error-handlers-'));
    made.push(dir);
    const test = [
      `const request = require('supertest');`,
      `const { app } = require('./app');`,
      `it('x', async () => {`,
      `  await request(app).get('/users/1').expect(500);`,
      `  await request(app).get('/users/1').expect(409);`,
      `});`,
      ``,
    ].join('\n');
    const files = {
      'users.js': users,
      'app.js': app(`app.use(errorHandler);`),
      'errors.js': knownErrors.replace('res.status(500)', 'res.status(503)'),
      'users.test.js': test,
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const routes = new WorkspaceRoutes(dir, 1_000_000, { requests: true });
    await routes.build();
    const answers = routes.requestAnswers(path.join(dir, 'users.test.js'), requestsOf(new SourceDocument(test, 'javascript').facts.sites));
    const findings = checkText(test, 'javascript', { requestAnswers: answers }).filter((finding) => finding.rule === RULE);
    assert.deepEqual(
      findings.map((finding) => finding.message),
      ['GET /users/{id} never answers 409 (its handler answers 200, 404, 503; users.js:2).'],
    );
  });
});
