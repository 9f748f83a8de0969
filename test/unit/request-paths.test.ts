/** The path a test or mock request names, on its sites' method: per idiom, and where it is not known. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../../server/src/core/sites';

/** Each site's code, method and the path its request names, with the text of the path's span. */
function requests(text: string): string[] {
  return findSites(text, 'typescript').map((site) => {
    const method = site.method;
    const span = method?.pathStart !== undefined ? text.slice(method.pathStart, method.pathEnd) : '-';
    return `${site.code} ${method?.name ?? '?'} ${method?.path ?? '(no path)'} ${span}`;
  });
}

describe('request paths per idiom', () => {
  test("supertest request(app).post('/v1/users').expect(201)", () => {
    const text = `it('x', () => request(app).post('/v1/users').send(body).expect(201));`;
    assert.deepEqual(requests(text), [`201 POST /v1/users '/v1/users'`]);
  });

  test("a supertest agent: agent.get('/v1/users/42').expect(200)", () => {
    assert.deepEqual(requests(`await agent.get('/v1/users/42').expect(200);`), [`200 GET /v1/users/42 '/v1/users/42'`]);
  });

  test('superagent: the response of an awaited request checked later', () => {
    const text = `const res = await request(app).delete(\`/v1/users/\${id}\`);\nexpect(res.status).toBe(204);`;
    assert.deepEqual(requests(text), ['204 DELETE /v1/users/{} `/v1/users/${id}`']);
  });

  test('Fastify app.inject({ method, url })', () => {
    const text = `const res = await app.inject({ method: 'POST', url: '/orders?dry=1' });\nexpect(res.statusCode).toBe(201);`;
    assert.deepEqual(requests(text), [`201 POST /orders '/orders?dry=1'`]);
  });

  test("Fastify app.inject({ method, path }) and app.inject().post('/x')", () => {
    const text = [
      `const a = await app.inject({ method: 'PUT', path: '/orders/1' });`,
      `expect(a.statusCode).toBe(200);`,
      `const b = await app.inject().post('/orders').payload(order);`,
      `expect(b.statusCode).toBe(201);`,
    ].join('\n');
    assert.deepEqual(requests(text), [`200 PUT /orders/1 '/orders/1'`, `201 POST /orders '/orders'`]);
  });

  test('fetch(`${base}/v1/users`, { method }): the base URL dropped', () => {
    const text = `const res = await fetch(\`\${base}/v1/users\`, { method: 'POST' });\nexpect(res.status).toBe(201);`;
    assert.deepEqual(requests(text), ['201 POST /v1/users `${base}/v1/users`']);
  });

  test('fetch of an absolute URL to this machine, without init: GET, its path', () => {
    const text = `const res = await fetch('http://localhost:3000/v1/users#top');\nassert.equal(res.status, 200);`;
    assert.deepEqual(requests(text), [`200 GET /v1/users 'http://localhost:3000/v1/users#top'`]);
  });

  test('fetch(new Request(url, init)) and a base joined with +', () => {
    const text = `const res = await fetch(new Request(BASE_URL + '/users/' + id, { method: 'DELETE' }));\nexpect(res.status).toBe(204);`;
    assert.deepEqual(requests(text), [`204 DELETE /users/{} BASE_URL + '/users/' + id`]);
  });

  test("Playwright request.post('/x') and page.request.delete('/x')", () => {
    const text = [
      `const created = await request.post('/api/orders', { data });`,
      `expect(created.status()).toBe(201);`,
      `const gone = await page.request.delete(\`/api/orders/\${id}\`);`,
      `expect(gone.status()).toBe(204);`,
    ].join('\n');
    assert.deepEqual(requests(text), [`201 POST /api/orders '/api/orders'`, '204 DELETE /api/orders/{} `/api/orders/${id}`']);
  });

  test("axios.post('/x') and axios({ method, url })", () => {
    const text = [
      `const a = await axios.post('/api/orders', order);`,
      `expect(a.status).toBe(201);`,
      `const b = await axios({ method: 'put', url: \`\${API}/orders/\${id}\` });`,
      `expect(b.status).toBe(200);`,
    ].join('\n');
    assert.deepEqual(requests(text), [`201 POST /api/orders '/api/orders'`, '200 PUT /orders/{} `${API}/orders/${id}`']);
  });

  test("nock(base).post('/x').reply(201) and .intercept(path, method)", () => {
    const text = `nock(base).post('/orders').reply(201);\nnock('http://127.0.0.1:8080').intercept('/orders/1', 'PATCH').reply(200);`;
    assert.deepEqual(requests(text), [`201 POST /orders '/orders'`, `200 PATCH /orders/1 '/orders/1'`]);
  });

  test("msw http.post('/x', resolver) and rest.delete('/x/:id', resolver), imported from msw", () => {
    const text = [
      `import { http, HttpResponse } from 'msw';`,
      `import { rest } from 'msw';`,
      `export const handlers = [`,
      `  http.post('/orders', () => HttpResponse.json(order, { status: 201 })),`,
      `  rest.delete('*/orders/:id', (req, res, ctx) => res(ctx.status(204))),`,
      `];`,
    ].join('\n');
    assert.deepEqual(requests(text), [`201 POST /orders '/orders'`, `204 DELETE /orders/:id '*/orders/:id'`]);
  });
});

describe('request paths that are not known', () => {
  test('a path in a variable: no path', () => {
    assert.deepEqual(requests(`await request(app).post(url).expect(201);`), ['201 POST (no path) -']);
  });

  test('a URL to another host: no path (another service, not this project)', () => {
    const text = `nock('https://api.example.com').post('/orders').reply(201);\nconst r = await fetch('https://api.stripe.com/v1/charges', { method: 'POST' });\nexpect(r.status).toBe(201);`;
    assert.deepEqual(requests(text), ['201 POST (no path) -', '201 POST (no path) -']);
  });

  test('a computed part that is not a whole segment, or a base alone: no path', () => {
    const text = [
      'await request(app).get(`/users${suffix}`).expect(200);',
      'await request(app).get(`${base}${path}`).expect(200);',
      `await request(app).get(cond ? '/a' : '/b').expect(200);`,
      `await request(app).get('users').expect(200);`,
    ].join('\n');
    assert.deepEqual(requests(text), ['200 GET (no path) -', '200 GET (no path) -', '200 GET (no path) -', '200 GET (no path) -']);
  });

  test('an http.post that is not msw is not a request (an Express-like route keeps no path)', () => {
    const text = `import http from './client';\nhttp.post('/orders', (req, res) => res.status(201));`;
    assert.deepEqual(requests(text), ['201 POST (no path) -']);
  });

  test('a route registration is not a request: no path', () => {
    assert.deepEqual(requests(`app.post('/orders', (req, res) => res.status(201));`), ['201 POST (no path) -']);
  });
});

describe('the app a request is made on (SiteMethod.app): the route index matches it against that app only', () => {
  /** Each site's method, path and app. */
  const apps = (text: string) => findSites(text, 'typescript').map((site) => `${site.method?.name} ${site.method?.path} ${site.method?.app ?? '-'}`);

  test('supertest on an app, an agent of it, a server of it, a variable holding the request', () => {
    const text = [
      `it('x', async () => {`,
      `  await request(app).post('/users').expect(201);`,
      `  await supertest(server).get('/users').expect(200);`,
      `  const agent = request.agent(app);`,
      `  await agent.delete('/users/1').expect(204);`,
      `  const api = request(nest.getHttpServer());`,
      `  await api.get('/orders').expect(200);`,
      `  await request(http.createServer(koa.callback())).get('/items').expect(200);`,
      `});`,
    ].join('\n');
    assert.deepEqual(apps(text), ['POST /users app', 'GET /users server', 'DELETE /users/1 app', 'GET /orders nest', 'GET /items koa']);
  });

  test('an app made by a function in the test goes by that function; one of the top level by its name (the index follows it)', () => {
    const text = [
      `const app = buildApp();`,
      `it('x', async () => {`,
      `  await request(app).get('/health').expect(200);`,
      `  const made = await createServer();`,
      `  await request(made).get('/ready').expect(200);`,
      `});`,
    ].join('\n');
    // Nothing of another top-level statement is read for a site: an edit elsewhere never leaves its app stale.
    assert.deepEqual(apps(text), ['GET /health app', 'GET /ready createServer']);
  });

  test('Fastify inject and Hono app.request are made on their receiver', () => {
    const text = [
      `const a = await fastify.inject({ method: 'POST', url: '/orders' });`,
      `expect(a.statusCode).toBe(201);`,
      `const b = await app.inject().get('/orders');`,
      `expect(b.statusCode).toBe(200);`,
      `const c = await hono.request('/books', { method: 'DELETE' });`,
      `expect(c.status).toBe(204);`,
    ].join('\n');
    assert.deepEqual(apps(text), ['POST /orders fastify', 'GET /orders app', 'DELETE /books hono']);
  });

  test('an HTTP client calls a server by URL: no app (fetch, axios, Playwright)', () => {
    const text = [
      `const a = await fetch('http://localhost:3000/users', { method: 'POST' });`,
      `expect(a.status).toBe(201);`,
      `const b = await axios({ method: 'get', url: '/users' });`,
      `expect(b.status).toBe(200);`,
      `await expect(await request.get('/users')).toBeOK();`,
    ].join('\n');
    assert.ok(apps(text).length >= 2);
    for (const found of apps(text)) assert.match(found, / -$/, found);
  });
});
