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
  return [{ method: 'GET', path: '/v1/users/not-an-id', endpoints }];
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
    assert.deepEqual(flagged(TEST, [{ method: 'GET', path: '/v1/other', endpoints: [GET_USER] }]), []);
    assert.deepEqual(flagged(TEST, [{ method: 'POST', path: '/v1/users/not-an-id', endpoints: [GET_USER] }]), []);
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
      { method: 'POST', path: '/v1/users', endpoints: [{ ...GET_USER, endpoint: 'POST /v1/users', codes: [{ code: 201, at: { file: 'a.js', line: 2 } }] }] },
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
    const answers = routes.requestAnswers(requestsOf(new SourceDocument(test, 'javascript').facts.sites));
    assert.deepEqual(answers, [
      {
        method: 'GET',
        path: '/users/7',
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
