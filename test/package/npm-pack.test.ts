/**
 * The npm package `statusdoc` (packages/cli) as npm publishes it: `npm pack` in a fresh copy of the repository (its
 * tracked and not-ignored files, nothing built) runs `prepack`, which builds, and the tarball holds the CLI bundle,
 * the compiler it loads, the default table, the schema, README and LICENSE only. The tarball's CLI runs on its own.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function temporary(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** What a clone has: the files git tracks or would track, with the dependencies installed (linked, not copied). */
function freshCopy(): string {
  const copy = temporary('statusdoc-clone-');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from) || fs.lstatSync(from).isSymbolicLink()) continue;
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(from, path.join(copy, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

test('npm pack on a fresh clone builds first and gives a small tarball: the CLI, the table, the schema, README, LICENSE', () => {
  const copy = freshCopy();
  const cli = path.join(copy, 'packages/cli');
  assert.ok(!fs.existsSync(path.join(cli, 'dist')), 'nothing is built in a fresh clone');
  const stdout = execFileSync('npm', ['pack', '--json', '--loglevel', 'error'], { cwd: cli, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // npm prints the prepack script's own output before the JSON.
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as Packed[];
  assert.deepEqual(packed.files.map((file) => file.path).sort(), [
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/typescript.js',
    'package.json',
    'status-codes.md',
    'statusdoc.schema.json',
  ]);
  assert.ok(packed.size < 1.5 * 1024 * 1024, `the tarball is ${packed.size} bytes`);
  // Minified (the production build): no source maps referenced, the CLI bundle well under its development size.
  const bundle = fs.readFileSync(path.join(cli, 'dist/cli.js'), 'utf8');
  assert.ok(!bundle.includes('sourceMappingURL'), 'no source map referenced');
  assert.ok(bundle.startsWith('#!/usr/bin/env node'), 'the bin runs with node');

  // The tarball's CLI on a project of its own, with no node_modules anywhere near it.
  const unpacked = temporary('statusdoc-unpacked-');
  execFileSync('tar', ['-xzf', path.join(cli, packed.filename), '-C', unpacked]);
  const project = temporary('statusdoc-project-');
  fs.writeFileSync(path.join(project, 'routes.ts'), "app.post('/orders', (req, res) => res.status(200).json({}));\n");
  fs.writeFileSync(path.join(project, 'spec.yaml'), "openapi: 3.0.3\npaths:\n  /x:\n    get:\n      responses:\n        '418':\n          description: x\n");
  const run = spawnSync(process.execPath, [path.join(unpacked, 'package/dist/cli.js'), 'check', '--format', 'json'], { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const rules = (JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((m) => m.ruleId)).sort();
  // The spec documents GET /x, the code serves POST /orders: drift both ways, beside the table's findings.
  assert.deepEqual(rules, ['operation-without-route', 'route-not-in-spec', 'undocumented-code', 'wrong-success-code']);
  // The shipped table doc is the default the CLI has built in: the same findings with it named.
  const named = spawnSync(
    process.execPath,
    [path.join(unpacked, 'package/dist/cli.js'), 'check', '--format', 'json', '--table', path.join(unpacked, 'package/status-codes.md')],
    {
      cwd: project,
      encoding: 'utf8',
    },
  );
  assert.equal(named.stdout, run.stdout);
});

test('the published packages carry the version of the repository', () => {
  const version = (file: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { version: string }).version;
  for (const name of ['cli', 'redocly-plugin', 'spectral-ruleset']) assert.equal(version(`packages/${name}/package.json`), version('package.json'), name);
});

test('the Redocly plugin and the Spectral ruleset pack their bundle and README only', () => {
  for (const name of ['redocly-plugin', 'spectral-ruleset']) {
    const dir = path.join(ROOT, 'packages', name);
    assert.ok(fs.existsSync(path.join(dir, 'dist/index.js')), `${name} is built (npm run build)`);
    // --ignore-scripts: the listing of what is built, without rebuilding it in production under the other tests.
    const stdout = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel', 'error'], { cwd: dir, encoding: 'utf8' });
    const [packed] = JSON.parse(stdout) as Packed[];
    assert.deepEqual(packed.files.map((file) => file.path).sort(), ['README.md', 'dist/index.js', 'package.json'], name);
    assert.ok(packed.size < 1024 * 1024, `${name}: ${packed.size} bytes`);
  }
});
