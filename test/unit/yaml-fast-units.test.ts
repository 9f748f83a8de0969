/**
 * The structure pass's units (path items, sequence items… remembered between versions) against a fresh scan and the
 * full parse: seeded edits that work on the units' boundaries (split a path item, merge two, re-indent a whole one,
 * rename `paths:`, turn `openapi:` off and on, add a method or status beside path items, add or remove a document
 * separator), mixed with the random character edits, in LF and CRLF; and a few edits checked one by one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findYamlSites } from '../../server/src/core/sites/yaml';
import { scanYamlSites } from '../../server/src/core/sites/yamlFast';
import { generateSpec, generateTavern } from './yaml-generator';
import { lineBounds, randomEdit, runEdits, type Edit } from './yaml-fast-edits';

/** Offsets of the lines of `text` that match `pattern` (tested on the line from its first character). */
function linesMatching(text: string, pattern: RegExp): number[] {
  const found: number[] = [];
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (pattern.test(text.slice(start, end))) found.push(start);
    start = end + 1;
  }
  return found;
}

const PATH_ITEM = /^ {2}['"/\w]/;
const OPERATION_OR_FIELD = /^ {4}\S/;

/** An edit of the kinds that move unit boundaries or change what the units are read as; else a random one. */
function structuralEdit(text: string, random: () => number): Edit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[Math.floor(random() * items.length)] : undefined);
  switch (Math.floor(random() * 10)) {
    case 0: {
      // split a path item: a new path key before one of its operations
      const at = pick(linesMatching(text, OPERATION_OR_FIELD));
      if (at !== undefined) return { start: at, end: at, insert: `  /split/${Math.floor(random() * 1000)}:${eol}` };
      break;
    }
    case 1: {
      // merge two path items: delete a path key line
      const at = pick(linesMatching(text, PATH_ITEM));
      if (at !== undefined) return { start: at, end: lineBounds(text, at)[1], insert: '' };
      break;
    }
    case 2: {
      // `openapi:` / `swagger:` off and on: renamed, commented out, emptied
      const at = pick(linesMatching(text, /^(x-|# )?(openapi|swagger):/));
      if (at === undefined) break;
      const end = lineBounds(text, at)[1];
      const line = text.slice(at, end);
      if (line.startsWith('x-') || line.startsWith('# ')) return { start: at, end: at + 2, insert: '' };
      const colon = at + line.indexOf(':') + 1;
      return pick([
        { start: at, end: at, insert: 'x-' },
        { start: at, end: at, insert: '# ' },
        { start: colon, end: end - eol.length, insert: '' },
      ])!;
    }
    case 3: {
      // re-indent a whole path item, its key and every line below it
      const at = pick(linesMatching(text, PATH_ITEM));
      if (at === undefined) break;
      let end = lineBounds(text, at)[1];
      while (end < text.length && /^( {3,}| *\r?\n| *#)/.test(text.slice(end, end + 4))) end = lineBounds(text, end)[1];
      const block = text.slice(at, end);
      const indented = random() < 0.5 ? block.replace(/^/gm, '  ').replace(/ {2}$/, '') : block.replace(/^ {2}/gm, '');
      return { start: at, end, insert: indented };
    }
    case 4: {
      // `paths:` renamed and back: every path item read in another role
      const at = pick(linesMatching(text, /^path[sz]:/));
      if (at !== undefined) return { start: at + 4, end: at + 5, insert: text[at + 4] === 's' ? 'z' : 's' };
      break;
    }
    case 5: {
      // a method or status beside path items: settled across units, never remembered in one
      const at = pick(linesMatching(text, PATH_ITEM));
      if (at === undefined) break;
      const end = lineBounds(text, at)[1];
      return { start: end, end, insert: pick(['    method: GET', '    status: 201', '    status_code: [200, 404]', '  method: POST', '  status: 204'])! + eol };
    }
    case 6: {
      // a document separator added, or taken away
      const marker = pick(linesMatching(text, /^(---|\.\.\.)/));
      if (marker !== undefined && random() < 0.5) return { start: marker, end: lineBounds(text, marker)[1], insert: '' };
      const at = pick(linesMatching(text, /^ {0,4}\S/));
      if (at !== undefined) return { start: at, end: at, insert: `---${eol}` };
      break;
    }
  }
  return randomEdit(text, random);
}

test('structural edits of generated specs: update = fresh scan = full parse, units taken and shifted', () => {
  let taken = 0;
  let shifted = 0;
  for (const seed of [31, 32, 33]) {
    const run = runEdits(generateSpec(seed, 40, { crlf: seed === 33 }), seed, 120, structuralEdit);
    assert.ok(run.compared > 60 && run.incremental > 60, `seed ${seed}: ${run.compared} compared, ${run.incremental} incremental`);
    taken += run.taken;
    shifted += run.shifted;
  }
  // The edits go through the units: they must have been taken, and moved, many times over.
  assert.ok(taken > 1000 && shifted > 500, `${taken} units taken, ${shifted} shifted`);
});

/** A Tavern file whose stages are long enough to be units: a headers block in every request. */
function longTavern(seed: number, stages: number, crlf: boolean): string {
  const headers = Array.from({ length: 10 }, (_, i) => `        x-header-${i}: value ${i}`).join('\n');
  return generateTavern(seed, stages, { crlf }).replace(
    /^( {4}request:)(\r?\n)/gm,
    (_, line: string, eol: string) => `${line}${eol}      headers:${eol}${headers.replace(/\n/g, eol)}${eol}`,
  );
}

test('random edits of long Tavern stages: sequence items taken as units', () => {
  let taken = 0;
  for (const seed of [41, 42]) {
    const run = runEdits(longTavern(seed, 16, seed === 42), seed, 150);
    assert.ok(run.compared > 75, `seed ${seed}: ${run.compared} compared`);
    taken += run.taken;
  }
  assert.ok(taken > 500, `${taken} units taken`);
});

test("an edit inside one path item: the sites before it are the previous version's objects, those after it shifted", () => {
  const text = generateSpec(8, 80);
  const first = scanYamlSites(text)!;
  const at = text.indexOf('operationId: ', text.length >> 1) + 'operationId: '.length;
  const next = text.slice(0, at) + 'xy' + text.slice(at);
  const updated = scanYamlSites(next, { state: first.state, change: { start: at, oldEnd: at, newEnd: at + 2 } })!;
  assert.deepStrictEqual(updated.sites, findYamlSites(next));
  // The path item holding the edit is walked again; those before it are taken as they are, those after it shifted.
  const item = Math.max(...linesMatching(text, PATH_ITEM).filter((start) => start < at));
  const before = first.sites.filter((site) => site.start < item);
  assert.ok(before.length > 20 && before.length < first.sites.length - 20, 'sites on both sides of the edit');
  // (Path items shorter than a unit's minimum are walked again too: most sites, not all, are the very same objects.)
  const same = before.filter((site, i) => updated.sites[i] === site).length;
  assert.ok(same > before.length * 0.6, `${same} of ${before.length} sites before the edit are the previous version's`);
  for (let i = before.length; i < first.sites.length; i++) assert.equal(updated.sites[i].start, first.sites[i].start + (first.sites[i].start < at ? 0 : 2));
  assert.ok(updated.reused.units > 10 && updated.reused.shifted > 5, JSON.stringify(updated.reused));
});

test('openapi: turned off and on again: path items kept, their sites shown only while it is there', () => {
  const text = generateSpec(9, 30);
  const on = scanYamlSites(text)!;
  assert.ok(on.sites.some((site) => site.role === 'spec'));
  const at = text.search(/^(openapi|swagger):/m);
  const off = text.slice(0, at) + 'x-' + text.slice(at);
  const updatedOff = scanYamlSites(off, { state: on.state, change: { start: at, oldEnd: at, newEnd: at + 2 } })!;
  assert.deepStrictEqual(updatedOff.sites, findYamlSites(off));
  assert.ok(!updatedOff.sites.some((site) => site.role === 'spec'));
  assert.ok(updatedOff.reused.units > 0, 'the path items are taken even though no spec site shows');
  const updatedOn = scanYamlSites(text, { state: updatedOff.state, change: { start: at, oldEnd: at + 2, newEnd: at } })!;
  assert.deepStrictEqual(updatedOn.sites, findYamlSites(text));
  assert.deepStrictEqual(updatedOn.sites, on.sites);
});

test('a responses mapping is walked again when the operation above it changes', () => {
  const body = [
    'openapi: 3.0.0',
    'paths:',
    '  /x:',
    '    post:',
    '      operationId: create',
    '      responses:',
    ...Array.from({ length: 16 }, (_, i) => `        '${200 + i}': { description: r${i} }`),
  ];
  const text = body.join('\n') + '\n';
  const first = scanYamlSites(text)!;
  const at = text.indexOf('post:');
  const next = text.slice(0, at) + 'put' + text.slice(at + 4);
  const updated = scanYamlSites(next, { state: first.state, change: { start: at, oldEnd: at + 4, newEnd: at + 3 } })!;
  assert.deepStrictEqual(updated.sites, findYamlSites(next));
  assert.ok(updated.sites.every((site) => site.method?.name === 'PUT' && site.method.at === at));
});

test('the units inside a unit taken whole stay for the next edit inside it', () => {
  const text = generateSpec(10, 60);
  const first = scanYamlSites(text)!;
  // An edit above `paths:` takes the whole paths mapping as one unit; the path items inside it must come along.
  const title = text.indexOf('title: ') + 'title: '.length;
  const second = text.slice(0, title) + 'x' + text.slice(title);
  const afterTitle = scanYamlSites(second, { state: first.state, change: { start: title, oldEnd: title, newEnd: title + 1 } })!;
  assert.deepStrictEqual(afterTitle.sites, findYamlSites(second));
  const pathItems = linesMatching(second, PATH_ITEM).filter((start) => start > second.indexOf('\npaths:'));
  const at = second.indexOf('operationId: ', second.length >> 1) + 'operationId: '.length;
  const third = second.slice(0, at) + 'x' + second.slice(at);
  const updated = scanYamlSites(third, { state: afterTitle.state, change: { start: at, oldEnd: at, newEnd: at + 1 } })!;
  assert.deepStrictEqual(updated.sites, findYamlSites(third));
  assert.ok(updated.reused.units > pathItems.length / 3, `${updated.reused.units} units taken, ${pathItems.length} path items`);
});

test('a status and a method beside path items settle across groups of path items', () => {
  // Not a spec any more (a spec's status keys are data, never sites), but walked the same: paths grouped by the root.
  const spec = generateSpec(12, 150).replace(/^(openapi|swagger):/m, 'draft-$1:');
  const items = linesMatching(spec, PATH_ITEM).filter((start) => start > spec.indexOf('\npaths:'));
  assert.ok(items.length > 70, `${items.length} path items: three groups at least`);
  // A status beside the 3rd path item's operations waits for the paths mapping to close, whose 50th item names the
  // method: neither may be remembered inside a group, or an edit elsewhere loses the site.
  const insertAfterLine = (text: string, at: number, line: string): string => {
    const end = lineBounds(text, at)[1];
    return text.slice(0, end) + line + '\n' + text.slice(end);
  };
  const text = insertAfterLine(insertAfterLine(spec, items[50], '    method: DELETE'), items[3], '    status: 201');
  const first = scanYamlSites(text)!;
  assert.ok(
    first.sites.some((site) => site.role === 'expectation' && site.method?.name === 'DELETE'),
    'the status site is found',
  );
  for (const item of [20, 40, 60]) {
    const at = linesMatching(text, PATH_ITEM).filter((start) => start > text.indexOf('\npaths:'))[item] + 3;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const updated = scanYamlSites(next, { state: first.state, change: { start: at, oldEnd: at, newEnd: at + 1 } })!;
    assert.deepStrictEqual(updated.sites, findYamlSites(next), `an edit in path item ${item}`);
    assert.ok(updated.reused.units > 0);
  }
});

test('a status list is read item by item even when the stage around it is walked again', () => {
  // Long enough to be a group of items if status lists were grouped (they must not be: the pair reads its items).
  const CODES = [200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 422, 429, 500, 503];
  const stage = (n: number) => [
    `  - name: stage ${n}`,
    '    request:',
    `      url: "{api}/orders/${n}"`,
    '      method: POST',
    '    response:',
    '      status_code:',
    ...CODES.map((code) => `        - ${code}`),
  ];
  const text = ['stages:', ...Array.from({ length: 6 }, (_, n) => stage(n)).flat()].join('\n') + '\n';
  const first = scanYamlSites(text)!;
  const at = text.indexOf('orders/3') + 7;
  const next = text.slice(0, at) + 'x' + text.slice(at);
  const updated = scanYamlSites(next, { state: first.state, change: { start: at, oldEnd: at, newEnd: at + 1 } })!;
  assert.deepStrictEqual(updated.sites, findYamlSites(next));
  assert.equal(updated.sites.length, 6 * CODES.length);
  assert.ok(updated.reused.units > 0);
});
