/**
 * The project's routes across files (core/routes): module facts read from real TS/JS text, linked by ProjectIndex
 * through require/import, barrels, re-exports and tsconfig paths, with mount prefixes composed into full paths.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyEdits,
  check,
  DEFAULT_TABLE,
  fixesFor,
  LineIndex,
  mayDeclareRoutes,
  moduleFactsOf,
  ProjectIndex,
  SourceDocument,
  type PathAliases,
  type RouteMethodScope,
} from '../../server/src/core';

function indexOf(files: Record<string, string>, aliases?: PathAliases): ProjectIndex {
  const index = new ProjectIndex(aliases);
  for (const [file, text] of Object.entries(files)) index.setFile(file, moduleFactsOf(text, file));
  return index;
}

/** `POST /v1/users -> src/controllers/user.controller.js#createUser` per route, sorted. */
function routesOf(index: ProjectIndex): string[] {
  return index.endpoints().map((e) => `${e.method} ${e.path ?? '?'} -> ${e.handler ? `${e.handler.file}#${e.handler.name}` : 'inline'}`);
}

describe('mayDeclareRoutes: which modules are read up front', () => {
  /** Whether the module facts hold anything that makes or prefixes a route. */
  const declares = (text: string) => {
    const facts = moduleFactsOf(text, 'src/x.ts');
    return facts.registrations.length + facts.mounts.length + facts.routerPrefixes.size + facts.controllers.length > 0 || facts.globalPrefix !== undefined;
  };

  test('every module that registers, mounts or prefixes a route is read, however its route call is written', () => {
    const routeModules = [
      `app.get('/users', list);`,
      `router.post(\n  '/users',\n  auth(),\n  create,\n);`,
      'app.get(`/users/${id}`, show);',
      `app.get(PATHS.users, list);`,
      `router.delete(path, remove);`,
      `app.get(['/a', '/b'], both);`,
      `app.get(/^\\/legacy/, legacy);`,
      `app.all('*', notFound);`,
      `fastify.get('/x', { schema }, handler);`,
      `router.route('/').get(ctrl.list).post(ctrl.create);`,
      `app.use('/v1', routes);`,
      `const router = new Router({ prefix: '/users' });\nrouter.get('/', list);`,
      `app.register(plugin, { prefix: '/v1' });`,
      `app.setGlobalPrefix('api');`,
      `@Controller('orders')\nexport class OrdersController { @Get(':id') find() {} }`,
    ];
    for (const text of routeModules) {
      assert.ok(declares(text), `the fixture declares something: ${text}`);
      assert.ok(mayDeclareRoutes(text, 'src/x.ts'), text);
    }
  });

  test('a service full of map reads, one-argument calls and Promise.all is not read until a link reaches it', () => {
    const service = [
      `export class UserService {`,
      `  private readonly items = new Map<string, User>();`,
      `  async find(id: string) {`,
      `    const hit = this.cache.get(id);`,
      `    const [a, b] = await Promise.all([this.load(id), this.audit(id)]);`,
      `    this.items.delete(id);`,
      `    return params.get('id') ?? headers.get("x-user") ?? this.items.get(id) ?? hit;`,
      `  }`,
      `}`,
    ].join('\n');
    assert.equal(declares(service), false);
    assert.equal(mayDeclareRoutes(service, 'src/users/user.service.ts'), false);
    // Its place still counts: a Next.js route file is read whatever its text.
    assert.equal(mayDeclareRoutes(service, 'app/users/route.ts'), true);
  });
});

describe('routes across files', () => {
  test('an Express boilerplate in CommonJS: app -> v1 router (mounted in a forEach over a list) -> route files -> controllers through a barrel', () => {
    const index = indexOf({
      'src/app.js': `const express = require('express');\nconst routes = require('./routes/v1');\nconst app = express();\napp.use(express.json());\napp.use('/v1', routes);\nmodule.exports = app;\n`,
      'src/routes/v1/index.js': [
        `const express = require('express');`,
        `const userRoute = require('./user.route');`,
        `const authRoute = require('./auth.route');`,
        `const router = express.Router();`,
        `const defaultRoutes = [ { path: '/users', route: userRoute }, { path: '/auth', route: authRoute } ];`,
        `defaultRoutes.forEach((route) => { router.use(route.path, route.route); });`,
        `module.exports = router;`,
      ].join('\n'),
      'src/routes/v1/user.route.js': [
        `const express = require('express');`,
        `const { userController } = require('../../controllers');`,
        `const router = express.Router();`,
        `router.route('/').post(auth('manageUsers'), validate(v.createUser), userController.createUser).get(userController.getUsers);`,
        `router.route('/:userId').delete(auth(), userController.deleteUser);`,
        `module.exports = router;`,
      ].join('\n'),
      'src/routes/v1/auth.route.js': `const router = require('express').Router();\nconst authController = require('../../controllers/auth.controller');\nrouter.post('/login', validate(x), authController.login);\nmodule.exports = router;\n`,
      'src/controllers/index.js': `module.exports.userController = require('./user.controller');\nmodule.exports.authController = require('./auth.controller');\n`,
      'src/controllers/user.controller.js': [
        `const catchAsync = require('../utils/catchAsync');`,
        `const createUser = catchAsync(async (req, res) => { res.status(201).send({}); });`,
        `const getUsers = catchAsync(async (req, res) => { res.send([]); });`,
        `const deleteUser = catchAsync(async (req, res) => { res.status(204).send(); });`,
        `module.exports = { createUser, getUsers, deleteUser };`,
      ].join('\n'),
      'src/controllers/auth.controller.js': `exports.login = async function login(req, res) { res.send({}); };\n`,
    });
    assert.deepEqual(routesOf(index), [
      'POST /v1/auth/login -> src/controllers/auth.controller.js#exports.login',
      'GET /v1/users -> src/controllers/user.controller.js#getUsers',
      'POST /v1/users -> src/controllers/user.controller.js#createUser',
      'DELETE /v1/users/{userId} -> src/controllers/user.controller.js#deleteUser',
    ]);
    const handlers = index.handlersIn('src/controllers/user.controller.js');
    assert.deepEqual([...handlers.keys()].sort(), ['createUser', 'deleteUser', 'getUsers']);
    assert.equal(handlers.get('createUser')?.[0].file, 'src/routes/v1/user.route.js');
  });

  test('TypeScript ES modules: tsconfig paths, a barrel with export * and a default re-export, wrapped handlers', () => {
    const index = indexOf(
      {
        'src/main.ts': `import express from 'express';\nimport { ordersRouter } from '@/routes';\nconst app = express();\napp.use('/api/', ordersRouter);\n`,
        'src/routes/index.ts': `export { default as ordersRouter } from './orders.router';\nexport * from './other';\n`,
        'src/routes/other.ts': `export const unrelated = 1;\n`,
        'src/routes/orders.router.ts': [
          `import { Router } from 'express';`,
          `import * as orders from '@/controllers/orders.controller.js';`,
          `import { asyncHandler } from '../util';`,
          `const router = Router();`,
          `router.post('/orders', asyncHandler(orders.create));`,
          `router.delete('/orders/:id', asyncHandler(orders.remove));`,
          `router.get('/orders/:id', (req, res) => res.json({}));`,
          `export default router;`,
        ].join('\n'),
        'src/controllers/orders.controller.ts': `export async function create(req, res) { res.status(201).json({}); }\nexport const remove = async (req, res) => { res.sendStatus(204); };\n`,
      },
      { baseUrl: '', paths: { '@/*': ['src/*'] } },
    );
    assert.deepEqual(routesOf(index), [
      'POST /api/orders -> src/controllers/orders.controller.ts#create',
      'DELETE /api/orders/{id} -> src/controllers/orders.controller.ts#remove',
      'GET /api/orders/{id} -> inline',
    ]);
  });

  test('what cannot be followed stays unknown: a prefix from a variable, a handler from a package, a wrapped value that is no function', () => {
    const index = indexOf({
      'app.js': [
        `const express = require('express');`,
        `const { handler } = require('some-package');`,
        `const app = express();`,
        `const router = express.Router();`,
        `const specs = swaggerJsdoc({ apis: [] });`,
        `app.use(process.env.PREFIX, router);`,
        `router.post('/x', handler);`,
        `app.get('/docs', swaggerUi.setup(specs));`,
        `app.get('title');`,
      ].join('\n'),
    });
    assert.deepEqual(routesOf(index), ['GET /docs -> inline', 'POST ? -> inline']);
  });

  test('one spelling for parameters, and a router mounted in a cycle does not loop', () => {
    const index = indexOf({
      'a.js': `const r = require('express').Router();\nr.use('/again', r);\nr.get('/items/{id}/[part]/:rest', h);\nfunction h(req, res) {}\nmodule.exports = r;\n`,
    });
    assert.deepEqual(
      index.endpoints().map((e) => e.path),
      ['/again/items/{id}/{part}/{rest}'],
    );
  });

  test('editing a file relinks: a route file that stops naming a handler takes its route away', () => {
    const index = indexOf({
      'r.js': `const router = require('express').Router();\nconst c = require('./c');\nrouter.post('/a', c.make);\nmodule.exports = router;\n`,
      'c.js': `exports.make = function (req, res) {};\n`,
    });
    assert.equal(index.handlersIn('c.js').get('exports.make')?.[0].method, 'POST');
    index.setFile('r.js', moduleFactsOf(`const router = require('express').Router();\nrouter.post('/a', (req, res) => {});\n`, 'r.js'));
    assert.equal(index.handlersIn('c.js').size, 0);
  });

  test("typing in a handler's body keeps the links (nothing is linked again) and moves its name's place; a new export relinks", () => {
    const controller = (body: string) =>
      `const a = async (req, res) => {\n  ${body}\n};\nconst b = async (req, res) => {\n  res.status(201).end();\n};\nmodule.exports = { a, b };\n`;
    const index = indexOf({
      'r.js': `const router = require('express').Router();\nconst c = require('./c');\nrouter.get('/a', c.a);\nrouter.post('/b', c.b);\nmodule.exports = router;\n`,
      'c.js': controller('res.status(200).end();'),
    });
    const endpoints = index.endpoints();
    const typed = controller('const user = await find(req.params.id);\n  res.status(200).json(user);');
    index.setFile('c.js', moduleFactsOf(typed, 'c.js'));
    assert.equal(index.endpoints(), endpoints, 'the same links, not made again');
    const b = index.handlersIn('c.js').get('b')![0];
    assert.equal(b.handler?.at, typed.indexOf('b = async'), "the route's handler is where its name now is");
    assert.deepEqual(index.handlerSpan(b.handler!), { start: typed.indexOf('b = async'), end: typed.indexOf(';\nmodule') });

    index.setFile('c.js', moduleFactsOf(`${typed}exports.extra = (req, res) => {};\n`, 'c.js'));
    assert.notEqual(index.endpoints(), endpoints, 'an export changes what links can reach: linked again');
  });
});

describe('routes of the other frameworks', () => {
  test('koa-router: a prefix given at creation and by prefix(), nested use with routes()', () => {
    const index = indexOf({
      'app.ts': `import Koa from 'koa';\nimport { api } from './api';\nconst app = new Koa();\napp.use(api.routes()).use(api.allowedMethods());\n`,
      'api.ts': `import Router from '@koa/router';\nimport { users } from './users';\nexport const api = new Router({ prefix: '/api' });\napi.use('/v1', users.routes(), users.allowedMethods());\n`,
      'users.ts': `import Router from '@koa/router';\nexport const users = new Router();\nusers.prefix('/users');\nusers.post('/', async (ctx) => { ctx.status = 201; });\nusers.del('/:id', remove);\nasync function remove(ctx) { ctx.status = 204; }\n`,
    });
    assert.deepEqual(routesOf(index), ['POST /api/v1/users -> inline', 'DELETE /api/v1/users/{id} -> users.ts#remove']);
  });

  test('Fastify: register(plugin, { prefix }) across files, nested plugins', () => {
    const index = indexOf({
      'server.ts': `import Fastify from 'fastify';\nimport api from './api';\nconst app = Fastify();\napp.register(api, { prefix: '/api' });\n`,
      'api.ts': `import { usersRoutes } from './users';\nexport default async function api(fastify) {\n  fastify.register(usersRoutes, { prefix: '/users' });\n}\n`,
      'users.ts': `export const usersRoutes = async (app, opts) => {\n  app.post('/', createUser);\n  app.get('/:id', async (req, reply) => ({}));\n};\nasync function createUser(req, reply) { reply.code(201); }\n`,
    });
    assert.deepEqual(routesOf(index), ['POST /api/users -> users.ts#createUser', 'GET /api/users/{id} -> inline']);
  });

  test('Hono: app.route() and basePath()', () => {
    const index = indexOf({
      'index.ts': `import { Hono } from 'hono';\nimport books from './books';\nconst app = new Hono().basePath('/api');\napp.route('/books', books);\nexport default app;\n`,
      'books.ts': `import { Hono } from 'hono';\nconst books = new Hono();\nbooks.post('/', (c) => c.json({}, 201));\nbooks.get('/:id', (c) => c.json({}));\nexport default books;\n`,
    });
    assert.deepEqual(routesOf(index), ['POST /api/books -> inline', 'GET /api/books/{id} -> inline']);
  });

  test('NestJS: @Controller path and version, route decorators, the global prefix from main.ts', () => {
    const index = indexOf({
      'src/main.ts': `const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api');\nawait app.listen(3000);\n`,
      'src/orders/orders.controller.ts': [
        `@Controller({ path: 'orders', version: '1' })`,
        `export class OrdersController {`,
        `  @Post()`,
        `  create(@Body() dto) { return dto; }`,
        `  @Delete(':id')`,
        `  @HttpCode(204)`,
        `  remove(@Param('id') id: string) {}`,
        `  helper() {}`,
        `}`,
      ].join('\n'),
    });
    assert.deepEqual(routesOf(index), [
      'POST /api/v1/orders -> src/orders/orders.controller.ts#OrdersController.create',
      'DELETE /api/v1/orders/{id} -> src/orders/orders.controller.ts#OrdersController.remove',
    ]);
  });

  test('Next.js: app router folders (groups and slots dropped, dynamic segments as parameters) and pages/api', () => {
    const index = indexOf({
      'src/app/(shop)/orders/[id]/route.ts': `export async function GET(req: Request) { return Response.json({}); }\nexport async function DELETE() { return new Response(null, { status: 204 }); }\n`,
      'app/api/files/[...path]/route.ts': `export const POST = async () => Response.json({}, { status: 201 });\n`,
      'app/_lib/route.ts': `export function GET() {}\n`,
      'pages/api/users/index.ts': `export default function handler(req, res) { res.status(200).json([]); }\n`,
      'pages/api/users/[id].ts': `export default async function (req, res) { res.status(200).json({}); }\n`,
    });
    assert.deepEqual(routesOf(index), [
      'POST /api/files/{path} -> app/api/files/[...path]/route.ts#POST',
      'ANY /api/users -> inline',
      'ANY /api/users/{id} -> inline',
      'DELETE /orders/{id} -> src/app/(shop)/orders/[id]/route.ts#DELETE',
      'GET /orders/{id} -> src/app/(shop)/orders/[id]/route.ts#GET',
    ]);
  });

  test("msw's request handlers mock requests in tests: they are not the project's routes", () => {
    const index = indexOf({
      'test/mocks.ts': `import { http, HttpResponse } from 'msw';
export const handlers = [http.post('/orders', () => HttpResponse.json({}, { status: 201 }))];
`,
      'src/server.ts': `import { Hono } from 'hono';
const http = new Hono();
http.post('/orders', (c) => c.json({}, 201));
`,
    });
    assert.deepEqual(routesOf(index), ['POST /orders -> inline']);
    assert.equal(index.endpoints()[0].file, 'src/server.ts');
  });
});

describe('cross-file methods: a handler judged under the method of the route that names it', () => {
  const files = {
    'src/routes/user.route.js': `const router = require('express').Router();\nconst userController = require('../controllers/user.controller');\n\nrouter.post('/users', auth(), userController.createUser);\nrouter.put('/users/:id', userController.saveUser);\nrouter.post('/users/:id', userController.saveUser);\nmodule.exports = router;\n`,
    'src/controllers/user.controller.js': [
      `const catchAsync = require('../utils/catchAsync');`,
      `const createUser = catchAsync(async (req, res) => {`,
      `  res.status(200).send(await users.create(req.body));`,
      `});`,
      `const saveUser = catchAsync(async (req, res) => {`,
      `  res.status(200).send({});`,
      `});`,
      `function helper(res) { res.status(200).send({}); }`,
      `module.exports = { createUser, saveUser };`,
    ].join('\n'),
  };

  function findingsOf(routeMethods?: RouteMethodScope[]) {
    const text = files['src/controllers/user.controller.js'];
    const document = new SourceDocument(text, 'javascript');
    return { document, findings: check(document, DEFAULT_TABLE, { severities: {}, lang: 'en', routeMethods }) };
  }

  function scopesOf(index: ProjectIndex, file: string): (RouteMethodScope & { name: string })[] {
    const lines = new LineIndex(files['src/routes/user.route.js']);
    return index.handlerScopes(file).map((scope) => ({
      ...scope,
      registeredAt: `${scope.routes[0].file}:${lines.lineOf(scope.routes[0].at) + 1}`,
    }));
  }

  test('alone, the controller has no method and nothing is judged', () => {
    assert.deepEqual(
      findingsOf().findings.map((f) => f.rule),
      [],
    );
  });

  test('with the index, POST reaches createUser: 200 is wrong, the message says where the route is, and the fix gives 201', () => {
    const index = indexOf(files);
    const scopes = scopesOf(index, 'src/controllers/user.controller.js');
    // saveUser is registered under PUT and POST: they disagree, so it is judged on neither.
    assert.deepEqual(
      scopes.map((s) => `${s.name} ${s.method}`),
      ['createUser POST'],
    );
    const { document, findings } = findingsOf(scopes);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.rule, 'wrong-success-code');
    assert.equal(document.lines.lineOf(finding.start) + 1, 3);
    assert.equal(finding.message, 'POST answers 201 Created in the documented table, not 200 OK. (POST, registered at src/routes/user.route.js:4)');
    const [fix] = fixesFor(document, finding, 'en');
    assert.equal(applyEdits(document.text, fix.edits).split('\n')[2], '  res.status(201).send(await users.create(req.body));');
  });
});
