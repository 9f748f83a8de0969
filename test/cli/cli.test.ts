/** The bundled CLI (server/out/cli.js) run as CI would run it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('statusdoc sites', () => {
  test('prints file:line:col code reason — meaning for the examples', () => {
    const { code, stdout } = run(['sites', 'examples']);
    assert.equal(code, 0);
    assert.match(stdout, /^examples\/express\/orders\.ts:20:16 200 OK — Normal answer of GET and PUT\.  \[POST · \.status\(\)\]$/m);
    assert.match(stdout, /^examples\/openapi\/orders\.yaml:10:9 200 OK — .*\[POST · OpenAPI responses\]$/m);
    assert.match(stdout, /^examples\/nestjs\/orders\.controller\.ts:44:47 503 Service Unavailable — /m);
    assert.match(stdout, /^\d+ status-code sites in 16 files$/m);
    assert.doesNotMatch(stdout, /orders\.ts:45:\d+ 200/, 'setTimeout(…, 200) is not a site');
  });

  test('--format json gives positions, meanings and methods', () => {
    const { code, stdout } = run(['sites', 'examples/openapi', '--format', 'json']);
    assert.equal(code, 0);
    const records = JSON.parse(stdout);
    const first = records[0];
    assert.equal(first.file, path.join('examples', 'openapi', 'orders.yaml'));
    assert.deepEqual([first.line, first.column, first.endLine, first.endColumn, first.code], [10, 9, 10, 14, 200]);
    assert.equal(first.meaning['zh-cn'], 'GET和PUT操作正常返回。');
    assert.deepEqual(first.method, { name: 'POST', source: 'openapi', at: first.method.at });
    assert.equal(records.find((r: { code: number }) => r.code === 429).documented, false);
  });

  test('--lang zh-cn prints the documented Chinese', () => {
    const { stdout } = run(['sites', 'examples/nestjs', '--lang', 'zh-cn']);
    assert.match(stdout, /503 Service Unavailable — 请求未完成，系统暂时异常。/);
  });

  test('reads the table named by the nearest .statusdoc.json', () => {
    const dir = tempProject({
      '.statusdoc.json': '{ "table": "docs/codes.yaml" }',
      'docs/codes.yaml': 'codes:\n  - code: 201\n    meaning: Normal answer of POST and PATCH.\n',
      'src/api/handler.ts': 'app.patch("/x", (req, res) => res.status(201));\n',
    });
    const { code, stdout } = run(['sites', '.'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /src\/api\/handler\.ts:1:42 201 Created — Normal answer of POST and PATCH\.  \[PATCH · \.status\(\)\]/);
  });

  test('a malformed table is exit code 2 with a message naming file and line', () => {
    const dir = tempProject({
      '.statusdoc.json': '{ "table": "status.md" }',
      'status.md': '| Code | Meaning |\n|---|---|\n| 200 | OK for GET. |\n| 2O1 | typo |\n',
      'a.ts': 'res.status(200);\n',
    });
    const { code, stderr } = run(['sites'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /status\.md:4: row 2: expected a status code from 100 to 599, found "2O1"/);
  });

  test('bad usage is exit code 2', () => {
    assert.equal(run(['nonsense']).code, 2);
    assert.equal(run(['sites', '--format', 'xml']).code, 2);
    assert.equal(run(['sites', 'no/such/dir']).code, 2);
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: statusdoc <command>/);
  });

  test('binary and unreadable files do not stop the run', () => {
    const dir = tempProject({ 'bin.ts': 'res.status(\u0000201)', 'ok.yaml': 'method: POST\nstatus: 201\n' });
    const { code, stdout, stderr } = run(['sites', '.'], dir);
    assert.equal(code, 0);
    assert.match(stderr, /skipped bin\.ts: binary content/);
    assert.match(stdout, /ok\.yaml:2:9 201 Created/);
  });
});
