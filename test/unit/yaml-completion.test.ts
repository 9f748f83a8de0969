/**
 * Completion in YAML reads the placeholder on the document's own scan (the scan state is never changed, so the
 * document keeps it): at many cursor positions — new response keys, status values beside a method, inside written
 * codes — the fast slot must be the full re-parse's slot, it must be sure almost everywhere, and the document's facts
 * and scan state must be left as they were.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SourceDocument } from '../../server/src/core';
import { fastSlotAt, fullReparseSlotAt } from '../../server/src/core/completion';

const ROOT = path.join(__dirname, '..', '..');

function yamlFiles(): { name: string; text: string }[] {
  return ['test/fixtures/corpus', 'examples/openapi', 'examples/tests']
    .flatMap((folder) => fs.readdirSync(path.join(ROOT, folder)).map((name) => path.join(folder, name)))
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => ({ name: file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') }));
}

test('YAML completion on the document scan gives the full re-parse slot, and leaves the document as it was', () => {
  let asked = 0;
  let sure = 0;
  let slots = 0;
  for (const { name, text } of yamlFiles()) {
    // Where a key or a status value could be typed: after a status key's colon, and at the start of a new line under
    // every responses-like mapping (the indentation of the line below).
    const offsets: number[] = [];
    for (const match of text.matchAll(/\b(?:status|status_code|expected_status|statusCode):\s*/g)) offsets.push(match.index + match[0].length);
    for (const match of text.matchAll(/\b\d{3}\b/g)) for (let i = 0; i <= 3; i++) offsets.push(match.index + i);
    for (const match of text.matchAll(/responses:\r?\n( +)/g)) offsets.push(match.index + match[0].length);
    const document = new SourceDocument(text, 'yaml');
    const sites = document.facts.sites;
    const parse = document.parse;
    for (const offset of offsets) {
      asked++;
      const fast = fastSlotAt(document, offset);
      const full = fullReparseSlotAt(document, offset);
      if (fast) {
        sure++;
        assert.deepEqual(fast.slot, full, `${name} at ${offset}: ${JSON.stringify(text.slice(Math.max(0, offset - 30), offset))}`);
      }
      if (full) slots++;
    }
    assert.equal(document.facts.sites, sites, `${name}: the facts are the same object`);
    assert.equal(document.parse, parse, `${name}: the scan state is kept`);
  }
  assert.ok(slots > 100, `many of the positions are status slots (${slots} of ${asked})`);
  assert.ok(sure / asked > 0.9, `the fast way is sure almost everywhere (${sure} of ${asked})`);
});

test('a version not read yet (a key half typed) completes from the last scan, without reading the version whole', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/openapi.yaml'), 'utf8');
  let checked = 0;
  for (const match of text.matchAll(/responses:\r?\n( +)/g)) {
    const at = match.index + match[0].length;
    for (const typed of [`'`, `"`, `2`, `'2`]) {
      const edited = `${text.slice(0, at)}${typed}\n${match[1]}${text.slice(at)}`;
      const change = { start: at, oldEnd: at, newEnd: at + typed.length + 1 + match[1].length };
      const second = new SourceDocument(text, 'yaml');
      void second.facts;
      const typing = second.edit(edited, 2, change);
      const fast = fastSlotAt(typing, at + typed.length);
      assert.ok(fast, `sure from the last scan after typing ${typed}`);
      assert.ok(typing.unreadBase, 'the typed version was not read');
      assert.deepEqual(fast.slot, fullReparseSlotAt(typing, at + typed.length), `typing ${typed} at ${at}`);
      checked++;
    }
  }
  assert.ok(checked >= 8, `${checked} places checked`);
});
