/** The rules: which sites each flags, with what message and severity, and the change-code fix of every idiom. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyEdits,
  fixAllEdits,
  fixEdits,
  loadTable,
  RULE_IDS,
  SourceDocument,
  type DocumentLanguage,
  type Finding,
  type RuleId,
} from '../../server/src/core';
import { analyzeDocument } from '../../server/src/core/sites';
import { checkText, fixesOf } from './helpers';

const check = checkText;

function only(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((finding) => finding.rule === rule);
}

/** The whole document after the finding's preferred fix (imports included). */
function afterFix(text: string, language: DocumentLanguage, finding: Finding, index = 0): string {
  return applyEdits(text, fixEdits(new SourceDocument(text, language), fixesOf(finding)[index]));
}

/** A compact view of findings: `rule "flagged text" message`. */
function describeFindings(text: string, findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.rule} ${JSON.stringify(text.slice(finding.start, finding.end))} ${finding.message}`);
}

type Verb = 'post' | 'delete' | 'patch';
const Upper = (m: Verb) => m.toUpperCase();
const Title = (m: Verb) => m[0].toUpperCase() + m.slice(1);
const NEST_NAMES: Record<number, string> = { 200: 'OK', 201: 'CREATED', 204: 'NO_CONTENT' };
const EXPECTED: Record<'post' | 'delete', { code: number; named: string }> = {
  post: { code: 201, named: '201 Created' },
  delete: { code: 204, named: '204 No Content' },
};

interface IdiomCase {
  name: string;
  language?: DocumentLanguage;
  /** The method the idiom is written with in the main case. */
  method: 'post' | 'delete';
  /** The document with the code written in the idiom's form, under the given method. */
  text: (code: number, method: Verb) => string;
  /** What the flagged code reads as in the document, for 200. */
  written?: string;
  /** The same idiom where nothing says which method is in force. */
  unknown?: (code: number) => string;
}

const IDIOMS: IdiomCase[] = [
  // ---- Express ----
  {
    name: 'Express res.status(n)',
    method: 'post',
    text: (code, m) =>
      `import express from 'express';\nconst app = express();\n\napp.${m}('/orders', (req, res) => {\n  res.status(${code}).json(order);\n});\n`,
    unknown: (code) => `export function reply(req, res) {\n  res.status(${code}).json(order);\n}\n`,
  },
  {
    name: 'Express res.sendStatus(n)',
    method: 'delete',
    text: (code, m) => `router.${m}('/orders/:id', async (req, res) => {\n  await remove(req.params.id);\n  res.sendStatus(${code});\n});\n`,
    unknown: (code) => `function done(res) {\n  res.sendStatus(${code});\n}\n`,
  },
  {
    name: 'Express res.statusCode = n',
    method: 'post',
    text: (code, m) => `app.${m}('/orders', function (req, res) {\n  res.statusCode = ${code};\n  res.end();\n});\n`,
    unknown: (code) => `function done(res) {\n  res.statusCode = ${code};\n  res.end();\n}\n`,
  },
  // ---- Fastify ----
  {
    name: 'Fastify reply.code(n)',
    method: 'post',
    text: (code, m) => `fastify.${m}('/orders', async (request, reply) => {\n  reply.code(${code}).send(order);\n});\n`,
    unknown: (code) => `async function send(request, reply) {\n  reply.code(${code}).send(order);\n}\n`,
  },
  {
    name: "Fastify route({ method: 'POST', handler })",
    method: 'post',
    text: (code, m) =>
      `fastify.route({\n  method: '${Upper(m)}',\n  url: '/orders',\n  handler: async (request, reply) => {\n    reply.code(${code}).send(order);\n  },\n});\n`,
    unknown: (code) => `fastify.route({\n  url: '/orders',\n  handler: async (request, reply) => {\n    reply.code(${code}).send(order);\n  },\n});\n`,
  },
  {
    name: "Fastify route({ method: ['DELETE'], handler })",
    method: 'delete',
    text: (code, m) =>
      `fastify.route({\n  method: ['${Upper(m)}'],\n  url: '/orders/:id',\n  async handler(request, reply) {\n    reply.code(${code}).send();\n  },\n});\n`,
    unknown: (code) =>
      `fastify.route({\n  method: ['GET', 'HEAD'],\n  url: '/orders/:id',\n  async handler(request, reply) {\n    reply.code(${code}).send();\n  },\n});\n`,
  },
  // ---- Koa ----
  {
    name: 'Koa ctx.status = n',
    method: 'post',
    text: (code, m) => `router.${m}('/orders', async (ctx) => {\n  ctx.body = await create(ctx.request.body);\n  ctx.status = ${code};\n});\n`,
    unknown: (code) => `app.use(async (ctx) => {\n  ctx.status = ${code};\n});\n`,
  },
  // ---- Hono ----
  {
    name: 'Hono c.json(x, n)',
    method: 'post',
    text: (code, m) => `app.${m}('/orders', async (c) => {\n  return c.json(await create(c), ${code});\n});\n`,
    unknown: (code) => `app.use('*', async (c) => {\n  return c.json(await create(c), ${code});\n});\n`,
  },
  {
    name: 'Hono c.text(x, n)',
    method: 'post',
    text: (code, m) => `app.${m}('/orders', (c) => c.text('created', ${code}));\n`,
    unknown: (code) => `app.use('*', (c) => c.text('created', ${code}));\n`,
  },
  {
    name: 'Hono c.body(x, n)',
    method: 'delete',
    text: (code, m) => `app.${m}('/orders/:id', (c) => c.body(null, ${code}));\n`,
    unknown: (code) => `app.use('*', (c) => c.body(null, ${code}));\n`,
  },
  {
    name: 'Hono c.status(n)',
    method: 'delete',
    text: (code, m) => `app.${m}('/orders/:id', (c) => {\n  c.status(${code});\n  return c.body(null);\n});\n`,
    unknown: (code) => `app.use('*', (c) => {\n  c.status(${code});\n  return c.body(null);\n});\n`,
  },
  // ---- NestJS ----
  {
    name: 'NestJS @HttpCode(HttpStatus.OK) on @Post',
    method: 'post',
    written: 'HttpStatus.OK',
    text: (code, m) =>
      `import { Controller, HttpCode, HttpStatus, ${Title(m)} } from '@nestjs/common';\n\n@Controller('orders')\nexport class OrdersController {\n  @${Title(m)}()\n  @HttpCode(HttpStatus.${NEST_NAMES[code]})\n  create() {}\n}\n`,
    unknown: (code) =>
      `import { Controller, HttpCode, HttpStatus } from '@nestjs/common';\n\n@Controller('orders')\nexport class OrdersController {\n  @HttpCode(HttpStatus.${NEST_NAMES[code]})\n  helper() {}\n}\n`,
  },
  {
    name: 'NestJS @HttpCode(200) on @Delete',
    method: 'delete',
    text: (code, m) =>
      `import { Controller, HttpCode, ${Title(m)} } from '@nestjs/common';\n\n@Controller('orders')\nexport class OrdersController {\n  @${Title(m)}(':id')\n  @HttpCode(${code})\n  remove() {}\n}\n`,
  },
  // ---- Next.js route handlers ----
  {
    name: 'Next.js export async function POST with NextResponse.json(x, { status })',
    method: 'post',
    text: (code, m) =>
      `import { NextResponse } from 'next/server';\n\nexport async function ${Upper(m)}(request: Request) {\n  const order = await create(await request.json());\n  return NextResponse.json(order, { status: ${code} });\n}\n`,
    unknown: (code) =>
      `import { NextResponse } from 'next/server';\n\nexport async function handler(request: Request) {\n  return NextResponse.json(order, { status: ${code} });\n}\n`,
  },
  {
    name: 'Next.js export async function DELETE with new Response(null, { status })',
    method: 'delete',
    text: (code, m) =>
      `export async function ${Upper(m)}(request: Request) {\n  await remove(request);\n  return new Response(null, { status: ${code} });\n}\n`,
    unknown: (code) => `async function DELETE_LATER(request: Request) {\n  return new Response(null, { status: ${code} });\n}\n`,
  },
  // ---- mocks and tests ----
  {
    name: 'msw http.post + HttpResponse.json(x, { status })',
    method: 'post',
    text: (code, m) =>
      `import { http, HttpResponse } from 'msw';\n\nexport const handlers = [\n  http.${m}('/api/orders', () => HttpResponse.json({ id: 1 }, { status: ${code} })),\n];\n`,
    unknown: (code) =>
      `import { http, HttpResponse } from 'msw';\n\nexport const handlers = [\n  http.all('/api/orders', () => HttpResponse.json({ id: 1 }, { status: ${code} })),\n];\n`,
  },
  {
    name: 'supertest request(app).post(path).expect(n)',
    method: 'post',
    text: (code, m) => `it('creates', async () => {\n  await request(app).${m}('/orders').send(order).expect(${code});\n});\n`,
    unknown: (code) => `it('answers', async () => {\n  await pending.expect(${code});\n});\n`,
  },
  {
    name: 'nock(...).delete(path).reply(n)',
    method: 'delete',
    text: (code, m) => `nock('https://api.example.com')\n  .${m}('/orders/1')\n  .reply(${code});\n`,
    unknown: (code) => `const scope = nock('https://api.example.com');\nscope.reply(${code});\n`,
  },
  {
    name: "fetch(url, { method: 'DELETE' }) then expect(res.status).toBe(n)",
    method: 'delete',
    text: (code, m) => `it('removes', async () => {\n  const res = await fetch(url, { method: '${Upper(m)}' });\n  expect(res.status).toBe(${code});\n});\n`,
    unknown: (code) => `it('removes', async () => {\n  const res = await fetch(url, { method: verb });\n  expect(res.status).toBe(${code});\n});\n`,
  },
  {
    name: 'axios.post then expect(res.status).toBe(n)',
    method: 'post',
    text: (code, m) => `it('creates', async () => {\n  const res = await axios.${m}(url, order);\n  expect(res.status).toBe(${code});\n});\n`,
    unknown: (code) => `it('creates', async () => {\n  const res = await axios(config);\n  expect(res.status).toBe(${code});\n});\n`,
  },
  {
    name: "axios({ method: 'post' })",
    method: 'post',
    text: (code, m) =>
      `it('creates', async () => {\n  const res = await axios({ method: '${m}', url, data: order });\n  expect(res.status).toBe(${code});\n});\n`,
    unknown: (code) =>
      `it('creates', async () => {\n  const res = await axios({ method: verb, url, data: order });\n  expect(res.status).toBe(${code});\n});\n`,
  },
  // ---- route registration shapes ----
  {
    name: 'a handler passed to the route by name',
    method: 'post',
    text: (code, m) => `function createOrder(req, res) {\n  res.status(${code}).json(order);\n}\n\napp.${m}('/orders', auth, createOrder);\n`,
    unknown: (code) => `function createOrder(req, res) {\n  res.status(${code}).json(order);\n}\n\nexport default createOrder;\n`,
  },
  {
    name: "router.route('/x').post(handler)",
    method: 'post',
    text: (code, m) => `router.route('/orders')\n  .get((req, res) => res.json(all))\n  .${m}((req, res) => {\n    res.status(${code}).json(order);\n  });\n`,
    unknown: (code) => `router.route('/orders')\n  .all((req, res) => {\n    res.status(${code}).json(order);\n  });\n`,
  },
  // ---- OpenAPI / Swagger ----
  {
    name: "OpenAPI responses key '200' (single-quoted)",
    language: 'yaml',
    method: 'post',
    written: "'200'",
    text: (code, m) =>
      `openapi: 3.0.3\npaths:\n  /orders:\n    ${m}:\n      responses:\n        '${code}':\n          description: the order\n        '400':\n          description: bad\n`,
  },
  {
    name: 'OpenAPI responses key "200" (double-quoted)',
    language: 'yaml',
    method: 'post',
    written: '"200"',
    text: (code, m) => `openapi: 3.1.0\npaths:\n  /orders:\n    ${m}:\n      responses:\n        "${code}":\n          description: the order\n`,
  },
  {
    name: 'OpenAPI responses key 200 (bare)',
    language: 'yaml',
    method: 'post',
    text: (code, m) => `openapi: 3.0.0\npaths:\n  /orders:\n    ${m}:\n      responses:\n        ${code}:\n          description: the order\n`,
  },
  {
    name: 'Swagger 2 responses key',
    language: 'yaml',
    method: 'delete',
    written: "'200'",
    text: (code, m) =>
      `swagger: '2.0'\npaths:\n  /orders/{id}:\n    ${m}:\n      parameters: []\n      responses:\n        '${code}':\n          description: gone\n`,
  },
  // ---- YAML test suites ----
  {
    name: 'YAML test mapping with method: DELETE and status: 200',
    language: 'yaml',
    method: 'delete',
    text: (code, m) => `tests:\n  - name: remove an order\n    method: ${Upper(m)}\n    url: /orders/1\n    status: ${code}\n`,
    unknown: (code) => `tests:\n  - name: remove an order\n    url: /orders/1\n    status: ${code}\n`,
  },
  {
    name: 'Tavern stages (request.method beside response.status_code)',
    language: 'yaml',
    method: 'post',
    text: (code, m) =>
      `test_name: create an order\nstages:\n  - name: create\n    request:\n      url: "{host}/orders"\n      method: ${Upper(m)}\n      json: { item: 1 }\n    response:\n      status_code: ${code}\n`,
    unknown: (code) =>
      `test_name: create an order\nstages:\n  - name: create\n    request:\n      url: "{host}/orders"\n    response:\n      status_code: ${code}\n`,
  },
];

describe('wrong-success-code, idiom by idiom (default table)', () => {
  for (const idiom of IDIOMS) {
    const language = idiom.language ?? 'typescript';
    const { code: expected, named } = EXPECTED[idiom.method];
    describe(idiom.name, () => {
      const text = idiom.text(200, idiom.method);

      test(`200 under ${Upper(idiom.method)} is flagged with the documented code named, and fixed to ${expected}`, () => {
        const findings = check(text, language);
        assert.equal(findings.length, 1, describeFindings(text, findings).join('\n'));
        const [finding] = findings;
        assert.equal(finding.rule, 'wrong-success-code');
        assert.equal(finding.severity, 'error');
        assert.equal(finding.message, `${Upper(idiom.method)} answers ${named} in the documented table, not 200 OK.`);
        assert.equal(text.slice(finding.start, finding.end), idiom.written ?? '200');
        assert.equal(finding.expected, expected);
        assert.equal(finding.site?.method?.name, Upper(idiom.method));
        // The change-code fix first and safe, the disable fix last.
        assert.equal(fixesOf(finding).length, 2);
        assert.equal(fixesOf(finding)[0].safe, true);
        assert.equal(fixesOf(finding)[1].safe, false);
        assert.equal(afterFix(text, language, finding), idiom.text(expected, idiom.method));
      });

      test(`${expected} under ${Upper(idiom.method)} is not flagged`, () => {
        assert.deepEqual(describeFindings(idiom.text(expected, idiom.method), check(idiom.text(expected, idiom.method), language)), []);
      });

      if (idiom.unknown) {
        const unknown = idiom.unknown(200);
        test('200 where the method is unknown is not flagged', () => {
          const sites = analyzeDocument(unknown, language).sites;
          // TS: a site without a method. YAML: a status key is only a site where a method is near, so none at all.
          assert.deepEqual(
            sites.map((site) => [site.code, site.method]),
            language === 'yaml' ? [] : [[200, undefined]],
          );
          assert.deepEqual(describeFindings(unknown, check(unknown, language)), []);
        });
      }

      test('PATCH is not judged: the default table never names it', () => {
        for (const code of [200, 204]) {
          const patched = idiom.text(code, 'patch');
          const sites = analyzeDocument(patched, language).sites.filter((site) => site.form.kind !== 'implicit');
          assert.ok(
            sites.some((site) => site.code === code),
            `${code} is a site`,
          );
          assert.ok(
            sites.every((site) => site.method?.name === 'PATCH'),
            'every site is under PATCH',
          );
          assert.deepEqual(describeFindings(patched, check(patched, language)), []);
        }
      });
    });
  }

  test('the fix title names the code as it will be written and the method', () => {
    const text = `app.delete('/orders/:id', (req, res) => res.sendStatus(200));`;
    const [finding] = check(text);
    assert.deepEqual(
      fixesOf(finding).map((fix) => fix.title),
      ['Change to 204 (documented for DELETE)', 'Disable wrong-success-code for this line'],
    );
  });

  test('GET and PUT answering 200 are right; GET answering 201 or 204 is not', () => {
    const text = [
      `app.get('/a', (req, res) => res.status(200).json(a));`,
      `app.put('/b', (req, res) => res.status(200).json(b));`,
      `app.get('/c', (req, res) => res.status(201).json(c));`,
      `app.put('/d', (req, res) => res.sendStatus(204));`,
    ].join('\n');
    assert.deepEqual(describeFindings(text, check(text)), [
      'wrong-success-code "201" GET answers 200 OK in the documented table, not 201 Created.',
      'wrong-success-code "204" PUT answers 200 OK in the documented table, not 204 No Content.',
    ]);
  });

  test('error and redirect codes are not judged against the method', () => {
    const text = `app.post('/orders', (req, res) => {\n  if (!ok) return res.status(409).json(e);\n  if (moved) return res.redirect(301, '/x');\n  res.status(201).json(order);\n});`;
    // 301 is undocumented in the default table, but never a wrong success code.
    assert.deepEqual(
      check(text).map((finding) => finding.rule),
      ['undocumented-code'],
    );
  });
});

describe('a team table: the method map is read from the table', () => {
  const doc = [
    '| Code | Reason | Meaning |',
    '|------|--------|---------|',
    '| 200 | OK | GET、PUT和PATCH操作正常返回。 |',
    '| 201 | Created | POST操作正常返回。 |',
    '| 204 | No Content | DELETE操作正常返回。 |',
    '| 400 | Bad Request | 服务器未能处理请求。 |',
    '| 404 | Not Found | 服务器无法找到被请求的页面。 |',
    '',
  ].join('\n');
  const loaded = loadTable('/team/docs/status-codes.md', doc);
  assert.ok(loaded.ok, 'the team table loads');
  const team = loaded.table;

  test('the table gives PATCH 200', () => {
    assert.equal(team.successCodeByMethod.get('PATCH'), 200);
  });

  test('PATCH answering 204 is flagged under the team table, not under the default', () => {
    const text = `router.patch('/orders/:id', async (req, res) => {\n  res.status(204).end();\n});\n`;
    const findings = check(text, 'typescript', {}, team);
    assert.deepEqual(describeFindings(text, findings), ['wrong-success-code "204" PATCH answers 200 OK in the documented table, not 204 No Content.']);
    assert.equal(afterFix(text, 'typescript', findings[0]), `router.patch('/orders/:id', async (req, res) => {\n  res.status(200).end();\n});\n`);
    assert.deepEqual(check(text), []);
  });

  test('every idiom judges PATCH by the team table', () => {
    for (const idiom of IDIOMS) {
      const language = idiom.language ?? 'typescript';
      const wrong = idiom.text(204, 'patch');
      const findings = only(check(wrong, language, {}, team), 'wrong-success-code');
      assert.deepEqual(
        findings.map((finding) => finding.message),
        ['PATCH answers 200 OK in the documented table, not 204 No Content.'],
        idiom.name,
      );
      assert.equal(afterFix(wrong, language, findings[0]), idiom.text(200, 'patch'), idiom.name);
      assert.deepEqual(check(idiom.text(200, 'patch'), language, {}, team), [], idiom.name);
    }
  });

  test('a NestJS @Patch() without @HttpCode answers 200 by default, which the team documents', () => {
    const text = `import { Controller, Patch } from '@nestjs/common';\n\n@Controller('orders')\nexport class OrdersController {\n  @Patch(':id')\n  update() {}\n}\n`;
    assert.deepEqual(check(text, 'typescript', {}, team), []);
  });
});

describe('undocumented-code', () => {
  test('418 and 429 in TypeScript, with exact messages and only the disable fix', () => {
    const text = `app.get('/tea', (req, res) => res.status(418).end());\napp.get('/busy', (req, res) => res.status(429).end());\n`;
    const findings = check(text);
    assert.deepEqual(describeFindings(text, findings), [
      `undocumented-code "418" 418 I'm a Teapot is not documented in the status-code table.`,
      'undocumented-code "429" 429 Too Many Requests is not documented in the status-code table.',
    ]);
    assert.deepEqual(
      findings.map((finding) => finding.severity),
      ['warning', 'warning'],
    );
    assert.deepEqual(
      fixesOf(findings[1]).map((fix) => fix.title),
      ['Disable undocumented-code for this line'],
    );
  });

  test('an undocumented code is flagged whether or not the method is known', () => {
    const text = `function busy(res) {\n  res.status(429).end();\n}\n`;
    assert.deepEqual(describeFindings(text, check(text)), ['undocumented-code "429" 429 Too Many Requests is not documented in the status-code table.']);
  });

  test('a constant that answers is flagged; a constant merely referenced is not', () => {
    const text = [
      `import { HttpStatus } from '@nestjs/common';`,
      `const codes = [HttpStatus.TOO_MANY_REQUESTS];`,
      `const retryable = (status: number) => status === HttpStatus.SERVICE_UNAVAILABLE;`,
      `app.get('/busy', (req, res) => res.status(HttpStatus.TOO_MANY_REQUESTS).end());`,
    ].join('\n');
    const sites = analyzeDocument(text, 'typescript').sites;
    assert.equal(sites.find((site) => text.slice(site.start).startsWith('HttpStatus.TOO_MANY_REQUESTS]'))?.role, 'reference');
    assert.deepEqual(describeFindings(text, check(text)), [
      'undocumented-code "HttpStatus.TOO_MANY_REQUESTS" 429 Too Many Requests is not documented in the status-code table.',
    ]);
    assert.equal(check(text)[0].start, text.lastIndexOf('HttpStatus.TOO_MANY_REQUESTS'));
  });

  test('418, 429 in YAML (OpenAPI and a test mapping), and 202 under POST once', () => {
    const text = [
      'openapi: 3.0.3',
      'paths:',
      '  /jobs:',
      '    post:',
      '      responses:',
      "        '202':",
      '          description: accepted',
      '        429:',
      '          description: slow down',
      '---',
      'tests:',
      '  - method: GET',
      '    url: /tea',
      '    status: 418',
      '',
    ].join('\n');
    assert.deepEqual(describeFindings(text, check(text, 'yaml')), [
      `wrong-success-code "'202'" POST answers 201 Created in the documented table, not 202 Accepted, which the table does not document.`,
      'undocumented-code "429" 429 Too Many Requests is not documented in the status-code table.',
      `undocumented-code "418" 418 I'm a Teapot is not documented in the status-code table.`,
    ]);
  });

  test('a documented error code is not flagged', () => {
    const text = `app.get('/x', (req, res) => res.status(503).end());\nthrow new HttpException('gone', HttpStatus.NOT_FOUND);\n`;
    assert.deepEqual(check(text), []);
  });
});

describe('one problem per place: an undocumented 2xx under a judged method', () => {
  const ts = `app.post('/jobs', (req, res) => {\n  res.status(202).json(job);\n});\n`;
  const yaml = ['openapi: 3.0.3', 'paths:', '  /jobs:', '    post:', '      responses:', "        '202':", '          description: queued', ''].join('\n');
  const tavern = ['stages:', '  - request:', '      method: POST', '    response:', '      status_code: 202', ''].join('\n');

  for (const [name, text, language, written] of [
    ['TypeScript', ts, 'typescript', '202'],
    ['OpenAPI', yaml, 'yaml', "'202'"],
    ['a YAML test', tavern, 'yaml', '202'],
  ] as const) {
    test(`${name}: one wrong-success-code finding that says the code is undocumented too`, () => {
      const findings = check(text, language);
      assert.deepEqual(describeFindings(text, findings), [
        `wrong-success-code ${JSON.stringify(written)} POST answers 201 Created in the documented table, not 202 Accepted, which the table does not document.`,
      ]);
      assert.equal(findings[0].severity, 'error');
      assert.equal(findings[0].expected, 201);
    });

    test(`${name}: the change to 201 is offered on request, says it changes behaviour, and is never applied by fix-all`, () => {
      const [finding] = check(text, language);
      assert.equal(finding.fixable, false);
      const fixes = fixesOf(finding);
      assert.deepEqual(
        fixes.map((fix) => [fix.title, fix.safe]),
        [
          [`Change 202 to ${written.replace('202', '201')} (documented for POST; changes what clients receive)`, false],
          ['Disable wrong-success-code for this line', false],
        ],
      );
      assert.ok(afterFix(text, language, finding).includes(written.replace('202', '201')));
      assert.deepEqual(fixAllEdits(new SourceDocument(text, language), [finding]), []);
    });
  }

  test('wrong-success-code off: undocumented-code reports the code instead', () => {
    const findings = check(ts, 'typescript', { severities: { 'wrong-success-code': 'off' } });
    assert.deepEqual(describeFindings(ts, findings), ['undocumented-code "202" 202 Accepted is not documented in the status-code table.']);
  });

  test('undocumented-code off: the wrong-success-code finding stays', () => {
    const findings = check(yaml, 'yaml', { severities: { 'undocumented-code': 'off' } });
    assert.deepEqual(
      findings.map((finding) => finding.rule),
      ['wrong-success-code'],
    );
  });

  test("where the method is not judged (PATCH) or not known, the undocumented 2xx is undocumented-code's", () => {
    const text = `app.patch('/jobs/:id', (req, res) => res.status(202).end());\nfunction later(res) {\n  res.status(202).end();\n}\n`;
    assert.deepEqual(describeFindings(text, check(text)), [
      'undocumented-code "202" 202 Accepted is not documented in the status-code table.',
      'undocumented-code "202" 202 Accepted is not documented in the status-code table.',
    ]);
  });

  test('a documented 2xx of another method keeps its safe fix (200 under POST)', () => {
    const [finding] = check(`app.post('/orders', (req, res) => res.status(200).json(order));`);
    assert.equal(finding.fixable, true);
    assert.deepEqual(
      fixesOf(finding).map((fix) => [fix.title, fix.safe]),
      [
        ['Change to 201 (documented for POST)', true],
        ['Disable wrong-success-code for this line', false],
      ],
    );
  });

  test('in Simplified Chinese', () => {
    const [finding] = check(ts, 'typescript', { lang: 'zh-cn' });
    assert.equal(finding.message, '文档状态码表规定 POST 操作正常返回 201 Created，而不是 202 Accepted（状态码表中没有记录该状态码）。');
    assert.equal(fixesOf(finding)[0].title, '将 202 改为 201（文档规定的 POST 返回码；会改变客户端收到的响应）');
  });
});

describe('implicit-success-code (NestJS framework defaults)', () => {
  const controller = (body: string, imports = 'Controller, Delete, Get, HttpCode, Post, Put, Res') =>
    `import { ${imports} } from '@nestjs/common';\n\n@Controller('orders')\nexport class OrdersController {\n${body}}\n`;

  test('@Delete() without @HttpCode is flagged on the decorator', () => {
    const text = controller(`  @Delete(':id')\n  remove() {}\n`);
    const findings = check(text);
    assert.deepEqual(describeFindings(text, findings), [
      `implicit-success-code "@Delete(':id')" NestJS answers DELETE with 200 OK by default; the documented table gives DELETE 204 No Content.`,
    ]);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].start, text.indexOf(`@Delete(':id')`));
    assert.equal(findings[0].end, text.indexOf(`@Delete(':id')`) + `@Delete(':id')`.length);
    assert.equal(findings[0].expected, 204);
  });

  test('@Post() without @HttpCode is not flagged (201 is the default and the documented code)', () => {
    assert.deepEqual(check(controller(`  @Post()\n  create() {}\n`)), []);
  });

  test('@Get() and @Put() are not flagged (200 by default and documented)', () => {
    assert.deepEqual(check(controller(`  @Get()\n  list() {}\n\n  @Put(':id')\n  update() {}\n`)), []);
  });

  test('@Delete() with @HttpCode(204) is not flagged', () => {
    assert.deepEqual(check(controller(`  @Delete(':id')\n  @HttpCode(204)\n  remove() {}\n`)), []);
  });

  test('a @Delete() handler that takes @Res() sets its own status and is not flagged', () => {
    assert.deepEqual(check(controller(`  @Delete(':id')\n  remove(@Res() res) {\n    res.status(204).send();\n  }\n`)), []);
  });

  test('a team table that gives POST 200 flags a bare @Post() the other way round', () => {
    const loaded = loadTable('/team/status.md', '| Code | Meaning |\n|---|---|\n| 200 | GET和POST操作正常返回。 |\n');
    assert.ok(loaded.ok);
    const text = controller(`  @Post()\n  create() {}\n`);
    assert.deepEqual(
      check(text, 'typescript', {}, loaded.table).map((finding) => finding.message),
      ['NestJS answers POST with 201 Created by default; the documented table gives POST 200 OK.'],
    );
  });
});

describe('severities', () => {
  const text = [
    `import { Controller, Delete } from '@nestjs/common';`,
    `app.post('/a', (req, res) => res.status(200).json(a));`,
    `app.get('/b', (req, res) => res.status(429).end());`,
    `@Controller('c')`,
    `export class C {`,
    `  @Delete(':id')`,
    `  remove() {}`,
    `}`,
  ].join('\n');

  test('defaults: wrong-success-code error, undocumented-code warning, implicit-success-code warning', () => {
    assert.deepEqual(
      check(text).map((finding) => [finding.rule, finding.severity]),
      [
        ['wrong-success-code', 'error'],
        ['undocumented-code', 'warning'],
        ['implicit-success-code', 'warning'],
      ],
    );
  });

  test("'off' drops the rule's findings", () => {
    assert.deepEqual(
      check(text, 'typescript', { severities: { 'undocumented-code': 'off' } }).map((finding) => finding.rule),
      ['wrong-success-code', 'implicit-success-code'],
    );
  });

  test("'information' and 'hint' change the finding's severity; rules left out keep their default", () => {
    const findings = check(text, 'typescript', { severities: { 'wrong-success-code': 'information', 'implicit-success-code': 'hint' } });
    assert.deepEqual(
      findings.map((finding) => [finding.rule, finding.severity]),
      [
        ['wrong-success-code', 'information'],
        ['undocumented-code', 'warning'],
        ['implicit-success-code', 'hint'],
      ],
    );
  });

  test('everything off: nothing', () => {
    const off = Object.fromEntries(RULE_IDS.map((id) => [id, 'off' as const]));
    assert.notDeepEqual(check(text), [], 'the text has findings to turn off');
    assert.deepEqual(check(text, 'typescript', { severities: off }), []);
  });
});

describe('messages in Simplified Chinese', () => {
  const options = { lang: 'zh-cn' } as const;

  test('wrong-success-code', () => {
    const [finding] = check(`app.post('/orders', (req, res) => res.status(200).json(order));`, 'typescript', options);
    assert.equal(finding.message, '文档状态码表规定 POST 操作正常返回 201 Created，而不是 200 OK。');
    assert.deepEqual(
      fixesOf(finding).map((fix) => fix.title),
      ['改为 201（文档规定的 POST 返回码）', '在此行禁用 statusdoc 规则 wrong-success-code'],
    );
  });

  test('undocumented-code', () => {
    const [finding] = check(`res.status(429).end();`, 'typescript', options);
    assert.equal(finding.message, '状态码表中没有记录 429 Too Many Requests。');
  });

  test('implicit-success-code', () => {
    const text = `@Controller('orders')\nexport class OrdersController {\n  @Delete(':id')\n  remove() {}\n}\n`;
    const [finding] = check(text, 'typescript', options);
    assert.equal(finding.message, 'NestJS 默认以 200 OK 响应 DELETE，而文档状态码表规定 DELETE 操作正常返回 204 No Content。');
    assert.equal(fixesOf(finding)[0].title, '添加 @HttpCode(HttpStatus.NO_CONTENT)');
  });
});

describe('documents with nothing to check', () => {
  test('no sites, no findings; broken text does not throw', () => {
    assert.deepEqual(check('const x = 1;\nsetTimeout(f, 200);\n'), []);
    // Half-typed: the site is still found and judged.
    assert.deepEqual(
      check(`app.post('/x', (req, res) => { res.status(200`).map((finding) => finding.message),
      ['POST answers 201 Created in the documented table, not 200 OK.'],
    );
    assert.deepEqual(check('paths: [\n  {', 'yaml'), []);
  });
});
