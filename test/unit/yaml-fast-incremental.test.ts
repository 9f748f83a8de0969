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
import { CHUNK_LINES, flatRows, flatStarts } from '../../server/src/core/sites/yamlFast/lineTable';
import { randomEdit, runEdits, type Edit } from './yaml-fast-edits';
import { MULTILINE_TEXTS } from './yaml-fast-cases';

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

/** Random edits, half of them typing what opens, closes or escapes a quoted scalar, or ends a plain one. */
function quoteEdit(text: string, random: () => number): Edit {
  if (random() < 0.5) return randomEdit(text, random);
  const at = Math.floor(random() * (text.length + 1));
  const insert = ["'", '"', "''", '\\', '\\"', ' #', ': ', '\n      ', '\n  '][Math.floor(random() * 9)];
  return { start: at, end: at, insert };
}

test('random edits of quoted and plain scalars over several lines: update = fresh scan = full parse', () => {
  for (const [n, { name, text }] of MULTILINE_TEXTS.entries()) {
    for (const crlf of [false, true]) {
      // Two of the texts, as two documents: an edit may run a scalar on into the next one.
      const initial = `${text}---\n${MULTILINE_TEXTS[(n + 1) % MULTILINE_TEXTS.length].text}`;
      const seed = 31 + 2 * n + (crlf ? 1 : 0);
      const { compared, incremental } = runEdits(crlf ? initial.replace(/\n/g, '\r\n') : initial, seed, 200, quoteEdit);
      assert.ok(compared > 80 && incremental > 150, `${name}${crlf ? ' (CRLF)' : ''}: ${compared} compared, ${incremental} incremental`);
    }
  }
});

test('quoting a wrapped plain value re-lexes past the edit until the carried state agrees again', () => {
  const text = ['- method: POST', '  d: x', "    y y'", '  e: z', '  status: 201', '- method: GET', '  status: 200', ''].join('\n');
  const first = scanYamlSites(text)!;
  const at = text.indexOf('x');
  const quoted = text.slice(0, at) + "'" + text.slice(at);
  const updated = scanYamlSites(quoted, { state: first.state, change: { start: at, oldEnd: at, newEnd: at + 1 } });
  const fresh = scanYamlSites(quoted);
  assert.ok(updated && fresh);
  // The edited line, the line the quote now closes on (a plain continuation before), and `e: z`, after which the
  // state is the one the old lexing had: three lines lexed, the rest kept.
  assert.equal(updated.state.lines.resumeNew - updated.state.lines.first, 3);
  assert.deepStrictEqual(flatRows(updated.state.lines), flatRows(fresh.state.lines));
  assert.deepStrictEqual(updated.sites, findYamlSites(quoted));
  assert.deepStrictEqual(
    updated.sites.map((site) => site.code),
    [201, 200],
  );
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
  assert.deepStrictEqual(
    updated?.sites.map((site) => site.code),
    [201, 200],
  );
});

test('a change that does not fit the previous text is read afresh', () => {
  const text = generateTavern(3, 6);
  const first = scanYamlSites(text)!;
  const other = generateTavern(4, 6);
  const result = scanYamlSites(other, { state: first.state, change: { start: 0, oldEnd: 5, newEnd: 5 } });
  assert.deepStrictEqual(result?.sites, findYamlSites(other));
});

test('edits at and across the line table chunk boundaries: update = fresh scan = full parse', () => {
  let compared = 0;
  for (const crlf of [false, true]) {
    let text = generateSpec(6, 200, { crlf });
    let state = scanYamlSites(text)!.state;
    const eol = crlf ? '\r\n' : '\n';
    for (const boundary of [CHUNK_LINES, 2 * CHUNK_LINES]) {
      const lineStartOf = (line: number): number => {
        let at = 0;
        for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
        return at;
      };
      // Each edit is made from the text and state the previous one left.
      const edits: ((at: (line: number) => number) => Edit)[] = [
        (at) => ({ start: at(boundary - 1) + 2, end: at(boundary - 1) + 2, insert: 'x' }), // a character, the line count kept
        (at) => ({ start: at(boundary) + 2, end: at(boundary) + 3, insert: '' }),
        (at) => ({ start: at(boundary - 2), end: at(boundary + 2), insert: text.slice(at(boundary - 2), at(boundary + 2)).replace(/^ {2}/gm, '    ') }), // four lines across it re-indented
        (at) => ({ start: at(boundary), end: at(boundary), insert: `    # a new line${eol}` }), // a line added at it
        (at) => ({ start: at(boundary - 1), end: at(boundary + 1), insert: '' }), // two lines across it removed
        (at) => ({ start: at(boundary - 3), end: at(boundary - 3), insert: text.slice(at(boundary - 3), at(boundary + 40)) }), // 43 lines copied
      ];
      for (const [n, make] of edits.entries()) {
        const edit = make(lineStartOf);
        const next = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
        const label = `boundary ${boundary}, edit ${n}${crlf ? ', CRLF' : ''}`;
        const updated = scanYamlSites(next, { state, change: { start: edit.start, oldEnd: edit.end, newEnd: edit.start + edit.insert.length } });
        const fresh = scanYamlSites(next);
        assert.equal(updated === undefined, fresh === undefined, `${label}: fallback verdicts`);
        if (!updated || !fresh) continue;
        assert.deepStrictEqual(flatRows(updated.state.lines), flatRows(fresh.state.lines), `${label}: line rows`);
        assert.deepStrictEqual(flatStarts(updated.state.lines), flatStarts(fresh.state.lines), `${label}: line starts`);
        assert.deepStrictEqual(updated.sites, findYamlSites(next), `${label}: sites`);
        text = next;
        state = updated.state;
        compared++;
      }
    }
    assert.ok(state.lines.count > 2 * CHUNK_LINES + 40, 'three chunks at least');
  }
  assert.ok(compared >= 14, `${compared} of 24 edits read by the fast path`);
});
