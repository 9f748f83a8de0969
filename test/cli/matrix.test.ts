/**
 * `statusdoc matrix`: the built CLI on a project on disk — routes across files, a controller's codes, an OpenAPI spec
 * that drifts from it both ways — as Markdown, JSON and an HTML page written with --out whose links lead back to the
 * files from where the page sits.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { MATRIX_PROJECT } from './matrixProject';

const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-matrix-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function matrix(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'matrix', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('matrix --format md: each endpoint of code and spec, its codes by source, the drift both ways', () => {
  const dir = project(MATRIX_PROJECT);
  const { code, stdout, stderr } = matrix(dir, '--format', 'md');
  assert.equal(code, 0, stderr);
  const table = stdout.split('\n\n')[0];
  assert.equal(
    table,
    [
      '| Endpoint | 200 | 201 | 204 | 400 | 404 | 409 |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| `GET /v1/nowhere` |  |  |  |  | tests |  |',
      '| `POST /v1/users` |  | spec, handler, tests ✓ |  | spec, handler |  | handler ⚠ not in spec |',
      // getUser answers 200 and nothing else: the spec's 404 and the test's are never answered.
      '| `GET /v1/users/{userId}` | spec, handler ✓ |  |  |  | spec, tests ⚠ never answered ⚠ expected, never answered |  |',
      '| `PUT /v1/users/{id}` ⚠ no route | spec ✓ |  |  |  |  |  |',
      '| `DELETE /v1/users/{userId}` ⚠ not in spec |  |  | handler ✓ |  |  |  |',
    ].join('\n'),
  );
});

test('matrix --format json: the places of each cell, project-relative, 1-based', () => {
  const dir = project(MATRIX_PROJECT);
  const { code, stdout } = matrix(dir, '--format', 'json');
  assert.equal(code, 0);
  const parsed = JSON.parse(stdout);
  const post = parsed.rows.find((row: { method: string }) => row.method === 'POST');
  assert.deepEqual(post.routes, [{ file: 'src/users.routes.js', line: 4, column: 8 }]);
  assert.deepEqual(post.operations, [{ file: 'docs/openapi.yaml', line: 6, column: 5 }]);
  const conflict = post.cells.find((cell: { code: string }) => cell.code === '409');
  assert.deepEqual(conflict.handler, [{ file: 'src/users.controller.js', line: 3, column: 41 }]);
  assert.deepEqual(conflict.drift, ['handler-not-in-spec']);
  const remove = parsed.rows.find((row: { method: string }) => row.method === 'DELETE');
  assert.deepEqual(remove.cells[0].handler, [{ file: 'src/users.routes.js', line: 6, column: 52 }], 'an inline handler answers from its route');
});

test('matrix --out writes one HTML page whose links lead from its folder to the file and line; the same project, the same bytes', () => {
  const dir = project(MATRIX_PROJECT);
  const first = matrix(dir, '--out', 'reports/matrix.html');
  assert.equal(first.code, 2, 'the folder does not exist yet');
  fs.mkdirSync(path.join(dir, 'reports'));
  const { code, stdout, stderr } = matrix(dir, '--out', 'reports/matrix.html');
  assert.equal(code, 0, stderr);
  assert.equal(stdout, '');
  const html = fs.readFileSync(path.join(dir, 'reports/matrix.html'), 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.ok(html.includes('href="../src/users.controller.js#L3"'), 'a relative link from reports/ to the controller');
  assert.ok(html.includes('href="../docs/openapi.yaml#L6"'));
  matrix(dir, '--out', 'reports/again.html');
  assert.equal(fs.readFileSync(path.join(dir, 'reports/again.html'), 'utf8'), html);
});

test('matrix without --out prints the HTML page (links from the project root)', () => {
  const { code, stdout } = matrix(project(MATRIX_PROJECT));
  assert.equal(code, 0);
  assert.ok(stdout.includes('href="src/users.controller.js#L3"'));
});

test('matrix rejects a format it does not write, and --check', () => {
  const dir = project(MATRIX_PROJECT);
  const bad = matrix(dir, '--format', 'sarif');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown format "sarif" for matrix \(use html, md, json\)/);
  assert.equal(matrix(dir, '--check').code, 2);
  assert.match(matrix(dir, 'nowhere').stderr, /no such file or folder: nowhere/);
});

test('--out still goes with constants and matrix only', () => {
  const result = spawnSync(process.execPath, [CLI, 'routes', '--out', 'x'], { cwd: project(MATRIX_PROJECT), encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--out goes with constants and matrix/);
});
