/** `--shard i/n` gives every file to exactly one shard, stably; `statusdoc merge` makes the shards' reports one. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { parseShard, shardOf } from '../../server/src/cli/shard';

const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const POST_200 = "app.post('/x', (req, res) => res.status(200).end());\n";
const GET_429 = "app.get('/y', (req, res) => res.status(429).end());\n";
const CLEAN = "app.post('/z', (req, res) => res.status(201).end());\n";
const SPEC = 'openapi: 3.0.3\npaths:\n  /o:\n    delete:\n      responses:\n        "200": { description: ok }\n';

/** 24 files in nested folders, of every kind of outcome, and one file not checked. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-shard-'));
  made.push(dir);
  const texts = [POST_200, GET_429, CLEAN, `${POST_200}${GET_429}`];
  for (let i = 0; i < 20; i++) {
    const name = path.join(dir, `pkg${i % 3}`, i % 2 ? 'src' : 'test', `file-${i}.ts`);
    fs.mkdirSync(path.dirname(name), { recursive: true });
    fs.writeFileSync(name, texts[i % texts.length]);
  }
  fs.writeFileSync(path.join(dir, 'api.yaml'), SPEC);
  fs.writeFileSync(path.join(dir, 'a.ts'), POST_200);
  fs.writeFileSync(path.join(dir, 'a-b.ts'), GET_429);
  fs.writeFileSync(path.join(dir, 'bin.ts'), 'res.status(\u0000201)');
  return dir;
}

const filesOf = (json: string): string[] => JSON.parse(json).map((file: { filePath: string }) => file.filePath);

describe('--shard', () => {
  test('every file in exactly one shard, for any number of shards', () => {
    const dir = project();
    const all = filesOf(run(dir, 'check', '--format', 'json').stdout);
    assert.equal(all.length, 24);
    for (const count of [1, 2, 3, 5]) {
      const shards = Array.from({ length: count }, (_, i) => filesOf(run(dir, 'check', '--format', 'json', '--shard', `${i + 1}/${count}`).stdout));
      assert.deepEqual(shards.flat().sort(), [...all].sort(), `${count} shards cover every file once`);
    }
  });

  test('adding or removing a file moves no other file to another shard', () => {
    const dir = project();
    const shardFiles = () => [1, 2, 3].map((i) => filesOf(run(dir, 'check', '--format', 'json', '--shard', `${i}/3`).stdout));
    const before = shardFiles();
    fs.writeFileSync(path.join(dir, 'aaa-new.ts'), CLEAN);
    fs.rmSync(path.join(dir, 'pkg0', 'test', 'file-0.ts'));
    const after = shardFiles();
    for (let i = 0; i < 3; i++) {
      const kept = after[i].filter((file) => !file.endsWith('aaa-new.ts'));
      assert.deepEqual(
        kept,
        before[i].filter((file) => !file.endsWith('file-0.ts')),
      );
    }
  });

  test('the shard is a function of the path relative to the working directory, spread evenly', () => {
    const cwd = path.resolve('/repo');
    const paths = Array.from({ length: 4000 }, (_, i) => path.join(cwd, `packages/p${i % 40}/src/module-${i}.ts`));
    for (const count of [2, 4, 7]) {
      const sizes = new Array(count).fill(0);
      for (const file of paths) sizes[shardOf(file, cwd, count) - 1]++;
      for (const size of sizes) assert.ok(Math.abs(size - 4000 / count) < (4000 / count) * 0.1, `${count} shards: ${sizes.join(', ')}`);
    }
    // The same relative path lands in the same shard from another checkout folder.
    assert.equal(shardOf('/a/repo/src/x.ts', '/a/repo', 5), shardOf('/b/ci/work/src/x.ts', '/b/ci/work', 5));
  });

  test('--shard takes I/N with 1 ≤ I ≤ N', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/2', '1/2/3']) assert.equal(parseShard(bad), undefined, bad);
    const dir = project();
    const { code, stderr } = run(dir, 'check', '--shard', '3/2');
    assert.equal(code, 2);
    assert.match(stderr, /--shard takes I\/N with 1 ≤ I ≤ N/);
    assert.equal(run(dir, 'merge', 'x.json', '--shard', '1/2').code, 2);
  });
});

describe('statusdoc merge', () => {
  for (const format of ['json', 'sarif']) {
    test(`${format}: the shards' reports merged are the report of one run, byte for byte`, () => {
      const dir = project();
      const whole = run(dir, 'check', '--format', format);
      const names: string[] = [];
      for (let i = 1; i <= 3; i++) {
        const name = `shard-${i}.${format}`;
        fs.writeFileSync(path.join(dir, name), run(dir, 'check', '--format', format, '--shard', `${i}/3`).stdout);
        names.push(name);
      }
      const merged = run(dir, 'merge', ...names.reverse());
      assert.equal(merged.stdout, whole.stdout);
      assert.equal(merged.code, 1);
      assert.equal(merged.stderr, '');
    });
  }

  test('exit codes: 1 on an error or a file not checked, --max-warnings and --exit-zero as in check', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-merge-'));
    made.push(dir);
    const report = (name: string, text: string, format = 'json') => {
      const sub = path.join(dir, name);
      fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, `${name}.ts`), text);
      fs.writeFileSync(path.join(dir, `${name}.${format}`), run(dir, 'check', name, '--format', format).stdout);
      return `${name}.${format}`;
    };
    const clean = report('clean', CLEAN);
    const warned = report('warned', GET_429);
    const failed = report('failed', POST_200);
    const unread = report('unread', 'res.status(\u0000201)');
    assert.equal(run(dir, 'merge', clean, warned).code, 0);
    assert.equal(run(dir, 'merge', clean, warned, '--max-warnings', '0').code, 1);
    assert.equal(run(dir, 'merge', clean, failed).code, 1);
    assert.equal(run(dir, 'merge', clean, failed, '--exit-zero').code, 0);
    assert.equal(run(dir, 'merge', clean, unread).code, 1);
    const sarifWarned = report('warned2', GET_429, 'sarif');
    const sarifUnread = report('unread2', 'res.status(\u0000201)', 'sarif');
    assert.equal(run(dir, 'merge', sarifWarned).code, 0);
    assert.equal(run(dir, 'merge', sarifWarned, '--max-warnings', '0').code, 1);
    const merged = run(dir, 'merge', sarifWarned, sarifUnread);
    assert.equal(merged.code, 1);
    assert.equal(JSON.parse(merged.stdout).runs[0].invocations[0].executionSuccessful, false);
  });

  test('reports that overlap, mix formats or are not statusdoc reports are refused (exit 2)', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'a.json'), run(dir, 'check', '--format', 'json').stdout);
    fs.writeFileSync(path.join(dir, 'a.sarif'), run(dir, 'check', '--format', 'sarif').stdout);
    fs.writeFileSync(path.join(dir, 'other.json'), '{ "name": "not a report" }');
    fs.writeFileSync(path.join(dir, 'broken.json'), '[{');
    const cases: [string[], RegExp][] = [
      [['a.json', 'a.json'], /is in both a\.json and a\.json: shards never overlap/],
      [['a.sarif', 'a.sarif'], /is in both a\.sarif and a\.sarif: shards never overlap/],
      [['a.json', 'a.sarif'], /mix JSON and SARIF/],
      [['a.json', 'other.json'], /other\.json is neither statusdoc's JSON/],
      [['broken.json'], /broken\.json is not JSON/],
      [['missing.json'], /cannot read missing\.json/],
      [[], /merge takes the report files/],
      [['a.json', '--format', 'text'], /--format does not go with it/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = run(dir, 'merge', ...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
    }
  });
});
