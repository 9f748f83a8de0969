/**
 * `statusdoc check` holds specs and routes to each other: the bundled CLI on examples/express-app (a spec that drifts
 * from its routes both ways) finds operation-without-route in the spec and route-not-in-spec in the route file, in
 * every format; a `.statusdoc.json` `apis` mapping with a prefix; a JSON spec checked like a YAML one.
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-specs-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const DRIFT = /(operation-without-route|route-not-in-spec)/;

test('the example: the operation no route serves, in the spec; the route the spec does not list, in the route file', () => {
  const { stdout } = check(ROOT, 'examples/express-app', '--exit-zero');
  const drift = stdout.split('\n').filter((line) => DRIFT.test(line));
  assert.deepEqual(drift, [
    'examples/express-app/docs/openapi.yaml:37:5 information operation-without-route The spec lists PATCH /v1/users/{id}, but no route in the code serves it.',
    'examples/express-app/src/routes/v1/user.route.js:7:54 information route-not-in-spec The route DELETE /v1/users/{userId} is not listed in the spec (examples/express-app/docs/openapi.yaml).',
  ]);
  // --no-project judges file by file: no routes, no drift.
  assert.doesNotMatch(check(ROOT, 'examples/express-app', '--exit-zero', '--no-project').stdout, DRIFT);
});

test('--format json and sarif carry both rules, with no code for these endpoint findings', () => {
  const json = JSON.parse(check(ROOT, 'examples/express-app', '--exit-zero', '--format', 'json').stdout) as {
    filePath: string;
    messages: { ruleId: string; severity: number; line: number; column: number; code?: number }[];
  }[];
  const found = json.flatMap((file) =>
    file.messages.filter((m) => DRIFT.test(m.ruleId)).map((m) => [path.relative(ROOT, file.filePath), m.ruleId, m.line, m.column, m.code]),
  );
  assert.deepEqual(found, [
    ['examples/express-app/docs/openapi.yaml', 'operation-without-route', 37, 5, undefined],
    ['examples/express-app/src/routes/v1/user.route.js', 'route-not-in-spec', 7, 54, undefined],
  ]);
  const sarif = JSON.parse(check(ROOT, 'examples/express-app', '--exit-zero', '--format', 'sarif').stdout) as {
    runs: {
      tool: { driver: { rules: { id: string }[] } };
      results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    }[];
  };
  const [run] = sarif.runs;
  assert.ok(run.tool.driver.rules.some((rule) => rule.id === 'operation-without-route'));
  assert.deepEqual(
    run.results.filter((r) => DRIFT.test(r.ruleId)).map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri]),
    [
      ['operation-without-route', 'note', 'examples/express-app/docs/openapi.yaml'],
      ['route-not-in-spec', 'note', 'examples/express-app/src/routes/v1/user.route.js'],
    ],
  );
});

test("an apis mapping: the spec named, its prefix (not the servers' one), its code folder (not tools/); a JSON spec checked, package.json not", () => {
  const dir = project({
    '.statusdoc.json': JSON.stringify({ apis: [{ spec: 'api/openapi.json', prefix: '/api/v1', code: ['src/'] }] }),
    'src/app.js': `const app = require('express')();\napp.get('/api/v1/users', list);\napp.post('/api/v1/users', create);\n`,
    'tools/dev.js': `const app = require('express')();\napp.get('/debug', x);\n`,
    'api/openapi.json': JSON.stringify(
      {
        openapi: '3.0.0',
        servers: [{ url: '/ignored' }],
        paths: { '/users': { get: { responses: { '200': {} } }, delete: { responses: { '204': {}, '201': {} } } } },
      },
      null,
      2,
    ),
    'package.json': '{ "name": "not-a-spec", "status": 200 }',
  });
  const { stdout } = check(dir, '.', '--exit-zero');
  assert.deepEqual(
    stdout.split('\n').filter((line) => /^(src|api|tools|package)/.test(line)),
    [
      'api/openapi.json:15:7 information operation-without-route The spec lists DELETE /api/v1/users, but no route in the code serves it.',
      'api/openapi.json:17:11 error wrong-success-code DELETE answers 204 No Content in the documented table, not 201 Created.',
      'src/app.js:3:5 information route-not-in-spec The route POST /api/v1/users is not listed in the spec (api/openapi.json).',
    ],
  );
  // package.json is no spec: not even counted among the files checked.
  assert.match(stdout, /in 3 files/);
});
