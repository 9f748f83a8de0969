/**
 * test-expects-unanswered-code in the built CLI: the example Express app's test that expects 400 from a handler that
 * never answers it, in every format, on worker threads and across shards; with --cache, an edit of the handler alone
 * changes the unchanged test's verdict; --no-project judges file by file and does not know.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');
const RULE = 'test-expects-unanswered-code';
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A copy of examples/express-app, to run in and to edit. */
function exampleApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-test-expects-'));
  made.push(dir);
  fs.cpSync(path.join(ROOT, 'examples/express-app'), dir, { recursive: true });
  return dir;
}

function check(dir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BAD_ID =
  'tests/user.test.js:12:58 warning test-expects-unanswered-code GET /v1/users/{userId} never answers 400 (its handler getUser answers 200, 404; src/controllers/user.controller.js:15).';

/** The rule's lines of a text report. */
function ruleLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.includes(RULE));
}

test("the example app: the test expecting 400 of getUser, and the one expecting the 201 createUser's wrong 200 keeps from it", () => {
  const dir = exampleApp();
  const { stdout } = check(dir, ['.']);
  assert.deepEqual(ruleLines(stdout), [
    'tests/user.test.js:7:71 warning test-expects-unanswered-code POST /v1/users never answers 201 (its handler createUser answers 200, 409; src/controllers/user.controller.js:5).',
    BAD_ID,
  ]);
  assert.deepEqual(ruleLines(check(dir, ['.', '--no-project']).stdout), [], 'judged file by file, no test knows its handler');
});

test('every format names the rule; worker threads and shards give the same findings', () => {
  const dir = exampleApp();
  const json = JSON.parse(check(dir, ['.', '--format', 'json']).stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  const flagged = json.flatMap((file) => file.messages.filter((m) => m.ruleId === RULE).map((m) => `${path.relative(dir, file.filePath)}:${m.line}`));
  assert.deepEqual(flagged, ['tests/user.test.js:7', 'tests/user.test.js:12']);
  const sarif = JSON.parse(check(dir, ['.', '--format', 'sarif']).stdout) as { runs: { results: { ruleId: string }[] }[] };
  assert.equal(sarif.runs[0].results.filter((result) => result.ruleId === RULE).length, 2);
  const inProcess = check(dir, ['.']).stdout;
  assert.equal(check(dir, ['.', '--concurrency', '2'], { STATUSDOC_TEST_WORKERS_ONLY: '1' }).stdout, inProcess);
  const shards = ['1/2', '2/2'].flatMap((shard) => ruleLines(check(dir, ['.', '--shard', shard]).stdout));
  assert.deepEqual(shards.sort(), ruleLines(inProcess).sort());
});

test('with --cache, the handler answering 400 clears the unchanged test; answering 404 only again brings it back', () => {
  const dir = exampleApp();
  const controller = path.join(dir, 'src/controllers/user.controller.js');
  const original = fs.readFileSync(controller, 'utf8');
  assert.ok(ruleLines(check(dir, ['.', '--cache']).stdout).includes(BAD_ID));
  fs.writeFileSync(controller, original.replace(`  if (!user)`, `  if (!/^\\d+$/.test(req.params.userId)) return res.status(400).send({});\n  if (!user)`));
  const cleared = check(dir, ['.', '--cache']);
  assert.deepEqual(
    ruleLines(cleared.stdout).filter((line) => line.includes('400')),
    [],
    cleared.stdout,
  );
  fs.writeFileSync(controller, original);
  assert.ok(ruleLines(check(dir, ['.', '--cache']).stdout).includes(BAD_ID));
});

test("examples/: a test of the Express app, made on it or by URL, is judged by that app's handlers only", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-test-expects-apps-'));
  made.push(dir);
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  const lines = (args: string[], env: Record<string, string> = {}) =>
    ruleLines(check(dir, ['.', ...args], env).stdout).filter((line) => line.startsWith('tests/orders.test.ts'));
  const expected = [
    // request(app) with `app` from ../express/app: the NestJS controller's POST /orders is another app's.
    'tests/orders.test.ts:7:73 warning test-expects-unanswered-code POST /orders never answers 201 (its handler answers 200, 400, 503; express/orders.ts:14).',
    // fetch('http://localhost:3000/orders/1') in a test that imports the Express app: the server it calls is that app.
    'tests/orders.test.ts:18:29 warning test-expects-unanswered-code GET /orders/{id} never answers 503 (its handler answers 200, 404; express/orders.ts:6).',
  ];
  assert.deepEqual(lines([]), expected);
  assert.deepEqual(lines(['--concurrency', '2'], { STATUSDOC_TEST_WORKERS_ONLY: '1' }), expected);
  assert.deepEqual(lines(['--cache']), expected);
  assert.deepEqual(lines(['--cache']), expected, 'from the cache');
});
