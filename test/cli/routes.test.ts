/**
 * `statusdoc routes`: the built CLI lists a project's routes linked across files on disk — tsconfig paths (with
 * comments), .gitignore and node_modules honoured — as text and as JSON, and names a file it could not read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-routes-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function routes(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'routes', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FILES = {
  'tsconfig.json': `{\n  // aliases as Nest and Vite projects write them\n  "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["src/*"] } }\n}\n`,
  '.gitignore': 'dist/\n',
  'src/server.ts': `import express from 'express';\nimport users from '~/users/users.routes';\nconst app = express();\napp.use('/v2/users', users);\n`,
  'src/users/users.routes.ts': `import { Router } from 'express';\nimport { createUser } from './users.controller';\nconst router = Router();\n\nrouter.post('/', createUser);\nexport default router;\n`,
  'src/users/users.controller.ts': `import type { Request, Response } from 'express';\n\nexport async function createUser(req: Request, res: Response) {\n  res.status(201).json({});\n}\n`,
  'dist/server.js': `app.post('/ignored', h);\n`,
  'node_modules/pkg/index.js': `app.post('/ignored', h);\n`,
};

test('routes lists each route with its full path, its handler and where it is registered', () => {
  const dir = project(FILES);
  const { code, stdout, stderr } = routes(dir);
  assert.equal(code, 0, stderr);
  assert.equal(
    stdout,
    'POST /v2/users  src/users/users.controller.ts:3 createUser  answers 201  (registered at src/users/users.routes.ts:5)  0 tests\n1 route in 3 files\n',
  );
});

test('routes --format json gives the same as records', () => {
  const dir = project(FILES);
  const { code, stdout } = routes(dir, '--format', 'json');
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), [
    {
      method: 'POST',
      path: '/v2/users',
      registeredAt: { file: 'src/users/users.routes.ts', line: 5 },
      handler: { file: 'src/users/users.controller.ts', name: 'createUser', line: 3 },
      answers: { codes: [{ code: 201, line: 4 }], known: true, openEnds: [] },
      tests: [],
    },
  ]);
});

const TESTS = {
  'test/users.test.ts': [
    `import request from 'supertest';`,
    `import app from '../src/server';`,
    ``,
    `it('creates a user', async () => {`,
    `  await request(app).post('/v2/users/').send({ name: 'Ada' }).expect(201);`,
    `  const res = await request(app).post(\`\${base}/v2/users?notify=1\`);`,
    `  expect(res.status).toBe(400);`,
    `  await request(app).get('/v2/users').expect(200);`,
    `});`,
    ``,
  ].join('\n'),
};

test('routes --format json gives each route the test requests that call it; the text a count', () => {
  const dir = project({ ...FILES, ...TESTS });
  const json = routes(dir, '--format', 'json');
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(
    JSON.parse(json.stdout).map((route: { tests: unknown }) => route.tests),
    [
      [
        { file: 'test/users.test.ts', line: 5, method: 'POST', path: '/v2/users/', codes: [201] },
        { file: 'test/users.test.ts', line: 6, method: 'POST', path: '/v2/users', codes: [400] },
      ],
    ],
  );
  const text = routes(dir);
  assert.match(text.stdout, /^POST \/v2\/users .*\(registered at src\/users\/users\.routes\.ts:5\)  2 tests$/m);
});

const BOILERPLATE = {
  'src/app.js': `const express = require('express');\nconst routes = require('./routes/v1');\nconst app = express();\napp.use('/v1', routes);\nmodule.exports = app;\n`,
  'src/routes/v1/index.js': `const router = require('express').Router();\nconst userRoute = require('./user.route');\nrouter.use('/users', userRoute);\nmodule.exports = router;\n`,
  'src/routes/v1/user.route.js': [
    `const router = require('express').Router();`,
    `const userController = require('../../controllers/user.controller');`,
    `router.route('/').post(userController.createUser);`,
    `router.route('/:userId').get(userController.getUser);`,
    `router.get('/status/ping', (req, res) => res.sendStatus(204));`,
    `module.exports = router;`,
    ``,
  ].join('\n'),
  'src/controllers/user.controller.js': [
    `const httpStatus = require('http-status');`,
    `const ApiError = require('../utils/ApiError');`,
    `const catchAsync = require('../utils/catchAsync');`,
    ``,
    `const createUser = catchAsync(async (req, res) => {`,
    `  if (await userService.isEmailTaken(req.body.email)) return res.status(httpStatus.BAD_REQUEST).send({});`,
    `  res.status(httpStatus.CREATED).send(await userService.createUser(req.body));`,
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
    `module.exports = { createUser, getUser };`,
    ``,
  ].join('\n'),
};

test('routes says what each handler answers, and "unknown" where that is not all it can answer', () => {
  const dir = project(BOILERPLATE);
  const { code, stdout, stderr } = routes(dir);
  assert.equal(code, 0, stderr);
  assert.equal(
    stdout,
    [
      'POST /v1/users             src/controllers/user.controller.js:5 createUser  answers 201, 400  (registered at src/routes/v1/user.route.js:3)  0 tests',
      'GET /v1/users/{userId}     src/controllers/user.controller.js:10 getUser  answers 200 and unknown  (registered at src/routes/v1/user.route.js:4)  0 tests',
      'GET /v1/users/status/ping  inline  answers 204  (registered at src/routes/v1/user.route.js:5)  0 tests',
      '3 routes in 4 files',
      '',
    ].join('\n'),
  );
  const records = JSON.parse(routes(dir, '--format', 'json').stdout) as { path: string; answers: unknown }[];
  assert.deepEqual(records.find((record) => record.path === '/v1/users/{userId}')?.answers, {
    codes: [{ code: 200, line: 15, implicit: true }],
    known: false,
    openEnds: [{ reason: 'unknown-throw', line: 13 }],
  });
});

test('routes --format json says where middleware before the handler may answer first', () => {
  const dir = project({
    ...BOILERPLATE,
    'src/routes/v1/user.route.js': BOILERPLATE['src/routes/v1/user.route.js'].replace(
      '.post(userController.createUser)',
      ".post(auth('manageUsers'), userController.createUser)",
    ),
  });
  const records = JSON.parse(routes(dir, '--format', 'json').stdout) as { method: string; path: string; answers: unknown }[];
  assert.deepEqual(records.find((record) => record.method === 'POST')?.answers, {
    codes: [
      { code: 400, line: 6 },
      { code: 201, line: 7 },
    ],
    known: false,
    openEnds: [],
    middleware: { file: 'src/routes/v1/user.route.js', line: 3 },
  });
});

test("routes: an error a handler passes on is answered by the app's error handler, whose codes it lists with their file", () => {
  const dir = project({
    'src/app.js': [
      `const express = require('express');`,
      `const users = require('./users');`,
      `const { errorHandler } = require('./errors');`,
      `const app = express();`,
      `app.use('/users', users);`,
      `app.use(errorHandler);`,
      `module.exports = app;`,
      ``,
    ].join('\n'),
    'src/users.js': [
      `const router = require('express').Router();`,
      `router.get('/:id', async (req, res, next) => {`,
      `  try {`,
      `    res.json(await find(req.params.id));`,
      `  } catch (err) {`,
      `    next(err);`,
      `  }`,
      `});`,
      `module.exports = router;`,
      ``,
    ].join('\n'),
    'src/errors.js': [
      `function errorHandler(err, req, res, next) {`,
      `  if (err.notFound) return res.status(404).json({});`,
      `  res.status(500).json({});`,
      `}`,
      `module.exports = { errorHandler };`,
      ``,
    ].join('\n'),
  });
  const { code, stdout, stderr } = routes(dir);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^GET \/users\/\{id\} +inline +answers 200, 404, 500 +\(registered at src\/users\.js:2\)/m);
  const records = JSON.parse(routes(dir, '--format', 'json').stdout) as { answers: unknown }[];
  assert.deepEqual(records[0].answers, {
    codes: [
      { code: 200, line: 4, implicit: true },
      { code: 404, line: 2, file: 'src/errors.js' },
      { code: 500, line: 3, file: 'src/errors.js' },
    ],
    known: true,
    openEnds: [],
  });
});

test('a file routes cannot read is named, and the exit code says the list is incomplete', { skip: process.getuid?.() === 0 && 'root reads any file' }, () => {
  const dir = project(FILES);
  fs.chmodSync(path.join(dir, 'src/users/users.routes.ts'), 0o000);
  const { code, stderr } = routes(dir);
  assert.equal(code, 2);
  assert.match(stderr, /src\/users\/users\.routes\.ts: not read \(EACCES\)/);
});

test('routes rejects a format it does not write', () => {
  const { code, stderr } = routes(project(FILES), '--format', 'sarif');
  assert.equal(code, 2);
  assert.match(stderr, /unknown format "sarif" for routes/);
});

function check(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const APP = {
  'src/routes/user.route.js': `const router = require('express').Router();\nconst userController = require('../controllers/user.controller');\n\nrouter.post('/users', userController.createUser);\nmodule.exports = router;\n`,
  'src/controllers/user.controller.js': `const createUser = async (req, res) => {\n  res.status(200).send({});\n};\nmodule.exports = { createUser };\n`,
};

test('check judges a controller under the method of the route file that names it, and says where that is', () => {
  const dir = project(APP);
  const { code, stdout } = check(dir);
  assert.equal(code, 1);
  assert.match(
    stdout,
    /src\/controllers\/user\.controller\.js:2:14 error wrong-success-code POST answers 201 Created in the documented table, not 200 OK\. \(POST, registered at src\/routes\/user\.route\.js:4\)/,
  );
  const alone = check(dir, '--no-project');
  assert.equal(alone.code, 0, alone.stdout);
});

test('check --fix fixes the controller by its route file, and a second run finds nothing', () => {
  const dir = project(APP);
  const fixed = check(dir, '--fix');
  assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'src/controllers/user.controller.js'), 'utf8'), /res\.status\(201\)/);
  assert.equal(check(dir).code, 0);
});

test('with --cache, editing only the route file changes what the unchanged controller is judged by', () => {
  const dir = project(APP);
  assert.equal(check(dir, '--cache').code, 1);
  const route = path.join(dir, 'src/routes/user.route.js');
  fs.writeFileSync(route, fs.readFileSync(route, 'utf8').replace('router.post', 'router.get'));
  const again = check(dir, '--cache');
  assert.equal(again.code, 0, again.stdout);
});

test('a shard still sees the routes of files outside it', () => {
  const dir = project(APP);
  const outputs = ['1/2', '2/2'].map((shard) => check(dir, '--shard', shard).stdout).join('\n');
  assert.match(outputs, /registered at src\/routes\/user\.route\.js:4/);
});
