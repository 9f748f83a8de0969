/**
 * `statusdoc check` compares each operation's response codes with what its handler answers: on examples/express-app
 * (createUser answers 409 and 200, its operation lists 201 and 400; getUser never answers the 410 its operation
 * lists), in text, JSON and SARIF; a JSON spec with a `4XX` range and `default`, never flagged; a handler whose
 * answers are not known leaves its operation's codes unjudged.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function check(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-responses-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const RULES = /(response-not-in-spec|spec-response-unanswered)/;

test('the example: the codes the handler answers and the spec does not list, and those the spec lists and no handler answers', () => {
  const lines = check(ROOT, 'examples/express-app', '--exit-zero')
    .stdout.split('\n')
    .filter((line) => RULES.test(line));
  assert.deepEqual(lines, [
    'examples/express-app/docs/openapi.yaml:18:9 information spec-response-unanswered POST /users lists 201, but its handler (examples/express-app/src/controllers/user.controller.js:5) never answers it.',
    'examples/express-app/docs/openapi.yaml:20:9 information spec-response-unanswered POST /users lists 400, but its handler (examples/express-app/src/controllers/user.controller.js:5) never answers it.',
    'examples/express-app/docs/openapi.yaml:35:9 information spec-response-unanswered GET /users/{id} lists 410, but its handler (examples/express-app/src/controllers/user.controller.js:15) never answers it.',
    "examples/express-app/src/controllers/user.controller.js:6:61 warning response-not-in-spec The handler answers 409, which the spec's operation POST /users (examples/express-app/docs/openapi.yaml:15) does not list.",
    "examples/express-app/src/controllers/user.controller.js:8:14 warning response-not-in-spec The handler answers 200, which the spec's operation POST /users (examples/express-app/docs/openapi.yaml:15) does not list.",
  ]);
  assert.doesNotMatch(check(ROOT, 'examples/express-app', '--exit-zero', '--no-project').stdout, RULES);
});

test('--format json carries the code, sarif the rules and levels', () => {
  const json = JSON.parse(check(ROOT, 'examples/express-app', '--exit-zero', '--format', 'json').stdout) as {
    filePath: string;
    messages: { ruleId: string; line: number; code?: number }[];
  }[];
  const found = json.flatMap((file) => file.messages.filter((m) => RULES.test(m.ruleId)).map((m) => [path.basename(file.filePath), m.ruleId, m.line, m.code]));
  assert.deepEqual(found, [
    ['openapi.yaml', 'spec-response-unanswered', 18, 201],
    ['openapi.yaml', 'spec-response-unanswered', 20, 400],
    ['openapi.yaml', 'spec-response-unanswered', 35, 410],
    ['user.controller.js', 'response-not-in-spec', 6, 409],
    ['user.controller.js', 'response-not-in-spec', 8, 200],
  ]);
  const sarif = JSON.parse(check(ROOT, 'examples/express-app', '--exit-zero', '--format', 'sarif').stdout) as {
    runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[];
  };
  const [run] = sarif.runs;
  assert.ok(run.tool.driver.rules.some((rule) => rule.id === 'spec-response-unanswered'));
  assert.deepEqual(
    [...new Set(run.results.filter((r) => RULES.test(r.ruleId)).map((r) => `${r.ruleId} ${r.level}`))],
    ['spec-response-unanswered note', 'response-not-in-spec warning'],
  );
});

const JSON_SPEC = JSON.stringify(
  {
    openapi: '3.0.0',
    paths: {
      '/items': { post: { responses: { '201': { description: 'Created' }, '4XX': { description: 'Client error' } } } },
      '/items/{id}': { get: { responses: { '200': { description: 'OK' }, '404': { description: 'Missing' }, default: { description: 'Error' } } } },
    },
  },
  null,
  2,
);

test('a range or default covers a code; ranges and default are never unanswered; unknown answers are not judged', () => {
  const dir = project({
    'openapi.json': JSON_SPEC,
    'src/app.js': [
      "const app = require('express')();",
      "app.post('/items', (req, res) => { if (!req.body) return res.status(422).send(); res.status(201).send({}); });",
      "app.get('/items/:id', (req, res) => { res.status(req.query.code).send({}); });",
      '',
    ].join('\n'),
  });
  const lines = check(dir, '.', '--exit-zero')
    .stdout.split('\n')
    .filter((line) => RULES.test(line));
  // 422 is covered by 4XX; GET answers a code from a parameter: its 404 is not flagged, nor is default ever.
  assert.deepEqual(lines, []);
  fs.writeFileSync(
    path.join(dir, 'src/app.js'),
    [
      "const app = require('express')();",
      "app.post('/items', (req, res) => { if (!req.body) return res.status(500).send(); res.status(201).send({}); });",
      "app.get('/items/:id', (req, res) => { res.status(200).send({}); });",
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    check(dir, '.', '--exit-zero')
      .stdout.split('\n')
      .filter((line) => RULES.test(line))
      .map((line) => line.split(' ').slice(0, 3).join(' ')),
    // GET's 404 (its answers now known), and POST's 500 that neither 201 nor 4XX covers.
    ['openapi.json:22:11 information spec-response-unanswered', 'src/app.js:2:69 warning response-not-in-spec'],
  );
});
