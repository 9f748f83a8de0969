/**
 * What `statusdoc check` gives the route index of each file: module facts read from the parse its check made (no
 * second parse) must be the facts a parse of the text alone gives, and they must come back whole from the cache file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { languageOfFile, moduleFactsOf, SourceDocument, type ModuleFacts } from '../../server/src/core';
import { decodeFacts, encodeFacts } from '../../server/src/cli/cachedFacts';
import { fileRouteFacts } from '../../server/src/cli/routeFacts';
import { expressNestProject } from '../bench/corpus/project';

const CORPUS = path.resolve(__dirname, '../fixtures/corpus');
const EXAMPLE = path.resolve(__dirname, '../../examples/express-app');

function examples(): { path: string; text: string }[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return [...walk(CORPUS), ...walk(EXAMPLE)]
    .filter((file) => languageOfFile(file) && languageOfFile(file) !== 'yaml')
    .map((file) => ({ path: file, text: fs.readFileSync(file, 'utf8') }))
    .concat(expressNestProject(60, 1).files.filter((file) => languageOfFile(file.path) !== 'yaml'));
}

/** Facts as plain data, without the keys JSON drops (`callable: undefined`). */
function plain(facts: ModuleFacts | undefined): unknown {
  return JSON.parse(JSON.stringify(facts && encodeFacts(facts)));
}

test('the facts read from the check’s parse are those of a parse of the text alone', () => {
  const files = examples();
  assert.ok(files.length > 60);
  let registrations = 0;
  let onDemand = 0;
  for (const file of files) {
    const document = new SourceDocument(file.text, languageOfFile(file.path)!);
    void document.facts;
    const read = fileRouteFacts(document, file.path)!;
    const alone = moduleFactsOf(file.text, file.path);
    if (!read.module && read.leftOut === undefined) {
      // Read from disk only if a link reaches it: a module that declares nothing and answers nothing unmethoded.
      assert.ok(!read.declares && !read.methodsMatter && alone.registrations.length === 0 && alone.mounts.length === 0, file.path);
      onDemand++;
      continue;
    }
    assert.deepEqual(plain(read.module), plain(alone), file.path);
    registrations += read.module!.registrations.length;
  }
  assert.ok(registrations > 20, 'the files register routes');
  assert.ok(onDemand > 0, 'some modules are left to be read on demand');
});

test('facts come back from the cache file’s JSON whole; anything of another shape does not come back', () => {
  for (const file of examples()) {
    const facts = moduleFactsOf(file.text, file.path);
    const decoded = decodeFacts(JSON.parse(JSON.stringify(encodeFacts(facts))));
    assert.ok(decoded, file.path);
    assert.ok(decoded.locals instanceof Map && decoded.imports instanceof Map && decoded.exports instanceof Map && decoded.routerPrefixes instanceof Map);
    assert.deepEqual(plain(decoded), plain(facts), file.path);
  }
  const good = JSON.parse(JSON.stringify(encodeFacts(moduleFactsOf("router.post('/x', c.create);\n", 'r.js'))));
  for (const damage of [
    (f: Record<string, unknown>) => (f.registrations = [{ router: 'router', method: 1, at: 0 }]),
    (f: Record<string, unknown>) => (f.locals = { create: {} }),
    (f: Record<string, unknown>) => (f.imports = [['c', { kind: 'local', ref: { name: 'x' } }]]),
    (f: Record<string, unknown>) => delete f.mounts,
    (f: Record<string, unknown>) => (f.defaultExportAt = -1),
  ]) {
    const copy = structuredClone(good);
    damage(copy);
    assert.equal(decodeFacts(copy), undefined, JSON.stringify(copy));
  }
  assert.equal(decodeFacts(null), undefined);
  assert.equal(decodeFacts([]), undefined);
});

test('a file whose findings route methods cannot change is told from one whose can', () => {
  const handler = new SourceDocument('exports.create = (req, res) => {\n  res.status(200).json({});\n};\n', 'javascript');
  const route = new SourceDocument("app.post('/x', (req, res) => res.status(201).end());\n", 'javascript');
  assert.equal(fileRouteFacts(handler, 'c.js')?.methodsMatter, true);
  assert.equal(fileRouteFacts(route, 'r.js')?.methodsMatter, false, 'its response has its method already');
  assert.equal(fileRouteFacts(route, 'r.js')?.declares, true);
  assert.equal(fileRouteFacts(handler, 'c.js')?.declares, false);
  assert.equal(fileRouteFacts(new SourceDocument('a: 1\n', 'yaml'), 'a.yaml'), undefined);
});
