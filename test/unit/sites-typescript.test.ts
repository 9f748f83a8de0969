/** Site finding in TypeScript / JavaScript: which numbers and constants are status codes, and which method is in force. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { constants as http2Constants } from 'node:http2';
import { analyzeDocument, findSites } from '../../server/src/core/sites';
import { codeOfConstant } from '../../server/src/core/sites/constants';
import { describeSite, sitesIn } from './helpers';

describe('Express', () => {
  test('res.status(n) in a route callback takes the route method', () => {
    const text = `router.post('/orders', async (req, res) => {\n  res.status(201).json(order);\n});`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/route response']);
  });

  test('res.sendStatus(n)', () => {
    const text = `router.delete('/orders/:id', async (req, res) => {\n  res.sendStatus(204);\n});`;
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/route response']);
  });

  test('res.statusCode = n', () => {
    const text = `app.put('/orders/:id', function (req, res) {\n  res.statusCode = 409;\n  res.end();\n});`;
    assert.deepEqual(sitesIn(text), ['409@409 PUT/route response']);
  });

  test('every status in a handler, in document order', () => {
    const text = [
      `router.get('/orders/:id', async (req, res) => {`,
      `  if (!order) return res.status(404).json({ error: 'nope' });`,
      `  res.status(200).json(order);`,
      `});`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['404@404 GET/route response', '200@200 GET/route response']);
  });

  test('the method offset points at the route call name', () => {
    const text = `app.post('/x', (req, res) => res.status(201));`;
    const [site] = findSites(text, 'typescript');
    assert.deepEqual(site.method, { name: 'POST', source: 'route', at: text.indexOf('post') });
    assert.deepEqual(site.form, { kind: 'literal' });
    assert.equal(site.role, 'response');
    assert.equal(text.slice(site.start, site.end), '201');
  });

  test('router.route(path).get(...).post(...) gives each handler its own method', () => {
    const text = `router.route('/orders')\n  .get((req, res) => { res.status(200).json(all); })\n  .post((req, res) => { res.status(201).json(one); });`;
    assert.deepEqual(sitesIn(text), ['200@200 GET/route response', '201@201 POST/route response']);
  });

  test('res.redirect(301, url) and next(createError(404))', () => {
    const text = `app.get('/old', (req, res) => res.redirect(301, '/new'));\napp.get('/x', (req, res, next) => next(createError(404)));`;
    assert.deepEqual(sitesIn(text), ['301@301 GET/route response', '404@404 GET/route response']);
  });

  test('node:http res.writeHead(n, headers) outside any route has no method', () => {
    const text = `http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end(); });`;
    assert.deepEqual(sitesIn(text), ['200@200 - response']);
  });
});

describe('handler resolution', () => {
  test('a handler passed by name gets the route method', () => {
    const text = [`async function create(req, res) {`, `  res.status(201).json(await orders.create(req.body));`, `}`, `app.post('/orders', create);`].join(
      '\n',
    );
    assert.deepEqual(sitesIn(text), ['201@201 POST/route response']);
  });

  test('a handler passed by name after middleware, and as a member (controller.remove)', () => {
    const text = [
      `const remove = async (req, res) => { res.sendStatus(204); };`,
      `app.delete('/orders/:id', auth, remove);`,
      `const controller = { update(req, res) { res.status(200).end(); } };`,
      `app.put('/orders/:id', controller.update);`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/route response', '200@200 PUT/route response']);
  });

  test('nested callbacks inside a route still get the route method', () => {
    const text = [
      `app.post('/orders', (req, res) => {`,
      `  store.save(req.body).then((order) => {`,
      `    setTimeout(() => res.status(201).json(order), 10);`,
      `  }).catch(() => { res.status(503).end(); });`,
      `});`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['201@201 POST/route response', '503@503 POST/route response']);
  });

  test('a callback nested in a route-looking call (db.get, client.get) keeps the outer route method', () => {
    const text = [
      `app.post('/orders', (req, res) => {`,
      `  db.get('SELECT * FROM orders WHERE id = ?', [id], (err, row) => {`,
      `    if (err) return res.status(500).end();`,
      `    res.status(201).json(row);`,
      `  });`,
      `});`,
      `app.delete('/orders/:id', (req, res) => {`,
      `  client.get(key, (err, value) => { res.sendStatus(204); });`,
      `});`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['500@500 POST/route response', '201@201 POST/route response', '204@204 DELETE/route response']);
  });

  test('a status outside any handler has no method', () => {
    assert.deepEqual(sitesIn(`function fail(res) { res.status(500).end(); }`), ['500@500 - response']);
  });
});

describe('Fastify', () => {
  test('reply.code(n) and reply.status(n)', () => {
    const text = [
      `fastify.post('/orders', async (request, reply) => { reply.code(201).send(order); });`,
      `fastify.delete('/orders/:id', async (request, reply) => { return reply.status(204).send(); });`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['201@201 POST/route response', '204@204 DELETE/route response']);
  });

  test("fastify.route({ method: 'POST', handler(req, reply) {...} })", () => {
    const text = `fastify.route({\n  method: 'POST',\n  url: '/orders',\n  handler(req, reply) {\n    reply.code(201).send({});\n  },\n});`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/route-object response']);
    const [site] = findSites(text, 'typescript');
    assert.equal(site.method?.at, text.indexOf("'POST'"));
  });

  test("fastify.route({ method: ['DELETE'], handler: async (req, reply) => ... })", () => {
    const text = `fastify.route({ method: ['DELETE'], url: '/orders/:id', handler: async (req, reply) => { reply.code(204); } });`;
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/route-object response']);
  });

  test('a route object with several methods names none', () => {
    const text = `fastify.route({ method: ['GET', 'HEAD'], url: '/x', handler: async (req, reply) => { reply.code(200); } });`;
    assert.deepEqual(sitesIn(text), ['200@200 - response']);
  });

  test('app.inject({ method }) then expect(res.statusCode)', () => {
    const text = `const res = await app.inject({ method: 'POST', url: '/orders' });\nexpect(res.statusCode).toBe(201);`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/request-builder expectation']);
  });
});

describe('Koa', () => {
  test('ctx.status = n', () => {
    const text = `router.post('/orders', async (ctx) => {\n  ctx.status = 201;\n  ctx.body = order;\n});`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/route response']);
  });

  test('ctx.throw(404)', () => {
    const text = `router.get('/orders/:id', async (ctx) => {\n  if (!order) ctx.throw(404, 'no such order');\n});`;
    assert.deepEqual(sitesIn(text), ['404@404 GET/route response']);
  });
});

describe('Hono', () => {
  test('c.json / c.text / c.body with a status, and c.status(n)', () => {
    const text = [
      `app.post('/orders', (c) => c.json(order, 201));`,
      `app.get('/hello', (c) => c.text('hi', 200));`,
      `app.delete('/orders/:id', (c) => c.body(null, 204));`,
      `app.put('/orders/:id', (c) => { c.status(200); return c.json(order); });`,
      `app.get('/page', (c) => c.html('<p/>', 404, { 'x-a': 'b' }));`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), [
      '201@201 POST/route response',
      '200@200 GET/route response',
      '204@204 DELETE/route response',
      '200@200 PUT/route response',
      '404@404 GET/route response',
    ]);
  });

  test('c.json(x) without a status is no site', () => {
    assert.deepEqual(sitesIn(`app.get('/x', (c) => c.json({ ok: true }));`), []);
  });
});

describe('NestJS', () => {
  test('@HttpCode(n) with @Post() / @Delete(), HttpException and HttpStatus', () => {
    const text = [
      `@Controller('orders')`,
      `export class OrdersController {`,
      `  @Post()`,
      `  @HttpCode(201)`,
      `  create(@Body() dto: CreateOrderDto) {`,
      `    if (!dto.items.length) throw new HttpException('no items', HttpStatus.BAD_REQUEST);`,
      `  }`,
      ``,
      `  @Delete(':id')`,
      `  @HttpCode(HttpStatus.NO_CONTENT)`,
      `  remove(@Param('id') id: string) {`,
      `    throw new HttpException('gone', 404);`,
      `  }`,
      `}`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), [
      '201@201 POST/decorator response',
      '400@HttpStatus.BAD_REQUEST POST/decorator response',
      '204@HttpStatus.NO_CONTENT DELETE/decorator response',
      '404@404 DELETE/decorator response',
    ]);
  });

  test('the decorator method offset points at the decorator', () => {
    const text = `class C {\n  @Get(':id')\n  find() { throw new HttpException('x', 404); }\n}`;
    const [site] = findSites(text, 'typescript');
    assert.deepEqual(site.method, { name: 'GET', source: 'decorator', at: text.indexOf('@Get') });
  });

  test('HttpStatus.X at a site has the constant form', () => {
    const text = `class C {\n  @Post()\n  @HttpCode(HttpStatus.CREATED)\n  create() {}\n}`;
    const [site] = findSites(text, 'typescript');
    assert.deepEqual(site.form, { kind: 'constant', library: 'nestjs', text: 'HttpStatus.CREATED' });
    assert.equal(site.code, 201);
  });
});

describe('fetch Response classes and Next.js route handlers', () => {
  test('export async function POST() with NextResponse.json(x, { status })', () => {
    const text = `export async function POST(request: Request) {\n  return NextResponse.json(order, { status: 201 });\n}`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/export response']);
    const [site] = findSites(text, 'typescript');
    assert.equal(site.method?.at, text.indexOf('POST'));
  });

  test('export const DELETE = async () => new Response(null, { status: 204 })', () => {
    const text = `export const DELETE = async () => new Response(null, { status: 204 });`;
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/export response']);
  });

  test('Response.json(x, { status }) in export function GET', () => {
    const text = `export function GET() {\n  return Response.json(orders, { status: 200 });\n}`;
    assert.deepEqual(sitesIn(text), ['200@200 GET/export response']);
  });

  test('a non-exported or lower-case POST names no method', () => {
    const text = `async function POST() { return new Response(null, { status: 201 }); }\nexport async function post() { return new Response(null, { status: 201 }); }`;
    assert.deepEqual(sitesIn(text), ['201@201 - response', '201@201 - response']);
  });

  test('{ statusCode } in a Lambda result and { method, status } in a route table', () => {
    const text = `export const handler = async () => ({ statusCode: 201, body: '' });\nconst routes = [{ method: 'DELETE', path: '/x', status: 204 }];`;
    assert.deepEqual(sitesIn(text), ['201@201 - response', '204@204 DELETE/route-object response']);
  });
});

describe('mocks', () => {
  test("msw http.post('/x', () => HttpResponse.json(x, { status }))", () => {
    const text = `export const handlers = [\n  http.post('/orders', () => HttpResponse.json(order, { status: 201 })),\n  http.delete('/orders/:id', () => new HttpResponse(null, { status: 204 })),\n];`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/route mock', '204@204 DELETE/route mock']);
  });

  test('nock(base).post(path).reply(201, body)', () => {
    const text = `nock('https://api.example.com').post('/orders').reply(201, { id: 1 });`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/request-builder mock']);
  });

  test("nock(base).intercept(path, 'PATCH').reply(200)", () => {
    assert.deepEqual(sitesIn(`nock(base).intercept('/orders/1', 'PATCH').reply(200);`), ['200@200 PATCH/request-builder mock']);
  });
});

describe('expectations', () => {
  test('supertest request(app).post(path).send(b).expect(201)', () => {
    const text = `await request(app).post('/orders').send({ items: ['book'] }).expect('Content-Type', /json/).expect(201);`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/request-builder expectation']);
  });

  test('a bare comparison res.status === n has no method', () => {
    assert.deepEqual(sitesIn(`if (res.status === 404) return null;\nif (200 !== response.statusCode) throw err;`), [
      '404@404 - expectation',
      '200@200 - expectation',
    ]);
  });

  test('expect(res.status).toBe(n) traces res to request(app).delete(path)', () => {
    const text = `it('cancels', async () => {\n  const res = await request(app).delete('/orders/1');\n  expect(res.status).toBe(204);\n});`;
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/request-builder expectation']);
  });

  test("fetch(url, { method: 'DELETE' }) then expect(res.status).toBe(204)", () => {
    const text = `const res = await fetch(url, { method: 'DELETE' });\nexpect(res.status).toBe(204);`;
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/request-builder expectation']);
    const [site] = findSites(text, 'typescript');
    assert.equal(site.method?.at, text.indexOf("'DELETE'"));
  });

  test('fetch without init is GET', () => {
    const text = `const res = await fetch(url);\nexpect(res.status).toEqual(200);`;
    assert.deepEqual(sitesIn(text), ['200@200 GET/request-builder expectation']);
  });

  test('fetch with an init whose method cannot be read names no method', () => {
    const text = [
      `const a = await fetch(url, { method: verb });`,
      `expect(a.status).toBe(200);`,
      `const b = await fetch(url, { ...defaults, body });`,
      `expect(b.status).toBe(201);`,
      `const c = await fetch(url, init);`,
      `expect(c.status).toBe(204);`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['200@200 - expectation', '201@201 - expectation', '204@204 - expectation']);
  });

  test('assert.equal(res.status, 201) either way round', () => {
    const text = `const res = await request(app).post('/orders');\nassert.equal(res.status, 201);\nassert.strictEqual(201, res.status);`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/request-builder expectation', '201@201 POST/request-builder expectation']);
  });

  test('chai expect(res).to.have.status(201)', () => {
    const text = `const res = await chai.request(app).post('/orders').send(body);\nexpect(res).to.have.status(201);`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/request-builder expectation']);
  });

  test('should: res.status.should.equal(200)', () => {
    const text = `const res = await request(app).put('/orders/1');\nres.status.should.equal(200);`;
    assert.deepEqual(sitesIn(text), ['200@200 PUT/request-builder expectation']);
  });

  test('switch (res.status) { case n: }', () => {
    const text = `const res = await fetch(url);\nswitch (res.status) {\n  case 404: return null;\n  case 200: return res.json();\n}`;
    assert.deepEqual(sitesIn(text), ['404@404 GET/request-builder expectation', '200@200 GET/request-builder expectation']);
  });

  test('const { status } = await request(app).post(path); expect(status).toBe(201)', () => {
    const text = `const { status } = await request(app).post('/orders');\nexpect(status).toBe(201);`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/request-builder expectation']);
  });

  test('axios.post(...) and axios({ method })', () => {
    const text = [
      `const res = await axios.post(url, body);`,
      `expect(res.status).toBe(201);`,
      `const r2 = await axios({ method: 'delete', url });`,
      `expect(r2.status).toStrictEqual(204);`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['201@201 POST/request-builder expectation', '204@204 DELETE/request-builder expectation']);
  });

  test('an expectation on something other than a status is no site', () => {
    const text = `expect(items.length).toBe(200);\nexpect(res.body.total).toEqual(404);\nassert.equal(count, 201);`;
    assert.deepEqual(sitesIn(text), []);
  });
});

describe('named constants', () => {
  test('every library at a status position', () => {
    const text = [
      `import { StatusCodes } from 'http-status-codes';`,
      `import status from 'http-status';`,
      `const httpStatus = require('http-status');`,
      `app.post('/a', (req, res) => res.status(StatusCodes.CREATED).end());`,
      `app.get('/b', (req, res) => res.status(status.NOT_FOUND).end());`,
      `app.get('/c', (req, res) => res.status(httpStatus.SERVICE_UNAVAILABLE).end());`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), [
      '201@StatusCodes.CREATED POST/route response',
      '404@status.NOT_FOUND GET/route response',
      '503@httpStatus.SERVICE_UNAVAILABLE GET/route response',
    ]);
    assert.deepEqual(
      findSites(text, 'typescript').map((site) => site.form),
      [
        { kind: 'constant', library: 'http-status-codes', text: 'StatusCodes.CREATED' },
        { kind: 'constant', library: 'http-status', text: 'status.NOT_FOUND' },
        { kind: 'constant', library: 'http-status', text: 'httpStatus.SERVICE_UNAVAILABLE' },
      ],
    );
  });

  test('node:http2 constants.X, http2.constants.X and a bare destructured name, each once', () => {
    const text = [
      `import http2, { constants } from 'node:http2';`,
      `const { HTTP_STATUS_NO_CONTENT } = http2.constants;`,
      `app.post('/a', (req, res) => res.status(constants.HTTP_STATUS_CREATED).end());`,
      `app.delete('/b', (req, res) => res.status(http2.constants.HTTP_STATUS_NO_CONTENT).end());`,
      `app.delete('/c', (req, res) => res.sendStatus(HTTP_STATUS_NO_CONTENT));`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), [
      // The destructuring names the constant too: a reference (hover shows 204 there).
      '204@HTTP_STATUS_NO_CONTENT - reference',
      '201@constants.HTTP_STATUS_CREATED POST/route response',
      '204@http2.constants.HTTP_STATUS_NO_CONTENT DELETE/route response',
      '204@HTTP_STATUS_NO_CONTENT DELETE/route response',
    ]);
    assert.deepEqual(
      findSites(text, 'typescript').map((site) => site.form),
      [
        { kind: 'constant', library: 'node', text: 'HTTP_STATUS_NO_CONTENT' },
        { kind: 'constant', library: 'node', text: 'constants.HTTP_STATUS_CREATED' },
        { kind: 'constant', library: 'node', text: 'http2.constants.HTTP_STATUS_NO_CONTENT' },
        { kind: 'constant', library: 'node', text: 'HTTP_STATUS_NO_CONTENT' },
      ],
    );
  });

  test('standalone constants are references, once each', () => {
    const text = [
      `export const OK = HttpStatus.OK;`,
      `const notFound = StatusCodes.NOT_FOUND;`,
      `const ok = constants.HTTP_STATUS_OK;`,
      `const gone = http2.constants.HTTP_STATUS_NO_CONTENT;`,
      `const aliased = h2c.HTTP_STATUS_ACCEPTED;`,
      `const codes = [HttpStatus.UNPROCESSABLE_ENTITY, StatusCodes.IM_A_TEAPOT, HTTP_STATUS_BAD_GATEWAY];`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), [
      '200@HttpStatus.OK - reference',
      '404@StatusCodes.NOT_FOUND - reference',
      '200@constants.HTTP_STATUS_OK - reference',
      '204@http2.constants.HTTP_STATUS_NO_CONTENT - reference',
      '202@h2c.HTTP_STATUS_ACCEPTED - reference',
      '422@HttpStatus.UNPROCESSABLE_ENTITY - reference',
      '418@StatusCodes.IM_A_TEAPOT - reference',
      '502@HTTP_STATUS_BAD_GATEWAY - reference',
    ]);
  });

  test('a { status } object holding a node constant is one site', () => {
    const text = `export const handler = async () => ({ statusCode: constants.HTTP_STATUS_CREATED });`;
    assert.deepEqual(sitesIn(text), ['201@constants.HTTP_STATUS_CREATED - response']);
  });

  test('unknown names and receivers are no site', () => {
    const text = `const a = HttpStatus.NOPE;\nconst b = constants.OK;\nconst c = Status.OK;\nconst d = OK;\nconst e = StatusCodes;`;
    assert.deepEqual(sitesIn(text), []);
  });

  test("codeOfConstant agrees with node:http2's HTTP_STATUS_* constants at runtime", () => {
    const checked: string[] = [];
    for (const [key, value] of Object.entries(http2Constants)) {
      if (!key.startsWith('HTTP_STATUS_')) continue;
      checked.push(key);
      assert.deepEqual(codeOfConstant('constants', key), { code: value, library: 'node' }, key);
      assert.deepEqual(codeOfConstant('http2.constants', key), { code: value, library: 'node' }, key);
      assert.deepEqual(codeOfConstant(undefined, key), { code: value, library: 'node' }, key);
    }
    assert.ok(checked.length > 50, `only ${checked.length} HTTP_STATUS_ constants found`);
  });

  test('codeOfConstant knows the library spellings that differ from reason phrases', () => {
    const cases: [string, string, number][] = [
      ['HttpStatus', 'EARLYHINTS', 103],
      ['HttpStatus', 'AMBIGUOUS', 300],
      ['HttpStatus', 'PAYLOAD_TOO_LARGE', 413],
      ['HttpStatus', 'I_AM_A_TEAPOT', 418],
      ['HttpStatus', 'MISDIRECTED', 421],
      ['HttpStatus', 'UNPROCESSABLE_ENTITY', 422],
      ['StatusCodes', 'MOVED_TEMPORARILY', 302],
      ['StatusCodes', 'REQUEST_TOO_LONG', 413],
      ['StatusCodes', 'REQUEST_URI_TOO_LONG', 414],
      ['StatusCodes', 'REQUESTED_RANGE_NOT_SATISFIABLE', 416],
      ['StatusCodes', 'IM_A_TEAPOT', 418],
      ['StatusCodes', 'NON_AUTHORITATIVE_INFORMATION', 203],
      ['status', 'MULTI_STATUS', 207],
    ];
    for (const [receiver, name, code] of cases) assert.equal(codeOfConstant(receiver, name)?.code, code, `${receiver}.${name}`);
    assert.equal(codeOfConstant(undefined, 'OK'), undefined);
    assert.equal(codeOfConstant('constants', 'OK'), undefined);
  });
});

describe('languages', () => {
  test('TSX', () => {
    const text = [
      `export function OrderPage({ res }: { res: Response }) {`,
      `  return <div>{res.status === 404 ? <NotFound /> : <Order id={1} />}</div>;`,
      `}`,
      `export async function POST() { return NextResponse.json({}, { status: 201 }); }`,
    ].join('\n');
    assert.deepEqual(sitesIn(text, 'tsx'), ['404@404 - expectation', '201@201 POST/export response']);
  });

  test('JSX', () => {
    const text = `app.get('/', (req, res) => res.status(200).send(renderToString(<App title="x" />)));`;
    assert.deepEqual(sitesIn(text, 'jsx'), ['200@200 GET/route response']);
  });

  test('JavaScript', () => {
    const text = `const express = require('express');\napp.post('/orders', function (req, res) { res.status(201).end(); });`;
    assert.deepEqual(sitesIn(text, 'javascript'), ['201@201 POST/route response']);
  });

  test('TypeScript type syntax around a site', () => {
    const text = `app.post('/x', (req: Request, res: Response<Order>) => { res.status(201 as const).json(order!); });`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/route response']);
  });
});

describe('half-typed code never throws and yields what it can', () => {
  test('an unterminated res.status(201', () => {
    assert.deepEqual(sitesIn(`app.post('/x', (req, res) => { res.status(201`), ['201@201 POST/route response']);
  });

  test('an unterminated expectation after a complete one', () => {
    const text = `it('x', async () => {\n  const res = await request(app).post('/x').expect(201)\n  expect(res.status).toBe(`;
    assert.deepEqual(sitesIn(text), ['201@201 POST/request-builder expectation']);
  });

  test('an unterminated route object', () => {
    const text = `fastify.route({ method: 'DELETE', handler(req, reply) { reply.code(204)`;
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/route-object response']);
  });

  test('garbage, empty text and unterminated strings: read without an exception, with the sites that are there', () => {
    const texts = [
      ``,
      `}}}{{{ ((( res.status(404 ]]] <<<>>> '`,
      `app.delete('/x, (req, res) => res.sendStatus(204)`,
      'app.get(`/x, (req, res) => res.status(200))',
      `@Controller()\nclass C {\n  @Post()\n  @HttpCode(`,
      `const { status } = await request(app).post(`,
      `switch (res.status) { case`,
      `expect(res).to.have.status(`,
    ];
    // Half-typed code around a finished statement: the finished part is read.
    const halfTyped = `app.post('/x', (req, res) => {\n  res.status(200).json({ ok: true });\n  res.status(`;
    for (const language of ['typescript', 'tsx', 'javascript', 'jsx'] as const) {
      for (const text of texts) {
        const facts = analyzeDocument(text, language);
        // Nothing caught: an adapter that threw would leave its failure here (and no sites).
        assert.equal(facts.failure, undefined, `${language}: ${text}`);
        assert.deepEqual(facts.sites, [], `${language}: ${text}`);
      }
      const facts = analyzeDocument(halfTyped, language);
      assert.equal(facts.failure, undefined, language);
      assert.deepEqual(
        facts.sites.map((site) => describeSite(halfTyped, site)),
        ['200@200 POST/route response'],
        language,
      );
    }
  });
});

describe('numbers that are not status codes', () => {
  const negatives: [string, string][] = [
    ['a timer delay', `setTimeout(flush, 200);`],
    ['an array of numbers', `const widths = [200, 201];`],
    ['new Array(n)', `const buffer = new Array(200);`],
    ['a number outside the status range', `x.status(42);`],
    ['four digits', `res.status(2000);`],
    ['Math.max', `Math.max(404, 500);`],
    ['a hex literal', `res.status(0x1F4);`],
    ['an exponent literal', `res.status(1e2);`],
    ['a fraction', `res.status(200.5);`],
    ['a separator literal', `res.status(2_01);`],
    ['a status passed with other arguments', `logger.status(200, 'ok');`],
    ['pdfkit text coordinates', `doc.text('Title', 100, 150);`],
    ['a plain object number', `const config = { timeout: 500, retries: 404 };`],
    ['a string status', `res.status('201');`],
    ['a status member that is not compared', `const code = res.status + 200;`],
  ];
  for (const [name, text] of negatives) {
    test(name, () => assert.deepEqual(sitesIn(text), []));
  }

  test('only the status in a mixed route counts', () => {
    const text = `router.post('/orders/:id/retry', (_req, res) => {\n  setTimeout(() => res.status(429).send('slow down'), 200);\n  return [200, 201];\n});`;
    assert.deepEqual(sitesIn(text), ['429@429 POST/route response']);
  });
});
