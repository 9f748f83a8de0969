/** The server's Workspace reports each table / .statusdoc.json problem once, comparing problems as data. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { renderProblem } from '../../server/src/core/messages';
import type { Problem } from '../../server/src/core/table/problems';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { Workspace } from '../../server/src/workspace';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

let tick = 0;
/** Writes a file and moves its mtime on, so the stat signature sees every change. */
function write(file: string, content: string): void {
  fs.writeFileSync(file, content);
  const when = new Date(Date.now() + ++tick * 10_000);
  fs.utimesSync(file, when, when);
}

test('a broken doc is reported once while it stays broken, again when it breaks differently or anew', () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-workspace-')));
  made.push(root);
  const doc = path.join(root, 'status.md');
  write(path.join(root, '.statusdoc.json'), '{ "table": "status.md" }');
  write(doc, '| Code | Meaning |\n|---|---|\n| 2O1 | x |\n');
  const reported: Problem[] = [];
  const workspace = new Workspace((problem) => reported.push(problem));
  workspace.setFolders([URI.file(root).toString()]);
  const ask = () => workspace.tableFor(URI.file(path.join(root, 'a.ts')).toString(), DEFAULT_SETTINGS);

  ask();
  ask();
  assert.deepEqual(
    reported.map((problem) => renderProblem(problem, 'en')),
    [`${doc}:3: row 1: expected a status code from 100 to 599, found "2O1" (the default table is used)`],
  );

  // Rewritten with the same mistake: new objects, the same problem, not reported again.
  write(doc, '| Code | Meaning |\n|---|---|\n| 2O1 | x |\n');
  ask();
  assert.equal(reported.length, 1);

  write(doc, '| Code | Meaning |\n|---|---|\n| 201 | x |\n| 201 | y |\n');
  ask();
  assert.equal(reported.length, 2);
  assert.equal(reported[1].kind === 'tableInvalid' && reported[1].issue.kind, 'duplicateCode');

  write(doc, '| Code | Meaning |\n|---|---|\n| 201 | x |\n');
  assert.equal(ask().problem, undefined);
  write(doc, '| Code | Meaning |\n|---|---|\n| 201 | x |\n| 201 | y |\n');
  ask();
  assert.equal(reported.length, 3, 'fixed, then broken the same way again: a new message');
  assert.equal(reported[2].kind === 'tableInvalid' && reported[2].kept, 'lastGood');
});

test('an untrusted workspace reports a table outside its folders as such, once', () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-workspace-')));
  made.push(root);
  const folder = path.join(root, 'project');
  fs.mkdirSync(folder);
  write(path.join(root, 'outside.md'), '| Code | Meaning |\n|---|---|\n| 201 | x |\n');
  write(path.join(folder, '.statusdoc.json'), '{ "table": "../outside.md" }');
  const reported: Problem[] = [];
  const workspace = new Workspace((problem) => reported.push(problem), undefined, false);
  workspace.setFolders([URI.file(folder).toString()]);
  const uri = URI.file(path.join(folder, 'a.ts')).toString();
  workspace.tableFor(uri, DEFAULT_SETTINGS);
  workspace.tableFor(uri, DEFAULT_SETTINGS);
  assert.deepEqual(reported, [
    { kind: 'tableOutsideWorkspace', file: path.join(root, 'outside.md'), namedBy: { kind: 'config', file: path.join(folder, '.statusdoc.json') } },
  ]);
});
