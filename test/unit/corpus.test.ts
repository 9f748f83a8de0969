/**
 * The evaluation corpus (test/fixtures/corpus): realistic files for each framework and tool, every line that must
 * be flagged marked `// expect: <rule>` (or `# expect:` in YAML). Every other line must stay clean.
 * Known gaps are listed by name, so a regression fails and a gap that gets fixed must be taken off the list.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { check, DEFAULT_TABLE, languageOfFile, SourceDocument } from '../../server/src/core';

const CORPUS = path.resolve(__dirname, '../fixtures/corpus');
const MARKER = /(?:\/\/|#)\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/;

/** Marked lines the finder does not see yet: file:line:rule, with why. */
const KNOWN_MISSES = new Map<string, string>([]);

function expectedIn(text: string): Set<string> {
  const expected = new Set<string>();
  text.split('\n').forEach((line, index) => {
    const match = MARKER.exec(line);
    if (match) for (const rule of match[1].split(',')) expected.add(`${index + 1}:${rule.trim()}`);
  });
  return expected;
}

function actualIn(text: string, file: string): Set<string> {
  const document = new SourceDocument(text, languageOfFile(file)!);
  return new Set(check(document, DEFAULT_TABLE, { severities: {}, lang: 'en' }).map((f) => `${document.lines.lineOf(f.start) + 1}:${f.rule}`));
}

describe('evaluation corpus', () => {
  const totals = { truePositives: 0, falsePositives: 0, misses: 0, knownMisses: 0 };
  const files = fs
    .readdirSync(CORPUS)
    .filter((name) => languageOfFile(name))
    .sort();

  for (const name of files) {
    test(name, () => {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const expected = expectedIn(text);
      const actual = actualIn(text, name);
      const falsePositives = [...actual].filter((hit) => !expected.has(hit));
      const misses = [...expected].filter((hit) => !actual.has(hit));
      const unknownMisses = misses.filter((hit) => !KNOWN_MISSES.has(`${name}:${hit}`));
      const fixedGaps = [...KNOWN_MISSES.keys()].filter((key) => key.startsWith(`${name}:`) && actual.has(key.slice(name.length + 1)));
      totals.truePositives += expected.size - misses.length;
      totals.falsePositives += falsePositives.length;
      totals.misses += unknownMisses.length;
      totals.knownMisses += misses.length - unknownMisses.length;
      assert.deepEqual({ falsePositives, misses: unknownMisses, fixedGaps }, { falsePositives: [], misses: [], fixedGaps: [] });
    });
  }

  test('summary', (t) => {
    t.diagnostic(
      `corpus: ${files.length} files, ${totals.truePositives} true positives, ${totals.falsePositives} false positives, ` +
        `${totals.misses} unexpected misses, ${totals.knownMisses} known misses`,
    );
    assert.ok(totals.truePositives > 0);
  });
});
