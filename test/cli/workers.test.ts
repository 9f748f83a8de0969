/** `check` and `sites` on worker threads print exactly what the in-process run prints, in file order. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { AUTO_MIN_FILES, autoThreads } from '../../server/src/cli/pool';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** STATUSDOC_TEST_WORKERS_ONLY: the main thread hands every file to the workers, however few the files. */
function run(args: string[], options: { cwd?: string; workersOnly?: boolean } = {}) {
  const env = { ...process.env, STATUSDOC_TEST_WORKERS_ONLY: options.workersOnly ? '1' : '' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function copyOf(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-workers-'));
  made.push(dir);
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

const RUNS: string[][] = [
  ['check', '--format', 'text'],
  ['check', '--format', 'json'],
  ['check', '--format', 'sarif'],
  ['sites', '--format', 'text'],
  ['sites', '--format', 'json', '--lang', 'zh-cn'],
];

describe('worker threads', () => {
  for (const target of ['examples', 'test/fixtures/corpus']) {
    test(`${target}: every format byte for byte as in-process`, () => {
      for (const args of RUNS) {
        const inProcess = run([...args, target, '--concurrency', '1']);
        const onWorkers = run([...args, target, '--concurrency', '2'], { workersOnly: true });
        assert.ok(inProcess.stdout.length > 100, `${args.join(' ')} printed a report`);
        assert.deepEqual(onWorkers, inProcess, args.join(' '));
      }
    });
  }

  test('the workers did the work, and the main thread none, when told so', () => {
    const { stderr } = run(['check', 'examples', '--concurrency', '2', '--debug'], { workersOnly: true });
    const match = /statusdoc: 16 files: 0 from the cache, 0 analysed in the main thread, (\d+) \+ (\d+) on 2 worker threads/.exec(stderr);
    assert.ok(match, stderr);
    assert.equal(Number(match[1]) + Number(match[2]), 16);
  });

  test('--fix on worker threads writes what the in-process run writes', () => {
    const inProcess = copyOf(path.join(ROOT, 'examples'));
    const onWorkers = copyOf(path.join(ROOT, 'examples'));
    const a = run(['check', '--fix', '--concurrency', '1'], { cwd: inProcess });
    const b = run(['check', '--fix', '--concurrency', '2'], { cwd: onWorkers, workersOnly: true });
    assert.deepEqual(b, a);
    assert.match(a.stderr, /fixed \d+ problems? in \d+ files?/);
    const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    assert.deepEqual(files(onWorkers), files(inProcess));
    let changed = 0;
    for (const file of files(inProcess).filter((f) => fs.statSync(path.join(inProcess, f)).isFile())) {
      const fixed = fs.readFileSync(path.join(inProcess, file), 'utf8');
      assert.equal(fs.readFileSync(path.join(onWorkers, file), 'utf8'), fixed, file);
      if (fixed !== fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8')) changed++;
    }
    assert.ok(changed > 0, 'some file was fixed');
  });

  test('a file not checked is reported the same from a worker', () => {
    const dir = copyOf(path.join(ROOT, 'examples/express'));
    fs.writeFileSync(path.join(dir, 'bin.ts'), 'res.status(\u0000201)');
    fs.writeFileSync(path.join(dir, 'deep.yaml'), `x: ${'['.repeat(500)}${']'.repeat(500)}\n`);
    for (const format of ['text', 'json', 'sarif']) {
      const inProcess = run(['check', '--format', format, '--concurrency', '1'], { cwd: dir });
      assert.equal(inProcess.code, 1);
      assert.match(inProcess.stderr, /skipped bin\.ts: binary content\n.*skipped deep\.yaml: nested deeper/);
      assert.deepEqual(run(['check', '--format', format, '--concurrency', '2'], { cwd: dir, workersOnly: true }), inProcess);
    }
  });

  test('automatic: a few files stay in-process; one thread is in-process', () => {
    assert.match(run(['check', 'examples', '--debug']).stderr, /16 files: 0 from the cache, 16 analysed in the main thread\n/);
    assert.match(run(['check', 'examples', '--debug', '--concurrency', '1'], { workersOnly: true }).stderr, /16 analysed in the main thread\n/);
  });

  test('--concurrency takes auto or a number of threads', () => {
    assert.equal(run(['check', 'examples', '--concurrency', 'auto']).code, 1);
    for (const bad of ['0', 'two', '1.5']) {
      const { code, stderr } = run(['check', 'examples', '--concurrency', bad]);
      assert.equal(code, 2);
      assert.match(stderr, /--concurrency takes auto or a whole number/);
    }
    assert.equal(run(['constants', '--check', '--concurrency', '2']).code, 2);
  });
});

test('--help documents the options for CI at scale', () => {
  const { code, stdout } = run(['--help']);
  assert.equal(code, 0);
  for (const option of ['--concurrency N', '--cache ', '--cache-location PATH', '--shard I/N', 'merge REPORT…']) assert.ok(stdout.includes(option), option);
});

test('auto: in-process for a few files and on 2 cores; else one core fewer than the machine, at most 4', () => {
  assert.equal(autoThreads(AUTO_MIN_FILES - 1, 8), 1);
  assert.equal(autoThreads(500, 1), 1);
  assert.equal(autoThreads(500, 2), 1);
  assert.equal(autoThreads(500, 4), 3);
  assert.equal(autoThreads(5000, 32), 4);
});
