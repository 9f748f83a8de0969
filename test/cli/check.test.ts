/** `statusdoc check` as CI runs it: exit codes, the three formats, --fix, .gitignore, shared severities. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import { RULE_IDS } from '../../server/src/core/checks/rules';

const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const made: string[] = [];

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-check-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function check(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const ROUTES = `app.post('/orders', (req, res) => res.status(200).json({}));
app.delete('/orders/:id', (req, res) => res.sendStatus(204));
app.get('/slow', (req, res) => res.status(429).end());
`;
const SPEC = `openapi: 3.0.3
paths:
  /orders:
    post:
      responses:
        '200': { description: ok }
`;

describe('statusdoc check', () => {
  test('text: file:line:col severity rule message, a summary, exit 1 on an error', () => {
    const dir = project({ 'src/routes.ts': ROUTES, 'api/openapi.yaml': SPEC });
    const { code, stdout } = check(dir);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      [
        'api/openapi.yaml:6:9 error wrong-success-code POST answers 201 Created in the documented table, not 200 OK.',
        'src/routes.ts:1:46 error wrong-success-code POST answers 201 Created in the documented table, not 200 OK.',
        // The spec beside the routes lists only POST /orders.
        'src/routes.ts:2:5 information route-not-in-spec The route DELETE /orders/{id} is not listed in the spec (api/openapi.yaml).',
        'src/routes.ts:3:5 information route-not-in-spec The route GET /slow is not listed in the spec (api/openapi.yaml).',
        'src/routes.ts:3:43 warning undocumented-code 429 Too Many Requests is not documented in the status-code table.',
        '',
        '✖ 5 problems (2 errors, 1 warning, 2 information/hint) in 2 files',
        '  2 fixable with the --fix option.',
        '',
      ].join('\n'),
    );
  });

  test('exit 0 with only warnings, 1 past --max-warnings, 0 with --exit-zero', () => {
    const dir = project({ 'a.ts': "app.get('/x', (req, res) => res.status(429).end());\n" });
    assert.equal(check(dir).code, 0);
    assert.equal(check(dir, '--max-warnings', '0').code, 1);
    assert.equal(check(project({ 'b.ts': ROUTES }), '--exit-zero').code, 0);
  });

  test('a clean project', () => {
    const dir = project({ 'a.ts': "app.post('/x', (req, res) => res.status(201).end());\n" });
    assert.deepEqual(check(dir), { code: 0, stdout: '✔ no problems in 1 file\n', stderr: '' });
  });

  test('json has the shape of ESLint results', () => {
    const dir = project({ 'routes.ts': ROUTES });
    const [file] = JSON.parse(check(dir, '--format', 'json').stdout);
    assert.equal(file.filePath, path.join(fs.realpathSync(dir), 'routes.ts'));
    assert.equal(file.errorCount, 1);
    assert.equal(file.warningCount, 1);
    assert.equal(file.fixableErrorCount, 1);
    assert.deepEqual(file.messages[0], {
      ruleId: 'wrong-success-code',
      severity: 2,
      severityName: 'error',
      message: 'POST answers 201 Created in the documented table, not 200 OK.',
      line: 1,
      column: 46,
      endLine: 1,
      endColumn: 49,
      code: 200,
      expected: 201,
      method: 'POST',
      fixable: true,
    });
  });

  test('sarif is valid SARIF 2.1.0 with what GitHub code scanning reads', () => {
    const dir = project({ 'src/routes.ts': ROUTES, 'api/openapi.yaml': SPEC });
    const { code, stdout } = check(dir, '--format', 'sarif');
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as { version: string; runs: any[] };
    const validate = new Ajv({ strict: false, unicodeRegExp: false, validateFormats: false, allErrors: true }).compile(SARIF_SCHEMA);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'statusdoc');
    assert.deepEqual(
      run.tool.driver.rules.map((rule: { id: string }) => rule.id),
      [...RULE_IDS],
    );
    // Two of them route-not-in-spec: findings about an endpoint, with no status code.
    assert.equal(run.results.length, 5);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text.length > 0);
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(location.artifactLocation.uri, /^(src\/routes\.ts|api\/openapi\.yaml)$/, 'relative, forward slashes');
      assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
    }
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'), true);
  });

  test('--fix writes the safe fixes and reports what remains', () => {
    const dir = project({ 'src/routes.ts': ROUTES, 'api/openapi.yaml': SPEC });
    const { code, stdout, stderr } = check(dir, '--fix');
    assert.equal(code, 0, 'only the warning is left');
    assert.equal(fs.readFileSync(path.join(dir, 'src/routes.ts'), 'utf8'), ROUTES.replace('status(200)', 'status(201)'));
    assert.equal(fs.readFileSync(path.join(dir, 'api/openapi.yaml'), 'utf8'), SPEC.replace("'200'", "'201'"));
    assert.match(stdout, /^src\/routes\.ts:3:43 warning undocumented-code/m);
    assert.match(stderr, /fixed 2 problems in 2 files/);
  });

  test('--fix --lang zh-cn says what it fixed in Chinese', () => {
    const dir = project({ 'src/routes.ts': ROUTES, 'api/openapi.yaml': SPEC, 'api.md': '# API\n', 'bin.ts': 'x\u0000' });
    const { stderr } = check(dir, 'src', 'api', 'api.md', 'bin.ts', '--fix', '--lang', 'zh-cn');
    assert.equal(
      stderr,
      'statusdoc: 已跳过 api.md：不是 TypeScript、JavaScript、YAML 文件或 JSON 格式的 OpenAPI 规范\nstatusdoc: 已跳过 bin.ts：二进制内容\nstatusdoc: 已修复 2 个文件中的 2 个问题\n',
    );
  });

  test('.statusdoc.json rules set severities the CLI and the editor share', () => {
    const dir = project({ '.statusdoc.json': '{ "rules": { "wrong-success-code": "warning", "undocumented-code": "off" } }', 'routes.ts': ROUTES });
    const { code, stdout } = check(dir);
    assert.equal(code, 0);
    assert.match(stdout, /routes\.ts:1:46 warning wrong-success-code/);
    assert.doesNotMatch(stdout, /undocumented-code/);
  });

  test('.gitignore and node_modules are skipped; a named file is read anyway', () => {
    const dir = project({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'generated/client.ts': ROUTES,
      'api.gen.ts': ROUTES,
      'node_modules/lib/index.js': ROUTES,
      'src/ok.ts': "app.post('/x', (req, res) => res.status(201).end());\n",
    });
    assert.equal(check(dir).stdout, '✔ no problems in 1 file\n');
    assert.match(check(dir, 'api.gen.ts').stdout, /api\.gen\.ts:1:46 error/);
  });

  test('a bad table or bad usage is exit 2 with a message', () => {
    const dir = project({ '.statusdoc.json': '{ "table": "missing.md" }', 'a.ts': ROUTES });
    const bad = check(dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad table: .*missing\.md \(named by .*\.statusdoc\.json\): file not found/);
    assert.equal(check(dir, '--format', 'xml').code, 2);
    assert.equal(check(dir, '--max-warnings', 'many').code, 2);
    const rules = project({ '.statusdoc.json': '{ "rules": { "no-such-rule": "off" } }', 'a.ts': ROUTES });
    assert.match(check(rules).stderr, /"rules\.no-such-rule": unknown rule/);
  });

  test('--lang zh-cn', () => {
    const dir = project({ 'routes.ts': ROUTES });
    assert.match(check(dir, '--lang', 'zh-cn').stdout, /文档状态码表规定 POST 操作正常返回 201 Created，而不是 200 OK。/);
  });
});

describe('statusdoc check on a file list', () => {
  test('a named file of another kind (README.md from a lint-staged list) is skipped, not read as TypeScript', () => {
    const dir = project({
      'api.md': '```ts\nres.status(200)\n```\n',
      'a.ts': "app.post('/x', (req, res) => res.status(201).end());\n",
      'package.json': '{ "name": "x", "status": 200 }',
    });
    const { code, stdout, stderr } = check(dir, 'api.md', 'a.ts', 'package.json', '--fix');
    assert.equal(code, 0);
    assert.equal(stdout, '✔ no problems in 1 file\n');
    assert.match(stderr, /skipped api\.md: not a TypeScript, JavaScript or YAML file, nor an OpenAPI spec in JSON/);
    assert.match(stderr, /skipped package\.json: not a TypeScript, JavaScript or YAML file, nor an OpenAPI spec in JSON/);
    assert.equal(fs.readFileSync(path.join(dir, 'api.md'), 'utf8'), '```ts\nres.status(200)\n```\n');
  });
});

test('a bad table reads in Chinese with --lang zh-cn', () => {
  const dir = project({ '.statusdoc.json': '{ "table": "missing.md" }', 'a.ts': ROUTES });
  const { code, stderr } = check(dir, '--lang', 'zh-cn');
  assert.equal(code, 2);
  assert.match(stderr, /状态码表有问题：.*missing\.md（由 .*\.statusdoc\.json 指定）：找不到文件/);
});

describe('a file not checked is never reported clean', () => {
  const CLEAN = "app.post('/x', (req, res) => res.status(201).end());\n";

  test('text: a note, a line in the report, exit 1; --exit-zero still exits 0', () => {
    const dir = project({ 'a.ts': CLEAN, 'bin.ts': 'res.status(\u0000201)' });
    const { code, stdout, stderr } = check(dir);
    assert.equal(code, 1);
    assert.match(stderr, /statusdoc: skipped bin\.ts: binary content/);
    assert.equal(stdout, 'bin.ts: not checked: binary content\n\n✖ 1 file not checked; no problems in the 1 other file\n');
    assert.equal(check(dir, '--exit-zero').code, 0);
  });

  test('a file over --max-file-size is not checked; under the default limit it is', () => {
    const big = `${CLEAN}${'// padding\n'.repeat(20_000)}app.post('/y', (req, res) => res.status(200).end());\n`;
    const dir = project({ 'big.ts': big });
    const limited = check(dir, '--max-file-size', '0.1', '--format', 'json');
    assert.equal(limited.code, 1);
    const [file] = JSON.parse(limited.stdout);
    assert.equal(file.errorCount, 1);
    assert.equal(file.fatalErrorCount, 1);
    assert.deepEqual(
      file.messages.map((m: { fatal?: boolean; ruleId: string | null }) => [m.fatal ?? false, m.ruleId]),
      [[true, null]],
    );
    assert.match(file.messages[0].message, /^Not checked: larger than 104,857 characters \(\d[\d,]+\)$/);
    const full = check(dir, '--format', 'json');
    assert.deepEqual(
      JSON.parse(full.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId),
      ['wrong-success-code'],
    );
    assert.match(check(dir, '--max-file-size', '0').stderr, /--max-file-size takes a number of megabytes above 0/);
  });

  test('SARIF: a failed invocation with a notification naming the file, valid against the schema', () => {
    const dir = project({ 'a.ts': CLEAN, 'bin.ts': 'res.status(\u0000201)' });
    const { code, stdout } = check(dir, '--format', 'sarif');
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as { runs: any[] };
    const validate = new Ajv({ strict: false, unicodeRegExp: false, validateFormats: false, allErrors: true }).compile(SARIF_SCHEMA);
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications.map(
        (n: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
          n.message.text,
          n.locations[0].physicalLocation.artifactLocation.uri,
        ],
      ),
      [['Not checked: binary content', 'bin.ts']],
    );
  });

  test('TypeScript that overflows the parser is reported as not checked, too deep (the file, not a statusdoc bug)', () => {
    const deep = `app.post('/x', (req, res) => res.status(200).end());\nconst x = ${'('.repeat(3000)}1${')'.repeat(3000)};\n`;
    const dir = project({ 'deep.ts': deep, 'a.ts': CLEAN });
    const { code, stdout, stderr } = check(dir);
    assert.equal(code, 1);
    assert.match(stdout, /^deep\.ts: not checked: nested too deeply for the parser to read$/m);
    assert.doesNotMatch(stderr, /at /);
  });

  test('YAML nested deeper than the parser can take is reported, not called clean', () => {
    const deep = `openapi: 3.0.3\nx: ${'['.repeat(500)}${']'.repeat(500)}\n`;
    const dir = project({ 'deep.yaml': deep });
    const { code, stdout } = check(dir);
    assert.equal(code, 1);
    assert.match(stdout, /deep\.yaml: not checked: nested deeper than 400 levels/);
  });
});
