/** "Inside the workspace" on real paths: links that point outside count as outside, existing or not yet. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { isInsideReally, realPath } from '../../server/src/project/realPath';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** root/ws (the workspace) and root/outside, with links from the one to the other. */
function layout() {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-real-path-')));
  made.push(root);
  const ws = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(ws);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'table.md'), '| Code | Meaning |\n');
  fs.writeFileSync(path.join(ws, 'own.md'), '| Code | Meaning |\n');
  fs.symlinkSync(path.join(outside, 'table.md'), path.join(ws, 'link.md'));
  fs.symlinkSync(outside, path.join(ws, 'linkdir'));
  fs.symlinkSync(path.join(outside, 'not-yet.ts'), path.join(ws, 'dangling.ts'));
  fs.symlinkSync('../ws', path.join(outside, 'back'));
  return { ws, outside };
}

test('a file link to outside is outside', () => {
  const { ws, outside } = layout();
  assert.equal(realPath(path.join(ws, 'link.md')), path.join(outside, 'table.md'));
  assert.equal(isInsideReally(path.join(ws, 'link.md'), ws), false);
  assert.equal(isInsideReally(path.join(ws, 'own.md'), ws), true);
});

test('a file not written yet under a linked folder is outside', () => {
  const { ws, outside } = layout();
  assert.equal(realPath(path.join(ws, 'linkdir', 'src', 'http-status.ts')), path.join(outside, 'src', 'http-status.ts'));
  assert.equal(isInsideReally(path.join(ws, 'linkdir', 'src', 'http-status.ts'), ws), false);
  assert.equal(isInsideReally(path.join(ws, 'src', 'http-status.ts'), ws), true);
});

test('a dangling link is judged by where writing through it would create the file', () => {
  const { ws, outside } = layout();
  assert.equal(realPath(path.join(ws, 'dangling.ts')), path.join(outside, 'not-yet.ts'));
  assert.equal(isInsideReally(path.join(ws, 'dangling.ts'), ws), false);
});

test('a link from outside back into the workspace, and a sibling folder that shares the prefix', () => {
  const { ws, outside } = layout();
  assert.equal(isInsideReally(path.join(outside, 'back', 'own.md'), ws), true);
  fs.mkdirSync(`${ws}-other`);
  made.push(`${ws}-other`);
  assert.equal(isInsideReally(path.join(`${ws}-other`, 'x.md'), ws), false);
});

test('a loop of links ends', () => {
  const { ws } = layout();
  fs.symlinkSync(path.join(ws, 'loop-b'), path.join(ws, 'loop-a'));
  fs.symlinkSync(path.join(ws, 'loop-a'), path.join(ws, 'loop-b'));
  assert.equal(typeof realPath(path.join(ws, 'loop-a', 'x.ts')), 'string');
});
