/** The CLI loads the TypeScript compiler from V8's code cache: written once, used after, never trusted blindly. */
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

function cacheHome(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-code-cache-'));
  made.push(dir);
  return dir;
}

function run(home: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = (home: string) => (fs.existsSync(path.join(home, 'statusdoc')) ? fs.readdirSync(path.join(home, 'statusdoc')) : []);

test('the first run writes the code cache, later runs read it, and the report is the same', () => {
  const home = cacheHome();
  const plain = run(home, ['check', 'examples', '--format', 'json'], { STATUSDOC_CODE_CACHE: 'off' });
  assert.deepEqual(cacheFiles(home), [], 'STATUSDOC_CODE_CACHE=off writes nothing');
  assert.deepEqual(run(home, ['check', 'examples', '--format', 'json']), plain);
  const [file] = cacheFiles(home);
  assert.match(file, new RegExp(`^typescript-[0-9a-f]{20}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`));
  const written = fs.statSync(path.join(home, 'statusdoc', file));
  assert.ok(written.size > 100_000, 'the compiled compiler');
  assert.deepEqual(run(home, ['check', 'examples', '--format', 'json', '--concurrency', '2'], { STATUSDOC_TEST_WORKERS_ONLY: '1' }), plain);
  assert.equal(fs.statSync(path.join(home, 'statusdoc', file)).mtimeMs, written.mtimeMs, 'a cache V8 accepts is not rewritten');
});

test('a damaged code cache is rejected by V8 and written anew', () => {
  const home = cacheHome();
  const plain = run(home, ['check', 'examples/express'], { STATUSDOC_CODE_CACHE: 'off' });
  run(home, ['check', 'examples/express']);
  const file = path.join(home, 'statusdoc', cacheFiles(home)[0]);
  fs.writeFileSync(file, Buffer.alloc(4096, 7));
  assert.deepEqual(run(home, ['check', 'examples/express']), plain);
  assert.ok(fs.statSync(file).size > 100_000, 'rewritten');
});

test('a YAML-only run never loads the compiler', () => {
  const home = cacheHome();
  assert.equal(run(home, ['check', 'examples/openapi']).code, 1);
  assert.deepEqual(cacheFiles(home), []);
});
