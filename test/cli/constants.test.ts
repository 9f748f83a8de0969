/** `statusdoc constants`: the project module from the table, outside the editor, and --check for CI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'constants', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('writes the module where the project keeps it, --check follows the table', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-constants-cli-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.writeFileSync(
    path.join(dir, 'docs', 'codes.md'),
    '| Code | Reason | Meaning |\n|---|---|---|\n| 201 | Created | POST操作正常返回。 |\n| 404 | Not Found | 找不到。 |\n',
  );
  fs.writeFileSync(path.join(dir, '.statusdoc.json'), '{ "table": "docs/codes.md", "constants": { "module": "lib/codes.ts" } }');

  assert.deepEqual(run(dir, '--check'), { code: 1, stdout: '', stderr: 'lib/codes.ts does not exist: run statusdoc constants to regenerate it\n' });
  assert.deepEqual(run(dir), { code: 0, stdout: 'wrote lib/codes.ts\n', stderr: '' });
  const module = fs.readFileSync(path.join(dir, 'lib', 'codes.ts'), 'utf8');
  assert.match(module, /^ {2}CREATED: 201,$/m);
  assert.match(module, /^ {3}\* 404 Not Found — 找不到。$/m);
  assert.equal(run(dir, '--check').code, 0);

  // The team documents 409 now: the module is out of date until regenerated.
  fs.appendFileSync(path.join(dir, 'docs', 'codes.md'), '| 409 | Conflict | 冲突。 |\n');
  assert.deepEqual(run(dir, '--check'), { code: 1, stdout: '', stderr: 'lib/codes.ts is out of date: run statusdoc constants to regenerate it\n' });
  assert.equal(run(dir).code, 0);
  assert.match(fs.readFileSync(path.join(dir, 'lib', 'codes.ts'), 'utf8'), /^ {2}CONFLICT: 409,$/m);
  assert.equal(run(dir, '--out', 'elsewhere.ts').stdout, 'wrote elsewhere.ts\n');
  assert.equal(run(dir, 'src').code, 2, 'no paths');
});

test('--lang zh-cn: the notes and a bad table in Chinese', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-constants-cli-'));
  made.push(dir);
  assert.deepEqual(run(dir, '--check', '--lang', 'zh-cn'), { code: 1, stdout: '', stderr: 'http-status.ts 不存在：请运行 statusdoc constants 生成\n' });
  assert.deepEqual(run(dir, '--lang', 'zh-cn'), { code: 0, stdout: '已写入 http-status.ts\n', stderr: '' });
  assert.deepEqual(run(dir, '--lang', 'zh-cn'), { code: 0, stdout: 'http-status.ts 已是最新\n', stderr: '' });
  assert.deepEqual(run(dir, '--check', '--lang', 'zh-cn'), { code: 0, stdout: 'http-status.ts 与文档状态码表一致\n', stderr: '' });
  assert.deepEqual(run(dir, '--check'), { code: 0, stdout: 'http-status.ts is up to date with the documented table\n', stderr: '' });
  fs.writeFileSync(path.join(dir, '.statusdoc.json'), '{ "table": 5 }');
  assert.deepEqual(run(dir, '--lang', 'zh-cn'), {
    code: 2,
    stdout: '',
    // A .statusdoc.json problem names its file; it is not called a bad table.
    stderr: `statusdoc: ${path.join(fs.realpathSync(dir), '.statusdoc.json')}: "table" 必须是路径字符串\n`,
  });
  assert.equal(run(dir, '--lang', 'fr').code, 2, 'an unknown language is bad usage here too');
});
