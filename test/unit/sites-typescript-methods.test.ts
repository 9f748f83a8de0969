/**
 * The method in force, learnt the ways real code says it: through wrapping calls, from promise-style test chains and
 * request helpers, Playwright's API testing and route mocks, a test of the request's method, Hono's app.on, and the
 * decorators of routing-controllers, tsoa and koa-swagger-decorator. Silent cases stay without a method.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText, sitesIn } from './helpers';

const lines = (...parts: string[]) => parts.join('\n');

describe('wrapped handlers', () => {
  test('an inline handler inside asyncHandler(...) takes the route method', () => {
    assert.deepEqual(sitesIn(`router.delete('/x', asyncHandler(async (req, res) => { res.status(200).end(); }));`), ['200@200 DELETE/route response']);
  });

  test('a handler registered wrapped by name: catchAsync(sendReset)', () => {
    const text = lines(`const sendReset = async (req, res) => { res.status(200).end(); };`, `router.post('/reset', catchAsync(sendReset));`);
    assert.deepEqual(sitesIn(text), ['200@200 POST/route response']);
  });

  test('wrap(controller.create) after middleware, the handler a wrapped property of the same file', () => {
    const text = lines(
      `const controller = { create: catchAsync(async (req, res) => { res.status(200).send(x); }) };`,
      `router.post('/x', auth(), validate(schema), wrap(controller.create));`,
    );
    assert.deepEqual(sitesIn(text), ['200@200 POST/route response']);
  });

  test('exports.remove = catchAsync(...) registered as controller.remove', () => {
    const text = lines(`exports.remove = catchAsync(async (req, res) => { res.status(200).send(); });`, `router.delete('/x', auth, userController.remove);`);
    assert.deepEqual(sitesIn(text), ['200@200 DELETE/route response']);
  });

  test('middleware arguments are not wrappers of the handler: validate(schema) lends nothing to schema', () => {
    const text = lines(`function schema(req, res) { res.status(200).end(); }`, `router.post('/x', validate(schema), create);`);
    assert.deepEqual(sitesIn(text), ['200@200 - response']);
  });

  test('a callback inside a handler still takes the handler method, not a route-like call around it', () => {
    assert.deepEqual(sitesIn(`app.post('/x', (req, res) => { db.get(sql, (err, row) => { res.status(200).end(); }); });`), ['200@200 POST/route response']);
  });
});

describe('promise-style test chains and request helpers', () => {
  test('.then((res) => expect(res.status).toBe(n))', () => {
    assert.deepEqual(sitesIn(`request(app).post('/x').then((res) => expect(res.status).toBe(200));`), ['200@200 POST/request-builder expectation']);
  });

  test('.end((err, res) => …): the second parameter is the response', () => {
    assert.deepEqual(sitesIn(`request(app).delete('/x').end((err, res) => { expect(res.status).toBe(200); });`), [
      '200@200 DELETE/request-builder expectation',
    ]);
    assert.deepEqual(sitesIn(`request(app).delete('/x').end((res) => { expect(res.status).toBe(200); });`), ['200@200 - expectation']);
  });

  test('a destructured parameter: .then(({ status }) => …)', () => {
    assert.deepEqual(sitesIn(`request(app).put('/x').then(({ status }) => assert.equal(status, 201));`), ['201@201 PUT/request-builder expectation']);
  });

  test('.then on fetch and axios promises: the request they answer', () => {
    assert.deepEqual(sitesIn(`fetch(url, { method: 'POST' }).then((res) => expect(res.status).toBe(200));`), ['200@200 POST/request-builder expectation']);
    assert.deepEqual(sitesIn(`axios.delete(url).then(({ status }) => expect(status).toBe(200));`), ['200@200 DELETE/request-builder expectation']);
  });

  test('a helper taking the method in an options object: injectWithLogin(user, { method: "POST", url })', () => {
    const text = lines(`const res = await injectWithLogin(user, { method: 'POST', url: '/x' });`, `expect(res.statusCode).toBe(200);`);
    assert.deepEqual(sitesIn(text), ['200@200 POST/request-builder expectation']);
  });

  test('a helper taking the method as an argument: api("POST", url), api("post", "/x")', () => {
    assert.deepEqual(sitesIn(lines(`const res = await api('POST', url);`, `expect(res.status).toBe(200);`)), ['200@200 POST/request-builder expectation']);
    assert.deepEqual(sitesIn(lines(`const res = await api('delete', '/x');`, `expect(res.status).toBe(200);`)), ['200@200 DELETE/request-builder expectation']);
  });

  test('a lower-case word that is not before a path is not a method', () => {
    assert.deepEqual(sitesIn(lines(`const res = await cache('post', key);`, `expect(res.status).toBe(200);`)), ['200@200 - expectation']);
  });
});

describe('Playwright', () => {
  test('API testing: request.post(url) then expect(res.status()).toBe(n)', () => {
    const text = `test('x', async ({ request }) => { const res = await request.post('/api/users', { data }); expect(res.status()).toBe(200); });`;
    assert.deepEqual(sitesIn(text), ['200@200 POST/request-builder expectation']);
  });

  test('a context from request.newContext(), and page.request', () => {
    assert.deepEqual(sitesIn(`const api = await request.newContext(); const res = await api.delete('/x'); expect(res.status()).toBe(200);`), [
      '200@200 DELETE/request-builder expectation',
    ]);
    assert.deepEqual(sitesIn(`const res = await page.request.put('/x', {}); expect(res.status()).toBe(201);`), ['201@201 PUT/request-builder expectation']);
  });

  test('route.fulfill({ status }) is a mock, with the method its handler tests', () => {
    const text = lines(
      `await page.route('**/api/todos', async (route) => {`,
      `  if (route.request().method() === 'POST') await route.fulfill({ status: 200, json: todo });`,
      `  else await route.fulfill({ status: 200, json: [] });`,
      `});`,
    );
    assert.deepEqual(sitesIn(text), ['200@200 POST/method-test mock', '200@200 - mock']);
  });
});

describe('a test of the method', () => {
  test('if / else if on req.method (Next.js pages-router API route); else knows no method', () => {
    const text = lines(
      `export default function handler(req, res) {`,
      `  if (req.method === 'POST') { res.status(200).json(x); }`,
      `  else if (req.method === 'DELETE') { res.status(200).end(); }`,
      `  else { res.status(405).end(); }`,
      `}`,
    );
    assert.deepEqual(sitesIn(text), ['200@200 POST/method-test response', '200@200 DELETE/method-test response', '405@405 - response']);
  });

  test('an early return on another method leaves the rest to this one', () => {
    const text = `export default function handler(req, res) { if (req.method !== 'POST') { return res.status(405).end(); } res.status(200).json(x); }`;
    assert.deepEqual(sitesIn(text), ['405@405 - response', '200@200 POST/method-test response']);
  });

  test('switch (req.method): each case, fall-through cases together, default unknown', () => {
    const text = `function h(req, res) { switch (req.method) { case 'PUT': case 'PATCH': res.status(201); break; case 'DELETE': res.status(200); break; default: res.status(200); } }`;
    assert.deepEqual(sitesIn(text), ['201@201 PUT/method-test response', '200@200 DELETE/method-test response', '200@200 - response']);
  });

  test('Lambda: event.httpMethod and event.requestContext.http.method', () => {
    const text = `export const handler = async (event) => { if (event.httpMethod === 'POST') return { statusCode: 200 }; if (event.requestContext.http.method === 'DELETE') return { statusCode: 200 }; return { statusCode: 200 }; };`;
    assert.deepEqual(sitesIn(text), ['200@200 POST/method-test response', '200@200 DELETE/method-test response', '200@200 - response']);
  });

  test('a test inside a route handler is innermost: it wins', () => {
    assert.deepEqual(sitesIn(`app.all('/x', (req, res) => { if (req.method === 'PUT') res.status(201).end(); });`), ['201@201 PUT/method-test response']);
  });

  test('several methods at once are judged only where the table agrees for all', () => {
    const agree = `function h(req, res) { if (req.method === 'GET' || req.method === 'PUT') res.status(201).end(); }`;
    assert.deepEqual(
      checkText(agree).map((f) => [f.rule, f.message]),
      [['wrong-success-code', 'GET/PUT answers 200 OK in the documented table, not 201 Created.']],
    );
    assert.deepEqual(checkText(`function h(req, res) { if (['PUT', 'DELETE'].includes(req.method)) res.status(201).end(); }`), []);
  });
});

describe('more routers', () => {
  test("Hono app.on('POST', path, h) and app.on([...], path, h)", () => {
    const text = lines(
      `app.on('POST', '/x', (c) => c.json(x, 200));`,
      `app.on(['PUT', 'DELETE'], '/y', (c) => c.json(x, 201));`,
      `emitter.on('delete', (c) => c.json(x, 201));`,
    );
    assert.deepEqual(sitesIn(text), ['200@200 POST/route response', '201@201 PUT/route response', '201@201 - response']);
    assert.deepEqual(
      checkText(text).map((f) => f.rule),
      ['wrong-success-code'],
    );
  });

  test('routing-controllers: @Post() @HttpCode(n), @OnUndefined(n), @OnNull(n); no NestJS default', () => {
    const text = lines(
      `import { Delete, Get, HttpCode, JsonController, OnNull, OnUndefined, Post } from 'routing-controllers';`,
      `@JsonController('/users')`,
      `class Users { @Post() @HttpCode(200) create() {} @Delete('/:id') @OnUndefined(200) remove() {} @Get('/:id') @OnNull(404) one() {} }`,
    );
    assert.deepEqual(sitesIn(text), ['200@200 POST/decorator response', '200@200 DELETE/decorator response', '404@404 GET/decorator response']);
  });

  test("tsoa: @SuccessResponse('201'), @Response(404), this.setStatus(n); no NestJS default", () => {
    const text = lines(
      `import { Controller, Post, Response, Route, SuccessResponse } from 'tsoa';`,
      `@Route('users')`,
      `class Users extends Controller { @Post() @SuccessResponse('200', 'Created') @Response<E>(422, 'bad') async create() { this.setStatus(200); return x; } }`,
    );
    assert.deepEqual(sitesIn(text), ["200@'200' POST/decorator response", '422@422 POST/decorator spec', '200@200 POST/decorator response']);
  });

  test("koa-swagger-decorator: @request('put', path) and the keys of @responses / @responsesAll", () => {
    const text = lines(
      `import { request, responses, responsesAll } from 'koa-swagger-decorator';`,
      `@responsesAll({ 200: { description: 'ok' }, 500: { description: 'error' } })`,
      `class Users { @request('put', '/users/{id}') @responses({ 201: { description: 'ok' } }) static async update(ctx) { ctx.status = 201; } }`,
    );
    assert.deepEqual(sitesIn(text), ['200@200 - spec', '500@500 - spec', '201@201 PUT/decorator spec', '201@201 PUT/decorator response']);
  });

  test('the same decorators without an import (or from @nestjs/common) keep the NestJS default', () => {
    assert.deepEqual(sitesIn(`class C { @Delete() remove() {} }`), ['200@@Delete() DELETE/decorator response']);
  });
});

describe('nested methods: the innermost certain one wins', () => {
  test('a NestJS controller inside an Express route callback: @HttpCode and the default agree on DELETE', () => {
    const text = `router.post('/x', (req, res) => { @Controller() class C { @Delete() @HttpCode(204) remove() {} } res.status(201).end(); });`;
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/decorator response', '201@201 POST/route response']);
  });
});
