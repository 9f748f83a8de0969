/**
 * The fast YAML finder's incremental update against a fresh scan and the full parse: a few hundred seeded random
 * edits per text (characters, lines, whole blocks; inside block scalars and flow maps; a key turned into a comment
 * and back; CRLF), and after each the sites, the verdict (read or fall back) and the line rows must agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findYamlSites } from '../../server/src/core/sites/yaml';
import { scanYamlSites } from '../../server/src/core/sites/yamlFast';
import { generateSpec, generateTavern } from './yaml-generator';
import { runEdits } from './yaml-fast-edits';

test('random edits of a generated spec: update = fresh scan = full parse', () => {
  for (const seed of [11, 12, 13]) {
    const { compared, incremental } = runEdits(generateSpec(seed, 12, { crlf: seed === 13 }), seed, 300);
    assert.ok(compared > 150 && incremental > 150, `seed ${seed}: ${compared} compared, ${incremental} incremental`);
  }
});

test('random edits of a generated Tavern file: update = fresh scan = full parse', () => {
  const { compared, incremental } = runEdits(generateTavern(21, 12), 21, 300);
  assert.ok(compared > 150 && incremental > 150, `${compared} compared, ${incremental} incremental`);
});

test('an update re-lexes only near the edit and reuses the other line records', () => {
  const text = generateSpec(5, 60);
  const first = scanYamlSites(text)!;
  const at = text.indexOf('paths:') + 3;
  const next = text.slice(0, at) + 'x' + text.slice(at);
  const updated = scanYamlSites(next, { state: first.state, change: { start: at, oldEnd: at, newEnd: at + 1 } })!;
  const { first: lexedFrom, resumeNew: lexedTo, count } = updated.state.lines;
  assert.equal(lexedTo - lexedFrom, 1, 'one line lexed anew');
  assert.equal(count, first.state.lines.count);
});

test('an update opening a block scalar re-lexes the lines it swallows, and closing it restores them', () => {
  const text = ['- method: POST', '  d: x', '  status: 201', '- method: GET', '  status: 200', ''].join('\n');
  const first = scanYamlSites(text)!;
  const at = text.indexOf('x');
  const opened = text.slice(0, at) + '|\n    y\n   ' + text.slice(at + 1);
  const change = { start: at, oldEnd: at + 1, newEnd: at + '|\n    y\n   '.length };
  const updated = scanYamlSites(opened, { state: first.state, change });
  assert.deepStrictEqual(updated?.sites, findYamlSites(opened));
  assert.deepStrictEqual(updated?.sites.map((site) => site.code), [201, 200]);
});

test('a change that does not fit the previous text is read afresh', () => {
  const text = generateTavern(3, 6);
  const first = scanYamlSites(text)!;
  const other = generateTavern(4, 6);
  const result = scanYamlSites(other, { state: first.state, change: { start: 0, oldEnd: 5, newEnd: 5 } });
  assert.deepStrictEqual(result?.sites, findYamlSites(other));
});
