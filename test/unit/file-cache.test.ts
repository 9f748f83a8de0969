/** FileCache: a file is read again only when its stat changes, and a file caught in the middle of a save is not read as empty. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { BEING_WRITTEN_MS, FileCache } from '../../server/src/project/fileCache';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-file-cache-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Reads each text as its lines, and throws on an empty one (as a table doc with no table fails). */
function cacheOf() {
  let reads = 0;
  const cache = new FileCache<string[]>((text) => {
    reads++;
    if (text === '') throw new Error('no table found');
    return text.split('\n');
  });
  return { cache, reads: () => reads };
}

test('a file is read once per change of its stat', () => {
  const file = path.join(dir, 'a.md');
  fs.writeFileSync(file, '| 200 | OK |');
  const { cache, reads } = cacheOf();
  assert.deepEqual(cache.get(file), { ok: true, value: ['| 200 | OK |'] });
  cache.get(file);
  assert.equal(reads(), 1);
  fs.writeFileSync(file, '| 201 | Created |\n| 204 | No Content |');
  assert.deepEqual(cache.get(file), { ok: true, value: ['| 201 | Created |', '| 204 | No Content |'] });
  assert.equal(reads(), 2);
});

test('a file emptied an instant ago is being saved: the last read stands, and the saved text is read once written', () => {
  const file = path.join(dir, 'b.md');
  fs.writeFileSync(file, '| 200 | OK |');
  const { cache } = cacheOf();
  assert.equal(cache.get(file).ok, true);
  // An editor's save, caught between emptying the file and writing it.
  fs.writeFileSync(file, '');
  assert.deepEqual(cache.get(file), { ok: true, value: ['| 200 | OK |'] });
  fs.writeFileSync(file, '| 404 | Not Found |');
  assert.deepEqual(cache.get(file), { ok: true, value: ['| 404 | Not Found |'] });
});

test('a file that stays empty is read as it is, once the save would be over', () => {
  const file = path.join(dir, 'c.md');
  fs.writeFileSync(file, '| 200 | OK |');
  const { cache } = cacheOf();
  assert.equal(cache.get(file).ok, true);
  fs.writeFileSync(file, '');
  const later = fs.statSync(file).mtimeMs + BEING_WRITTEN_MS + 1;
  const read = cache.get(file, later);
  assert.equal(read.ok, false);
  assert.equal(!read.ok && read.failure.kind, 'parseFailed');
  // Never read before: an empty file is what it is, at once.
  const fresh = cacheOf().cache.get(file);
  assert.equal(fresh.ok, false);
});
