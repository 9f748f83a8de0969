/**
 * What a handler answers (core/routes/answers.ts) from the facts the TypeScript adapter reads in its one walk: each
 * kind of open end, each implicit answer, and realistic handlers that are known or not.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answeredCodes, check, DEFAULT_TABLE, handlerAnswers, moduleFactsOf, SourceDocument } from '../../server/src/core';

/** The handler `name` of a module (a top-level function, a `const`, `Class.method`) and what it answers. */
function answersOf(text: string, name: string, file = 'handler.ts') {
  const local = moduleFactsOf(text, file).locals.get(name);
  assert.ok(local, `${name} is a local of the module`);
  const document = new SourceDocument(text, file.endsWith('.js') ? 'javascript' : 'typescript');
  const answers = handlerAnswers(document, local);
  return {
    known: answers.known,
    codes: answers.codes.map((answer) => `${answer.code}${answer.implicit ? ' implicit' : ''} ${text.slice(answer.start, answer.end)}`),
    openEnds: answers.openEnds.map((open) => `${open.reason} ${text.slice(open.start, open.end)}`),
    distinct: answeredCodes(answers),
  };
}

describe('open ends', () => {
  test('a status from a parameter, a variable or a call is an open end; a code among its values is still answered', () => {
    const text = [
      `export function a(req, res) { res.status(req.body.code).json({}); }`,
      `export function b(req, res) { res.status(err.status || 500).send(); }`,
      `export async function c(ctx) { ctx.status = lookup(ctx.query.kind); }`,
      `export async function d(request, reply) { reply.code(error.statusCode).send({}); }`,
      `export function e(req, res) { res.statusCode = req.query.s; res.end(); }`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a'), { known: false, codes: [], openEnds: ['status-from-value req.body.code'], distinct: [] });
    assert.deepEqual(answersOf(text, 'b'), { known: false, codes: ['500 500'], openEnds: ['status-from-value err.status || 500'], distinct: [500] });
    assert.deepEqual(answersOf(text, 'c').openEnds, ['status-from-value lookup(ctx.query.kind)']);
    assert.deepEqual(answersOf(text, 'd').openEnds, ['status-from-value error.statusCode']);
    assert.deepEqual(answersOf(text, 'e').openEnds, ['status-from-value req.query.s']);
  });

  test('a status every value of which is a code is known; a status of something that is not the response is not an open end', () => {
    const text = [
      `export function a(req, res) { const code = req.body.ok ? 201 : 200; res.status(code).json({}); }`,
      `export function b(req, res) { order.status = 'shipped'; err.statusCode = req.q; job.status(req.q); res.status(204).end(); }`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a'), { known: true, codes: ['201 201', '200 200'], openEnds: [], distinct: [200, 201] });
    assert.deepEqual(answersOf(text, 'b'), { known: true, codes: ['204 204'], openEnds: [], distinct: [204] });
  });

  test('an error passed to next is an open end; next() with no argument is not', () => {
    const text = [
      `export function a(req, res, next) { if (!req.user) return next(new Error('no user')); res.status(200).json({}); }`,
      `export function b(req, res, next) { try { res.status(200).json(load()); } catch (err) { next(err); } }`,
      `export function c(req, res, next) { if (req.skip) return next(); res.status(200).json({}); }`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a').openEnds, [`error-passed-on next(new Error('no user'))`]);
    assert.deepEqual(answersOf(text, 'b').openEnds, ['error-passed-on next(err)']);
    assert.deepEqual(answersOf(text, 'c'), { known: true, codes: ['200 200'], openEnds: [], distinct: [200] });
  });

  test('a throw is an open end unless it is a known HTTP exception or caught in the handler', () => {
    const text = [
      `import createError from 'http-errors';`,
      `export function a(req, res) { if (!req.user) throw new ApiError(404, 'x'); res.status(200).json({}); }`,
      `export function b(req, res) { try { work(); } catch (err) { throw err; } res.status(200).end(); }`,
      `export function c(req, res) { if (!req.user) throw createError(404); res.status(200).end(); }`,
      `export function d(req, res) { try { if (!req.ok) throw new Error('bad'); } catch { return res.status(400).end(); } res.status(200).end(); }`,
      `export function e(req, res) { throw createError(req.code); }`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a').openEnds, [`unknown-throw throw new ApiError(404, 'x');`]);
    assert.deepEqual(answersOf(text, 'b').openEnds, ['unknown-throw throw err;']);
    assert.deepEqual(answersOf(text, 'c'), { known: true, codes: ['404 404', '200 200'], openEnds: [], distinct: [200, 404] });
    assert.deepEqual(answersOf(text, 'd'), { known: true, codes: ['400 400', '200 200'], openEnds: [], distinct: [200, 400] });
    assert.deepEqual(answersOf(text, 'e').openEnds, ['status-from-value req.code']);
  });

  test('the response handed to a function is an open end; logged, or a parameter that is not the response, it is not', () => {
    const text = [
      `export async function a(req, res) { const user = await find(req.params.id); sendResponse(res, 200, user); }`,
      `export async function b(req, res) { console.log(res); const r = await fetch(url).then((res) => res.json()); res.status(200).json(r); }`,
      `export async function c(ctx) { await render(ctx, 'home'); }`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a').openEnds, ['response-handed-off sendResponse(res, 200, user)']);
    assert.deepEqual(answersOf(text, 'b'), { known: true, codes: ['200 200'], openEnds: [], distinct: [200] });
    assert.deepEqual(answersOf(text, 'c').openEnds, [`response-handed-off render(ctx, 'home')`]);
  });

  test('a NestJS guard, pipe, interceptor or filter on the handler may answer first: an open end', () => {
    const text = [
      `import { Controller, Post, UseGuards } from '@nestjs/common';`,
      `@Controller('orders')`,
      `export class OrdersController {`,
      `  @Post()`,
      `  @UseGuards(AuthGuard)`,
      `  create(dto: CreateOrderDto) {`,
      `    return this.orders.create(dto);`,
      `  }`,
      `}`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'OrdersController.create'), {
      known: false,
      codes: ['201 implicit @Post()'],
      openEnds: ['middleware @UseGuards(AuthGuard)'],
      distinct: [201],
    });
  });
});

describe('implicit answers', () => {
  test('Express: res.json / res.send / res.end answer 200 and res.redirect(url) 302, unless a status is in the chain or set apart', () => {
    const text = [
      `export function a(req, res) { if (!req.user) return res.status(404).json({}); res.json(req.user); }`,
      `export function b(req, res) { res.status(201).send({}); }`,
      `export function c(req, res) { res.status(201); res.json({}); }`,
      `export function d(req, res) { res.statusCode = 204; res.end(); }`,
      `export function e(req, res) { res.redirect('/login'); }`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a').codes, ['404 404', '200 implicit res.json(req.user)']);
    assert.deepEqual(answersOf(text, 'b').codes, ['201 201']);
    assert.deepEqual(answersOf(text, 'c').codes, ['201 201']);
    assert.deepEqual(answersOf(text, 'd').codes, ['204 204']);
    assert.deepEqual(answersOf(text, 'e'), { known: true, codes: [`302 implicit res.redirect('/login')`], openEnds: [], distinct: [302] });
  });

  test('a status set apart in a branch, or after the answer, leaves the 200 among the answers', () => {
    const text = [
      `export function a(req, res) { if (req.body.isNew) res.status(201); res.json({}); }`,
      `export function b(req, res) { if (req.query.cached) { res.json(cache); return; } res.status(201); res.json({}); }`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a').codes, ['201 201', '200 implicit res.json({})']);
    assert.deepEqual(answersOf(text, 'b').codes, ['200 implicit res.json(cache)', '201 201']);
  });

  test('Fastify: reply.send(x) and return x answer 200, unless the reply sets a code', () => {
    const text = [
      `export async function a(request, reply) { reply.send({ ok: true }); }`,
      `export async function b(request, reply) { const items = list.map((item) => { return item.id; }); return { items }; }`,
      `export async function c(request, reply) { reply.code(201); return { id: 1 }; }`,
      `export async function d(request, reply) { return reply.code(201).send({}); }`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a').codes, ['200 implicit reply.send({ ok: true })']);
    assert.deepEqual(answersOf(text, 'b').codes, ['200 implicit return { items };']);
    assert.deepEqual(answersOf(text, 'c').codes, ['201 201']);
    assert.deepEqual(answersOf(text, 'd').codes, ['201 201']);
  });

  test("Fastify: an arrow's expression body is what it returns", () => {
    const text = [
      `export const a = async (request, reply) => ({ hello: 'world' });`,
      `export const b = async (request, reply) => reply.code(201).send({});`,
      `export const c = (req, res) => ({ hello: 'world' });`,
      `export const d = (request, reply) => { reply.code(204); return undefined; };`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a'), { known: true, codes: [`200 implicit ({ hello: 'world' })`], openEnds: [], distinct: [200] });
    assert.deepEqual(answersOf(text, 'b').codes, ['201 201']);
    // Express's `res` is no Fastify reply: what its handler returns answers nothing.
    assert.deepEqual(answersOf(text, 'c').codes, []);
    assert.deepEqual(answersOf(text, 'd').codes, ['204 204']);
  });

  test('Koa: ctx.body = x answers 200 unless ctx.status is set; Hono: c.json(x) answers 200', () => {
    const text = [
      `export async function a(ctx) { ctx.body = { ok: true }; }`,
      `export async function b(ctx) { ctx.status = 201; ctx.body = { id: 1 }; }`,
      `export const c = (c) => c.json({ ok: true });`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'a').codes, ['200 implicit ctx.body = { ok: true }']);
    assert.deepEqual(answersOf(text, 'b').codes, ['201 201']);
    assert.deepEqual(answersOf(text, 'c').codes, ['200 implicit c.json({ ok: true })']);
  });

  test('NestJS: the route default is implicit, a built-in exception of @nestjs/common answers its code, another class is an open end', () => {
    const text = [
      `import { Controller, Get, Post, NotFoundException } from '@nestjs/common';`,
      `import { ConflictException } from './errors';`,
      `@Controller('users')`,
      `export class UsersController {`,
      `  @Get(':id')`,
      `  async findOne(id: string) {`,
      `    const user = await this.users.find(id);`,
      `    if (!user) throw new NotFoundException();`,
      `    return user;`,
      `  }`,
      `  @Post()`,
      `  async create(dto: CreateUserDto) {`,
      `    if (await this.users.exists(dto)) throw new ConflictException();`,
      `    return this.users.create(dto);`,
      `  }`,
      `}`,
    ].join('\n');
    assert.deepEqual(answersOf(text, 'UsersController.findOne'), {
      known: true,
      codes: [`200 implicit @Get(':id')`, '404 implicit new NotFoundException()'],
      openEnds: [],
      distinct: [200, 404],
    });
    const create = answersOf(text, 'UsersController.create');
    assert.equal(create.known, false);
    assert.deepEqual(create.openEnds, ['unknown-throw throw new ConflictException();']);
  });

  test('implicit answers and open ends are facts only: no finding on them', () => {
    const text = `app.post('/users', (req, res) => { res.json(req.body); });\napp.delete('/users/:id', (req, res, next) => { next(new Error('x')); });\n`;
    const document = new SourceDocument(text, 'javascript');
    assert.equal(document.facts.implicitAnswers.length, 1);
    assert.equal(document.facts.openEnds.length, 1);
    assert.deepEqual(check(document, DEFAULT_TABLE, { severities: {}, lang: 'en' }), []);
  });
});

describe('realistic handlers', () => {
  const CONTROLLER = [
    `const httpStatus = require('http-status');`,
    `const ApiError = require('../utils/ApiError');`,
    `const catchAsync = require('../utils/catchAsync');`,
    `const { userService } = require('../services');`,
    ``,
    `const createUser = catchAsync(async (req, res) => {`,
    `  const user = await userService.createUser(req.body);`,
    `  res.status(httpStatus.CREATED).send(user);`,
    `});`,
    ``,
    `const getUser = catchAsync(async (req, res) => {`,
    `  const user = await userService.getUserById(req.params.userId);`,
    `  if (!user) {`,
    `    throw new ApiError(httpStatus.NOT_FOUND, 'User not found');`,
    `  }`,
    `  res.send(user);`,
    `});`,
    ``,
    `const deleteUser = catchAsync(async (req, res) => {`,
    `  await userService.deleteUserById(req.params.userId);`,
    `  res.status(httpStatus.NO_CONTENT).send();`,
    `});`,
    ``,
    `module.exports = { createUser, getUser, deleteUser };`,
  ].join('\n');

  test('an Express boilerplate controller: a handler that throws ApiError is not known; one that answers only codes is', () => {
    assert.deepEqual(answersOf(CONTROLLER, 'createUser', 'user.controller.js'), {
      known: true,
      codes: ['201 httpStatus.CREATED'],
      openEnds: [],
      distinct: [201],
    });
    const getUser = answersOf(CONTROLLER, 'getUser', 'user.controller.js');
    assert.equal(getUser.known, false);
    assert.deepEqual(getUser.codes, ['200 implicit res.send(user)']);
    assert.deepEqual(getUser.openEnds, [`unknown-throw throw new ApiError(httpStatus.NOT_FOUND, 'User not found');`]);
    assert.deepEqual(answersOf(CONTROLLER, 'deleteUser', 'user.controller.js').distinct, [204]);
  });

  test('a handler that answers nothing statusdoc reads is not known', () => {
    const text = `export function stream(req, res) { pipeline(source, zlib(), () => {}); }\n`;
    assert.deepEqual(answersOf(text, 'stream'), { known: false, codes: [], openEnds: [], distinct: [] });
  });

  test('a document not read in full is not known', () => {
    const text = `export function a(req, res) { res.status(200).json({}); }\n`;
    const document = new SourceDocument(text, 'typescript', 0, { maxChars: 10 });
    assert.equal(handlerAnswers(document, { start: 0, end: text.length }).known, false);
  });

  test('after an edit, the open ends and implicit answers are those of a fresh parse, moved', () => {
    const before = new SourceDocument(CONTROLLER, 'javascript');
    void before.facts;
    const at = CONTROLLER.indexOf('const getUser');
    const text = `${CONTROLLER.slice(0, at)}// a note\n${CONTROLLER.slice(at)}`;
    const after = before.edit(text, 1, { start: at, oldEnd: at, newEnd: at + 10 });
    const fresh = new SourceDocument(text, 'javascript').facts;
    assert.deepStrictEqual(after.facts.openEnds, fresh.openEnds);
    assert.deepStrictEqual(after.facts.implicitAnswers, fresh.implicitAnswers);
    assert.equal(text.slice(after.facts.openEnds[0].start, after.facts.openEnds[0].start + 5), 'throw');
  });
});
