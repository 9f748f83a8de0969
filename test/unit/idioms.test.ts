/** Idioms are typed ids; their labels (shown by `statusdoc sites`) are today's. One snippet per idiom of the catalogue. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSites } from '../../server/src/core/sites';
import { IDIOM_IDS, idiomLabel } from '../../server/src/core/sites/idioms';
import type { DocumentLanguage } from '../../server/src/core/sites/types';

/** [snippet, language, the idiom id, its label]: the snippet's one site (the last, where a route adds none). */
const CASES: [string, DocumentLanguage, string, string][] = [
  ['app.get("/x", (req, res) => res.status(200));', 'typescript', 'express.status', '.status()'],
  ['res.sendStatus(204);', 'typescript', 'express.send-status', '.sendStatus()'],
  ['res.redirect(301, "/y");', 'typescript', 'express.redirect', '.redirect()'],
  ['res.writeHead(201, {});', 'typescript', 'node.write-head', '.writeHead()'],
  ['res.statusCode = 404;', 'typescript', 'node.status-code-assignment', '.statusCode ='],
  ['throw createHttpError(404);', 'typescript', 'http-errors.create', 'createHttpError()'],
  ['reply.code(201);', 'typescript', 'fastify.code', '.code()'],
  ["app.post('/x', { schema: { response: { 201: S } } }, h);", 'typescript', 'fastify.response-schema', 'schema.response'],
  ['ctx.assert(user, 401);', 'typescript', 'koa.assert', 'ctx.assert()'],
  ['ctx.throw(404);', 'typescript', 'koa.throw', '.throw()'],
  ["router.redirect('/old', '/new', 308);", 'typescript', 'koa-router.redirect', 'router.redirect()'],
  ['ctx.status = 201;', 'typescript', 'koa.status-assignment', '.status ='],
  ['return c.json(body, 201);', 'typescript', 'hono.body', '.json()'],
  ['throw new HTTPException(401);', 'typescript', 'hono.http-exception', 'new HTTPException()'],
  ['class C { @Post() @HttpCode(202) create() {} }', 'typescript', 'nestjs.http-code', '@HttpCode()'],
  ["class C { @Get() @Redirect('/y', 301) go() {} }", 'typescript', 'nestjs.redirect', '@Redirect()'],
  ["throw new HttpException('no', 403);", 'typescript', 'nestjs.http-exception', 'new HttpException()'],
  ['class C { @Delete() remove() {} }', 'typescript', 'nestjs.default-code', '@Delete() default'],
  ["import { Post } from 'routing-controllers';\nclass C { @Post() @OnNull(404) create() {} }", 'typescript', 'routing-controllers.on-empty', '@OnNull()'],
  ["import { Post } from 'tsoa';\nclass C { @Post() @SuccessResponse('201') create() {} }", 'typescript', 'tsoa.success-response', '@SuccessResponse()'],
  ["import { Get } from 'tsoa';\nclass C { @Get() @Response(404) one() {} }", 'typescript', 'tsoa.response', '@Response()'],
  ['this.setStatus(201);', 'typescript', 'tsoa.set-status', 'this.setStatus()'],
  ["class C { @request('put', '/x') @responses({ 200: {} }) update() {} }", 'typescript', 'koa-swagger.responses', '@responses()'],
  ['await route.fulfill({ status: 201 });', 'typescript', 'playwright.fulfill', 'route.fulfill()'],
  ['return NextResponse.json(x, { status: 201 });', 'typescript', 'fetch.response-init', 'NextResponse.json()'],
  ['return new Response(null, { status: 204 });', 'typescript', 'fetch.new-response', 'new Response()'],
  ["return Response.redirect('/y', 301);", 'typescript', 'fetch.redirect', 'Response.redirect()'],
  ["await request(app).post('/x').expect(201);", 'typescript', 'supertest.expect', '.expect()'],
  ["nock(base).post('/x').reply(201);", 'typescript', 'nock.reply', '.reply()'],
  ["nock(base).post('/x').reply(() => [201, {}]);", 'typescript', 'nock.reply-callback', '.reply(() => [status, …])'],
  ['expect(res).to.have.status(201);', 'typescript', 'chai.status', 'expect().status()'],
  ['expect(res.status).toBe(201);', 'typescript', 'test.matcher', 'expect(status).toBe()'],
  ['t.is(res.status, 201);', 'typescript', 'test.assertion', 'assert.is()'],
  ['if (res.status === 404) {}', 'typescript', 'test.comparison', 'status comparison'],
  ['switch (res.status) { case 404: break; }', 'typescript', 'test.switch', 'switch (status)'],
  ['return { statusCode: 500, body };', 'typescript', 'object.status-property', '{ statusCode: … }'],
  ['const ok = [HttpStatus.OK];', 'typescript', 'constant.reference', 'constant'],
  ['const json = (statusCode, body) => ({ statusCode, body });\njson(429, {});', 'typescript', 'helper.status-argument', 'json()'],
  ["openapi: 3.0.0\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: OK\n", 'yaml', 'openapi.responses', 'OpenAPI responses'],
  ['- method: POST\n  expectStatus: 201\n', 'yaml', 'yaml.status-key', 'expectStatus:'],
];

test('each snippet is its idiom, with its label', () => {
  for (const [text, language, id, label] of CASES) {
    const sites = findSites(text, language);
    const site = sites[sites.length - 1];
    assert.equal(site?.idiom.id, id, text);
    assert.equal(idiomLabel(site.idiom), label, text);
  }
});

test('the snippets cover every idiom id', () => {
  assert.deepEqual([...IDIOM_IDS].sort(), [...new Set(CASES.map(([, , id]) => id))].sort());
});
