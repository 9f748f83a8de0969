/**
 * Seeded edits for the fast YAML finder's incremental tests, and the loop that applies them one by one checking the
 * update against a fresh scan and the full parse after each.
 */
import assert from 'node:assert/strict';
import { findYamlSites } from '../../server/src/core/sites/yaml';
import { scanYamlSites, type YamlScanState } from '../../server/src/core/sites/yamlFast';
import { flatRows, flatStarts } from '../../server/src/core/sites/yamlFast/lineTable';
import type { TextChange } from '../../server/src/core/text';
import { seededRandom } from './yaml-generator';

export interface Edit {
  start: number;
  end: number;
  insert: string;
}

const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\r\n',
  ':',
  ': ',
  '- ',
  '#',
  ' # c',
  "'",
  '"',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '|',
  '>',
  '&a ',
  '*a',
  '!t ',
  '201',
  "'404'",
  '\t',
  '---\n',
  '...\n',
  'method: POST\n',
  'status: 201\n',
  '  responses:\n',
  "      '200': {}\n",
  '    post:\n',
  'openapi: 3.1.0\n',
  '{ method: GET, status: 200 }',
];

export function lineBounds(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return [start, nl < 0 ? text.length : nl + 1];
}

/** One random edit of `text`, of the kinds editors make. */
export function randomEdit(text: string, random: () => number): Edit {
  const at = Math.floor(random() * (text.length + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const [lineStart, lineEnd] = lineBounds(text, at);
  switch (Math.floor(random() * 9)) {
    case 0: // type a character or snippet
      return { start: at, end: at, insert: pick(SNIPPETS) };
    case 1: // delete a few characters
      return { start: at, end: Math.min(text.length, at + 1 + Math.floor(random() * 4)), insert: '' };
    case 2: // delete a whole line
      return { start: lineStart, end: lineEnd, insert: '' };
    case 3: {
      // duplicate a block of lines somewhere else
      const [, blockEnd] = lineBounds(text, Math.min(text.length, lineEnd + Math.floor(random() * 200)));
      const target = lineBounds(text, Math.floor(random() * text.length))[0];
      return { start: target, end: target, insert: text.slice(lineStart, blockEnd) };
    }
    case 4: {
      // delete a block of lines
      const [, blockEnd] = lineBounds(text, Math.min(text.length, lineEnd + Math.floor(random() * 300)));
      return { start: lineStart, end: blockEnd, insert: '' };
    }
    case 5: {
      // turn a line into a comment, or a comment back into a line
      const indent = /^ */.exec(text.slice(lineStart))![0].length;
      if (text.startsWith('# ', lineStart + indent)) return { start: lineStart + indent, end: lineStart + indent + 2, insert: '' };
      return { start: lineStart + indent, end: lineStart + indent, insert: '# ' };
    }
    case 6: {
      // change a line's end between LF and CRLF
      const nl = lineEnd - 1;
      if (text[nl] !== '\n') return { start: at, end: at, insert: '' };
      if (text[nl - 1] === '\r') return { start: nl - 1, end: nl, insert: '' };
      return { start: nl, end: nl, insert: '\r' };
    }
    case 7: {
      // indent or outdent a line
      if (text.startsWith('  ', lineStart) && random() < 0.5) return { start: lineStart, end: lineStart + 2, insert: '' };
      return { start: lineStart, end: lineStart, insert: '  ' };
    }
    default: {
      // edit inside a block scalar or a flow map, where there is one near
      const near = text.slice(at, at + 400);
      const brace = near.indexOf('{ ');
      const block = near.search(/[|>]-?\r?\n/);
      const inside = brace >= 0 ? at + brace + 2 : block >= 0 ? at + block + near.slice(block).indexOf('\n') + 3 : at;
      return {
        start: Math.min(inside, text.length),
        end: Math.min(inside, text.length),
        insert: pick(['x', ', a: 1', "'201': ", 'status: 201', '}', '\n', ': ']),
      };
    }
  }
}

/** What a run of edits checked: texts compared with the full parse, updates made, and units the updates took. */
export interface EditRun {
  compared: number;
  incremental: number;
  /** Units taken from the previous version, and of those how many had their sites shifted. */
  taken: number;
  shifted: number;
}

/**
 * Applies `edits` seeded edits to `initial`, one at a time; after each, the update from the previous state, a fresh
 * scan and the full parse must agree (sites, fallback verdict, line rows).
 */
export function runEdits(initial: string, seed: number, edits: number, editOf: (text: string, random: () => number) => Edit = randomEdit): EditRun {
  const random = seededRandom(seed);
  let text = initial;
  let state: YamlScanState | undefined = scanYamlSites(text)?.state;
  let compared = 0;
  let incremental = 0;
  let taken = 0;
  let shifted = 0;
  for (let n = 0; n < edits; n++) {
    const edit = editOf(text, random);
    const next = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
    const change: TextChange = { start: edit.start, oldEnd: edit.end, newEnd: edit.start + edit.insert.length };
    const label = `seed ${seed}, edit ${n}: ${JSON.stringify(edit)}`;
    const updated = state ? scanYamlSites(next, { state, change }) : undefined;
    const fresh = scanYamlSites(next);
    if (state) {
      incremental++;
      assert.equal(updated === undefined, fresh === undefined, `${label}: the update and a fresh scan disagree on falling back`);
      if (updated && fresh) {
        assert.deepStrictEqual(flatRows(updated.state.lines), flatRows(fresh.state.lines), `${label}: line rows`);
        assert.deepStrictEqual(flatStarts(updated.state.lines), flatStarts(fresh.state.lines), `${label}: line starts`);
        assert.deepStrictEqual(updated.sites, fresh.sites, `${label}: sites of the update and of a fresh scan`);
        taken += updated.reused.units;
        shifted += updated.reused.shifted;
      }
    }
    if (fresh) {
      assert.deepStrictEqual(fresh.sites, findYamlSites(next), `${label}: sites of the fast path and of the full parse`);
      compared++;
    }
    // Random edits often break the YAML (the fast path then falls back, checked above); undo those, so the walk
    // goes on through texts the fast path reads and the update keeps being exercised.
    if (!fresh) continue;
    text = next;
    state = (updated ?? fresh).state;
  }
  return { compared, incremental, taken, shifted };
}
