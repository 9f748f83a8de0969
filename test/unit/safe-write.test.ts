/** --fix's write: only over the text that was read, through a temporary file and a rename. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { readSnapshot, systemReason, writeIfUnchanged } from '../../server/src/cli/safeWrite';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-safe-write-')));
  made.push(dir);
  return dir;
}

const ORIGINAL = 'res.status(200);\n';
const FIXED = 'res.status(201);\n';

test('a file unchanged since it was read is replaced, keeping its mode, with no temporary file left', () => {
  const dir = tempDir();
  const file = path.join(dir, 'a.ts');
  fs.writeFileSync(file, ORIGINAL, { mode: 0o640 });
  fs.chmodSync(file, 0o640);
  const snapshot = readSnapshot(file);
  assert.equal(snapshot.text, ORIGINAL);
  assert.equal(writeIfUnchanged(file, snapshot, FIXED), 'written');
  assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(dir), ['a.ts']);
});

test('a line appended between the read and the write is kept: nothing is written', () => {
  const dir = tempDir();
  const file = path.join(dir, 'a.ts');
  fs.writeFileSync(file, ORIGINAL);
  const snapshot = readSnapshot(file);
  fs.appendFileSync(file, '// appended meanwhile\n');
  assert.equal(writeIfUnchanged(file, snapshot, FIXED), 'changed');
  assert.equal(fs.readFileSync(file, 'utf8'), `${ORIGINAL}// appended meanwhile\n`);
});

test('a change of the same size with the old mtime put back is still seen (the content hash)', () => {
  const dir = tempDir();
  const file = path.join(dir, 'a.ts');
  fs.writeFileSync(file, ORIGINAL);
  // A whole second: utimes keeps it exactly.
  fs.utimesSync(file, 1_000_000, 1_000_000);
  const snapshot = readSnapshot(file);
  fs.writeFileSync(file, 'res.status(204);\n');
  fs.utimesSync(file, 1_000_000, 1_000_000);
  assert.equal(fs.statSync(file).mtimeMs, snapshot.mtimeMs, 'the signature alone would not tell');
  assert.equal(writeIfUnchanged(file, snapshot, FIXED), 'changed');
  assert.equal(fs.readFileSync(file, 'utf8'), 'res.status(204);\n');
});

test('a link is written through to its target and stays a link', () => {
  const dir = tempDir();
  const target = path.join(dir, 'real.ts');
  const link = path.join(dir, 'link.ts');
  fs.writeFileSync(target, ORIGINAL);
  fs.symlinkSync(target, link);
  assert.equal(writeIfUnchanged(link, readSnapshot(link), FIXED), 'written');
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readFileSync(target, 'utf8'), FIXED);
});

test("a file replaced by a folder meanwhile: an error with the system's reason, and nothing left behind", () => {
  const dir = tempDir();
  const file = path.join(dir, 'a.ts');
  fs.writeFileSync(file, ORIGINAL);
  const snapshot = readSnapshot(file);
  fs.rmSync(file);
  fs.mkdirSync(file);
  assert.equal(writeIfUnchanged(file, snapshot, FIXED), 'changed');
  fs.rmdirSync(file);
  assert.throws(
    () => writeIfUnchanged(file, snapshot, FIXED),
    (error) => systemReason(error) === 'no such file or directory (ENOENT)',
  );
  assert.deepEqual(fs.readdirSync(dir), []);
});

test(
  'a read-only file is not replaced even where its folder would allow the rename',
  { skip: process.getuid?.() === 0 && 'root may write a read-only file (the CLI test runs this as another user)' },
  () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.ts');
    fs.writeFileSync(file, ORIGINAL);
    fs.chmodSync(file, 0o444);
    assert.throws(
      () => writeIfUnchanged(file, readSnapshot(file), FIXED),
      (error) => /permission denied \(EACCES\)/.test(systemReason(error)),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), ORIGINAL);
  },
);
