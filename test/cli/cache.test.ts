/**
 * `check --cache`: a second run answers from the cache, and exactly what changed is analysed again. A cached answer is
 * told from a fresh one by planting a marker in the cache file's messages: only an answer from the cache shows it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';

const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-cache-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) write(dir, name, text);
  return dir;
}

function write(dir: string, name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}

function check(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--cache', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CACHE = '.statusdoccache';

/** Marks every cached message, so that the next run shows which files came from the cache. */
function plantMarker(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/"message":"/g, '"message":"CACHED '));
}

/** The files whose problems came from the cache in a text report. */
function fromCache(stdout: string): string[] {
  return [...new Set([...stdout.matchAll(/^(\S+):\d+:\d+ \S+ \S+ CACHED /gm)].map((match) => match[1]))].sort();
}

const POST_200 = "app.post('/x', (req, res) => res.status(200).end());\n";
const GET_429 = "app.get('/y', (req, res) => res.status(429).end());\n";
const SPEC = 'openapi: 3.0.3\npaths:\n  /o:\n    post:\n      responses:\n        "200": { description: ok }\n';
const TABLE = '| Code | Reason | Meaning |\n|---|---|---|\n| 200 | OK | GET和PUT操作正常返回。 |\n| 201 | Created | POST操作正常返回。 |\n';

describe('statusdoc check --cache', () => {
  test('the second run answers from the cache, with the same report', () => {
    const dir = project({ 'a.ts': POST_200, 'b.ts': GET_429, 'api.yaml': SPEC });
    const first = check(dir);
    assert.equal(first.code, 1);
    assert.ok(fs.existsSync(path.join(dir, CACHE)));
    assert.deepEqual(check(dir), first, 'same output, same exit code');
    plantMarker(path.join(dir, CACHE));
    assert.deepEqual(fromCache(check(dir).stdout), ['a.ts', 'api.yaml', 'b.ts']);
    for (const format of ['json', 'sarif']) assert.match(check(dir, '--format', format).stdout, /CACHED POST answers 201/);
  });

  test('a changed file is analysed again, the others are not', () => {
    const dir = project({ 'a.ts': POST_200, 'b.ts': GET_429, 'api.yaml': SPEC });
    check(dir);
    plantMarker(path.join(dir, CACHE));
    write(dir, 'b.ts', `// a comment\n${GET_429}`);
    // Touched, not changed: its content hash still matches.
    fs.utimesSync(path.join(dir, 'a.ts'), new Date(), new Date(Date.now() + 5000));
    const { stdout } = check(dir);
    assert.deepEqual(fromCache(stdout), ['a.ts', 'api.yaml']);
    assert.match(stdout, /^b\.ts:2:\d+ warning undocumented-code 429/m);
  });

  test('a changed table invalidates the files it is in force for, and only those', () => {
    const dir = project({
      'svc/.statusdoc.json': '{ "table": "codes.md" }',
      'svc/codes.md': TABLE,
      'svc/a.ts': POST_200,
      'other/b.ts': POST_200,
    });
    check(dir);
    plantMarker(path.join(dir, CACHE));
    assert.deepEqual(fromCache(check(dir).stdout), ['other/b.ts', 'svc/a.ts']);
    write(dir, 'svc/codes.md', TABLE.replace('POST操作正常返回。', 'POST和PATCH操作正常返回。'));
    assert.deepEqual(fromCache(check(dir).stdout), ['other/b.ts']);
  });

  test('changed rule severities, another language or another size limit analyse again', () => {
    const dir = project({ '.statusdoc.json': '{ "rules": {} }', 'a.ts': POST_200 });
    check(dir);
    plantMarker(path.join(dir, CACHE));
    assert.deepEqual(fromCache(check(dir).stdout), ['a.ts']);
    assert.deepEqual(fromCache(check(dir, '--max-file-size', '1').stdout), []);
    assert.doesNotMatch(check(dir, '--lang', 'zh-cn').stdout, /CACHED/);
    write(dir, '.statusdoc.json', '{ "rules": { "wrong-success-code": "warning" } }');
    assert.match(check(dir).stdout, /^a\.ts:1:\d+ warning wrong-success-code POST answers/m);
  });

  test('a cache written by another build of statusdoc is not used', () => {
    const dir = project({ 'a.ts': POST_200 });
    check(dir);
    plantMarker(path.join(dir, CACHE));
    const file = path.join(dir, CACHE);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"version":"[^"]*"/, '"version":"0.0.1+0123456789ab"'));
    const { stdout, stderr } = check(dir);
    assert.deepEqual(fromCache(stdout), []);
    assert.equal(stderr, '', 'a stale cache is simply replaced');
  });

  test('a damaged cache is ignored with a note and rewritten; a foreign file is ignored and left alone', () => {
    const dir = project({ 'a.ts': POST_200 });
    const first = check(dir);
    const file = path.join(dir, CACHE);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 60));
    const damaged = check(dir);
    assert.equal(damaged.stdout, first.stdout);
    assert.equal(damaged.stderr, `statusdoc: ignoring the cache ${CACHE}: damaged; it will be rewritten\n`);
    assert.deepEqual(check(dir), first, 'rewritten whole');

    fs.writeFileSync(path.join(dir, 'notes.txt'), 'my notes\n');
    const foreign = check(dir, '--cache-location', 'notes.txt');
    assert.equal(foreign.stdout, first.stdout);
    assert.equal(foreign.stderr, 'statusdoc: ignoring the cache notes.txt: not a statusdoc cache; it will not be overwritten\n');
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'my notes\n');
  });

  test('an entry of the wrong shape is never trusted', () => {
    const dir = project({ 'a.ts': POST_200, 'b.ts': GET_429 });
    const first = check(dir, '--format', 'json');
    const file = path.join(dir, CACHE);
    const cache = JSON.parse(fs.readFileSync(file, 'utf8'));
    cache.files['a.ts'].findings[0].line = 'one';
    cache.files['b.ts'].findings[0].rule = 'no-such-rule';
    fs.writeFileSync(file, JSON.stringify(cache));
    assert.deepEqual(check(dir, '--format', 'json'), first);
  });

  test('--cache-location names the file, or a folder for it', () => {
    const dir = project({ 'a.ts': POST_200 });
    check(dir, '--cache-location', 'tmp/statusdoc.cache');
    assert.ok(fs.existsSync(path.join(dir, 'tmp/statusdoc.cache')));
    check(dir, '--cache-location', 'cachedir/');
    assert.ok(fs.existsSync(path.join(dir, 'cachedir', CACHE)));
    assert.ok(!fs.existsSync(path.join(dir, CACHE)));
    const sites = spawnSync(process.execPath, [CLI, 'sites', '--cache'], { cwd: dir, encoding: 'utf8' });
    assert.equal(sites.status, 2);
    assert.match(sites.stderr, /--cache and --cache-location go with check/);
  });

  test('--fix with a cache fixes the files whose cached findings are fixable', () => {
    const dir = project({ 'a.ts': POST_200, 'b.ts': GET_429 });
    check(dir);
    const { code, stderr } = check(dir, '--fix');
    assert.equal(code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8'), POST_200.replace('200', '201'));
    assert.match(stderr, /fixed 1 problem in 1 file/);
    plantMarker(path.join(dir, CACHE));
    assert.deepEqual(fromCache(check(dir).stdout), ['b.ts'], 'the fixed file is cached as fixed');
  });

  test('results from worker threads are cached like the main thread’s', () => {
    const dir = project(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.ts`, i % 2 ? POST_200 : GET_429])));
    const env = { ...process.env, STATUSDOC_TEST_WORKERS_ONLY: '1' };
    const onWorkers = spawnSync(process.execPath, [CLI, 'check', '--cache', '--concurrency', '2'], { cwd: dir, encoding: 'utf8', env });
    plantMarker(path.join(dir, CACHE));
    const again = check(dir, '--debug');
    assert.equal(fromCache(again.stdout).length, 12);
    assert.match(again.stderr, /12 files: 12 from the cache, 0 analysed/);
    assert.equal(again.stdout.replace(/CACHED /g, ''), onWorkers.stdout);
  });
});

/** Express laid out as the boilerplates are: the route in one file, its handler in another. */
const ROUTE_FILE =
  "const express = require('express');\nconst users = require('./users.controller');\nconst router = express.Router();\nrouter.post('/users', users.create);\nmodule.exports = router;\n";
const HANDLER_FILE = 'exports.create = (req, res) => {\n  res.status(200).json({});\n};\n';

function checkWithout(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('statusdoc check --cache with the route index', () => {
  test('a cold and a warm run report what a run without the cache reports, the warm one from the cache alone', () => {
    const dir = project({ 'src/routes.js': ROUTE_FILE, 'src/users.controller.js': HANDLER_FILE, 'api.yaml': SPEC });
    const uncached = checkWithout(dir, '--format', 'json');
    assert.match(uncached.stdout, /POST answers 201 Created in the documented table, not 200 OK\. \(POST, registered at src\/routes\.js:4\)/);
    assert.deepEqual(check(dir, '--format', 'json'), uncached, 'cold');
    const warm = check(dir, '--format', 'json', '--debug');
    assert.equal(warm.stdout, uncached.stdout, 'warm');
    assert.equal(warm.stderr, 'statusdoc: 3 files: 3 from the cache, 0 analysed in the main thread\n');
  });

  test('a warm run takes each unchanged file’s module facts from the cache, without parsing it', () => {
    const dir = project({ 'src/routes.js': ROUTE_FILE, 'src/users.controller.js': HANDLER_FILE });
    check(dir);
    // The route file on disk still says POST; only facts read from the cache can say PUT.
    const file = path.join(dir, CACHE);
    const cache = JSON.parse(fs.readFileSync(file, 'utf8'));
    const [registration] = cache.files['src/routes.js'].routes.facts.registrations;
    assert.equal(registration.method, 'POST');
    registration.method = 'PUT';
    fs.writeFileSync(file, JSON.stringify(cache));
    assert.match(check(dir).stdout, /no problems in 2 files/);
  });

  test('editing a route file between two cached runs changes its handler’s findings', () => {
    const dir = project({ 'src/routes.js': ROUTE_FILE, 'src/users.controller.js': HANDLER_FILE });
    assert.match(check(dir).stdout, /^src\/users\.controller\.js:2:14 error wrong-success-code POST answers 201 .*registered at src\/routes\.js:4\)$/m);
    write(dir, 'src/routes.js', ROUTE_FILE.replace('router.post', 'router.put'));
    assert.match(check(dir).stdout, /no problems in 2 files/, 'under PUT, 200 is the documented code');
    // The same route one line lower: the message says where it is registered, so the handler is judged again.
    write(dir, 'src/routes.js', `// users\n${ROUTE_FILE}`);
    const moved = check(dir);
    assert.match(moved.stdout, /registered at src\/routes\.js:5\)$/m);
    assert.equal(moved.stdout, checkWithout(dir).stdout);
  });

  test('module facts of the wrong shape in the cache are never trusted: the file is read again', () => {
    const dir = project({ 'src/routes.js': ROUTE_FILE, 'src/users.controller.js': HANDLER_FILE });
    const first = check(dir, '--format', 'json');
    const file = path.join(dir, CACHE);
    const cache = JSON.parse(fs.readFileSync(file, 'utf8'));
    cache.files['src/routes.js'].routes.facts.registrations = 'none';
    cache.files['src/users.controller.js'].routes.facts.locals = [['create', { at: 'here' }]];
    fs.writeFileSync(file, JSON.stringify(cache));
    assert.deepEqual(check(dir, '--format', 'json'), first);
  });

  test('a --no-project run and a run with the index share a cache without taking each other’s answers', () => {
    const dir = project({ 'src/routes.js': ROUTE_FILE, 'src/users.controller.js': HANDLER_FILE });
    const alone = checkWithout(dir, '--no-project').stdout;
    const withIndex = checkWithout(dir).stdout;
    assert.notEqual(alone, withIndex);
    for (const args of [['--no-project'], [], ['--no-project'], []]) assert.equal(check(dir, ...args).stdout, args.length ? alone : withIndex);
  });
});
