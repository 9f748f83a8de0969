/**
 * Completion's fast slot (only the statement around the cursor parsed again, on the document's own parse) against
 * the full re-parse of the text with the placeholder, at many cursor positions: after every kind of token a status
 * can follow, inside written codes, and where `res.status(`, `.expect(`, `{ status: ` and `case ` were just typed
 * into real files and a generated Express file. Where the fast way is sure it must give the same slot (site,
 * method, offsets); it must be sure almost everywhere; and the document's own parse must be left as it was.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { languageOfFile, SourceDocument, statusSlotAt, type DocumentLanguage } from '../../server/src/core';
import { fastSlotAt, fullReparseSlotAt } from '../../server/src/core/completion';
import { expressFile } from '../bench/corpus/express';
import { seededRandom } from './yaml-generator';

const ROOT = path.join(__dirname, '..', '..');
const TYPED = ['res.status(', 'reply.code(', '.expect(', 'return Response.json(x, { status: ', 'case ', 'if (res.status === ', 'res.status(2', 'ctx.throw('];

interface Sample {
  name: string;
  text: string;
  language: DocumentLanguage;
}

function samples(): Sample[] {
  const files = ['test/fixtures/corpus', 'examples/express', 'examples/nestjs', 'examples/tests'].flatMap((folder) =>
    fs.readdirSync(path.join(ROOT, folder)).map((name) => path.join(folder, name)),
  );
  const real = files.flatMap((file) => {
    const language = languageOfFile(file);
    return language && language !== 'yaml' ? [{ name: file, text: fs.readFileSync(path.join(ROOT, file), 'utf8'), language }] : [];
  });
  return [...real, { name: 'generated Express, 2,000 lines', text: expressFile(2000, 3).text, language: 'typescript' }];
}

/** Offsets where a status might be typed: after ( , : = and case, and inside written three-digit numbers. */
function candidateOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(/[(,:=]\s*|\bcase\s+/g)) offsets.push(match.index + match[0].length);
  for (const match of text.matchAll(/\b\d{3}\b/g)) for (let i = 0; i <= 3; i++) offsets.push(match.index + i);
  return offsets;
}

function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(random() * items.length));
  return [...chosen].sort((a, b) => a - b).map((index) => items[index]);
}

interface Tally {
  asked: number;
  sure: number;
  slots: number;
}

/** Compares the fast slot with the full re-parse's at `offset`; the document's parse must not be consumed or changed. */
function compareAt(document: SourceDocument, offset: number, where: string, tally: Tally): void {
  const sitesBefore = document.facts.sites;
  const parse = document.parse;
  const fast = fastSlotAt(document, offset);
  const full = fullReparseSlotAt(document, offset);
  tally.asked++;
  if (full) tally.slots++;
  if (fast) {
    tally.sure++;
    assert.deepStrictEqual(fast.slot, full, `${where}: the fast slot differs from the full re-parse's`);
  }
  assert.deepStrictEqual(statusSlotAt(document, offset), full, where);
  assert.equal(document.parse, parse, 'the document keeps its parse');
  assert.equal(document.facts.sites, sitesBefore);
}

describe('fast completion slot equals the full re-parse', () => {
  const tally: Tally = { asked: 0, sure: 0, slots: 0 };
  for (const [index, sample] of samples().entries()) {
    test(sample.name, () => {
      const random = seededRandom(500 + index);
      const document = new SourceDocument(sample.text, sample.language);
      for (const offset of pick(candidateOffsets(sample.text), 50, random)) compareAt(document, offset, `${sample.name} at ${offset}`, tally);
      // Something just typed on a new line, at the start of a random line, the cursor after it.
      const lineStarts = [...sample.text.matchAll(/\n/g)].map((match) => match.index + 1);
      for (const lineStart of pick(lineStarts, 12, random)) {
        const typed = TYPED[Math.floor(random() * TYPED.length)];
        const indent = /^[ \t]*/.exec(sample.text.slice(lineStart))![0];
        const text = `${sample.text.slice(0, lineStart)}${indent}${typed}\n${sample.text.slice(lineStart)}`;
        const before = new SourceDocument(sample.text, sample.language);
        void before.facts;
        // The version the editor would have: the line typed into the last version, its parse reused.
        const edited = before.edit(text, 1, { start: lineStart, oldEnd: lineStart, newEnd: lineStart + indent.length + typed.length + 1 });
        compareAt(edited, lineStart + indent.length + typed.length, `${sample.name}, ${JSON.stringify(typed)} typed at ${lineStart}`, tally);
      }
    });
  }
  test('sure almost everywhere, and slots found', () => {
    assert.ok(tally.slots > 100, `slots found: ${tally.slots}`);
    assert.ok(tally.sure >= tally.asked * 0.9, `sure at ${tally.sure} of ${tally.asked} positions`);
  });
});

/** The fast slot at the `|` of `marked`, which must be sure, and the full re-parse's. */
function bothAt(marked: string): { fast: ReturnType<typeof fastSlotAt>; full: ReturnType<typeof fullReparseSlotAt> } {
  const offset = marked.indexOf('|');
  const document = new SourceDocument(marked.replace('|', ''), 'typescript');
  return { fast: fastSlotAt(document, offset), full: fullReparseSlotAt(document, offset) };
}

describe('the statement around the cursor parses as it would in the whole file', () => {
  test("a module's top-level await", () => {
    const { fast, full } = bothAt(`import request from 'supertest';\nfoo();\nawait (request(app).post('/orders')).expect(|);\nbar();\n`);
    assert.ok(fast, 'sure');
    assert.deepStrictEqual(fast.slot, full);
    assert.equal(full?.site.method?.name, 'POST');
  });

  test('a call left open at the top level takes in the statement after it', () => {
    // res.status(599, bar()) in the whole file: two arguments, no status.
    const { fast, full } = bothAt(`foo();\nres.status(|\nbar();\n`);
    assert.ok(fast, 'sure');
    assert.deepStrictEqual(fast.slot, full);
    assert.equal(full, undefined);
  });
});

describe('where the fast slot is not sure', () => {
  test('a status traced to a top-level request above: the full re-parse answers', () => {
    const text = `const res = await request(app).post('/orders');\n\nexpect(res.status).toBe();\n`;
    const document = new SourceDocument(text, 'typescript');
    const offset = text.indexOf('toBe(') + 'toBe('.length;
    assert.equal(fastSlotAt(document, offset), undefined);
    assert.equal(statusSlotAt(document, offset)?.site.method?.name, 'POST');
  });

  test('a handler registered by name further down lends its method to the fast slot', () => {
    const text = `function create(req, res) {\n  res.status();\n}\n\napp.post('/orders', create);\n`;
    const document = new SourceDocument(text, 'typescript');
    const offset = text.indexOf('status(') + 'status('.length;
    const fast = fastSlotAt(document, offset);
    assert.ok(fast?.slot);
    // In the text with the placeholder: three characters later than in the document.
    assert.deepEqual(fast.slot.site.method, { name: 'POST', source: 'route', at: text.indexOf('app.post') + 'app.'.length + '599'.length });
  });

  test('an old version, whose parse has gone to the next: the full re-parse answers', () => {
    const text = `app.post('/orders', (req, res) => res.status());\n`;
    const document = new SourceDocument(text, 'typescript');
    void document.facts;
    document.edit(`${text}\n`, 1, { start: text.length, oldEnd: text.length, newEnd: text.length + 1 });
    const offset = text.indexOf('status(') + 'status('.length;
    assert.equal(fastSlotAt(document, offset), undefined);
    assert.equal(statusSlotAt(document, offset)?.site.method?.name, 'POST');
  });
});
