/**
 * The incremental TS/JS parse (the compiler's incremental parser, and only the statements an edit touched walked
 * again) against a fresh parse: hundreds of seeded random edits over real files, a generated Express file of 10,000
 * lines and generated NestJS files, and after each the facts (sites, imports, top-level names) must be equal.
 * Targeted cases check what a statement's sites read beyond it (handlers registered by name, top-level requests), and
 * that a keystroke does reuse what it did not touch.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { languageOfFile, SourceDocument, type DocumentLanguage } from '../../server/src/core';
import { expressFile } from '../bench/corpus/express';
import { expressNestProject } from '../bench/corpus/project';
import { applyEdit, EditMaker } from './ts-incremental-edits';
import { seededRandom } from './yaml-generator';

const ROOT = path.join(__dirname, '..', '..');

interface Sample {
  name: string;
  text: string;
  language: DocumentLanguage;
}

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function realFiles(): Sample[] {
  const files = [...filesUnder(path.join(ROOT, 'test/fixtures/corpus')), ...filesUnder(path.join(ROOT, 'examples'))];
  return files.flatMap((file) => {
    const language = languageOfFile(file);
    if (!language || language === 'yaml') return [];
    return [{ name: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8'), language }];
  });
}

function generatedNest(): Sample[] {
  const { files } = expressNestProject(5, 7);
  return files
    .filter((file) => file.path.endsWith('.controller.ts') || file.path.endsWith('.test.ts') || file.path.endsWith('.routes.ts'))
    .map((file) => ({ name: `generated ${file.path}`, text: file.text, language: 'typescript' as const }));
}

/** Edits `sample` `count` times, comparing each version read with a fresh parse; some versions are not read (changes collapse). */
function replay(sample: Sample, count: number, seed: number): void {
  const random = seededRandom(seed);
  const maker = new EditMaker(random);
  let document = new SourceDocument(sample.text, sample.language);
  assert.equal(document.facts.failure, undefined);
  for (let version = 1; version <= count; version++) {
    const edit = maker.next(document.text);
    const next = applyEdit(document.text, edit);
    document = document.edit(next.text, version, next.change);
    if (version < count && random() < 0.15) continue;
    const fresh = new SourceDocument(next.text, sample.language).facts;
    assert.deepStrictEqual(document.facts, fresh, `${sample.name}, edit ${version} of seed ${seed}: ${JSON.stringify(edit)}`);
  }
}

describe('incremental TS/JS parse equals a fresh parse after random edits', () => {
  for (const [index, sample] of realFiles().entries()) {
    test(sample.name, () => replay(sample, 40, 1000 + index));
  }
  for (const [index, sample] of generatedNest().entries()) {
    test(sample.name, () => replay(sample, 40, 2000 + index));
  }
  test('a generated Express file of 2,000 lines', () => {
    replay({ name: 'express 2,000', text: expressFile(2000, 11).text, language: 'typescript' }, 120, 3001);
  });
  test('a generated Express file of 10,000 lines', () => {
    replay({ name: 'express 10,000', text: expressFile(10000, 12).text, language: 'typescript' }, 25, 3002);
  });
});

/** The facts of `text` after replacing `from` with `to` in it, incrementally; and a fresh parse's. */
function afterReplacing(text: string, from: string, to: string, language: DocumentLanguage = 'typescript') {
  const before = new SourceDocument(text, language);
  void before.facts;
  const start = text.indexOf(from);
  assert.ok(start >= 0, from);
  const next = applyEdit(text, { start, end: start + from.length, insert: to });
  const after = before.edit(next.text, 1, next.change);
  const fresh = new SourceDocument(next.text, language);
  assert.deepStrictEqual(after.facts, fresh.facts);
  return { before: before.facts, after: after.facts };
}

const methodOf = (facts: { sites: { code: number; method?: { name: string } }[] }, code: number) =>
  facts.sites.find((site) => site.code === code)?.method?.name;

describe('what a statement reads beyond itself', () => {
  const named = `function create(req, res) {\n  res.status(201).json({});\n}\n\nconst other = 1;\n\napp.post('/orders', create);\n`;

  test('a handler registered by name takes the route method of a registration in another statement', () => {
    const { before, after } = afterReplacing(named, "app.post('/orders'", "app.delete('/orders'");
    assert.equal(methodOf(before, 201), 'POST');
    assert.equal(methodOf(after, 201), 'DELETE');
  });

  test('renaming the registration, or the function, loses the method', () => {
    assert.equal(methodOf(afterReplacing(named, ', create)', ', createOrder)').after, 201), undefined);
    assert.equal(methodOf(afterReplacing(named, 'function create(', 'function createOrder(').after, 201), undefined);
  });

  test('a registration added later in the file', () => {
    const { before, after } = afterReplacing(named, "app.post('/orders', create);", "app.post('/orders', create);\nrouter.put('/orders/:id', create);");
    assert.equal(methodOf(before, 201), 'POST');
    assert.equal(methodOf(after, 201), 'PUT');
  });

  test('exports.name = function, registered elsewhere', () => {
    const text = `exports.remove = async function (req, res) {\n  res.sendStatus(204);\n};\n\nrouter.delete('/x/:id', exports.remove);\n`;
    assert.equal(methodOf(afterReplacing(text, 'router.delete', 'router.get').after, 204), 'GET');
  });

  test('a status traced to a top-level request in another statement', () => {
    const text = `const res = await request(app).post('/orders');\n\nfoo();\n\nexpect(res.status).toBe(201);\n`;
    const { before, after } = afterReplacing(text, '.post(', '.delete(');
    assert.equal(methodOf(before, 201), 'POST');
    assert.equal(methodOf(after, 201), 'DELETE');
    assert.equal(methodOf(afterReplacing(text, 'const res = ', 'const response = ').after, 201), undefined);
    assert.equal(
      methodOf(afterReplacing(text, 'foo();', "const res = await request(app).put('/x');").after, 201),
      'POST',
      'the first binding is the one traced',
    );
  });

  test('a request added above the status it is traced to', () => {
    const text = `foo();\n\nexpect(res.status).toBe(201);\n`;
    assert.equal(methodOf(afterReplacing(text, 'foo();', "const res = await request(app).delete('/x');").after, 201), 'DELETE');
  });
});

describe('what a statement reads beyond itself: methods learnt in this file', () => {
  const decorated = `import { Delete } from '@nestjs/common';\n\nclass Users {\n  @Delete(':id')\n  remove() {}\n}\n`;
  const implicit = (facts: { sites: { form: { kind: string } }[] }) => facts.sites.filter((site) => site.form.kind === 'implicit').length;

  test('the module a route decorator is imported from: another framework drops the NestJS default', () => {
    const { before, after } = afterReplacing(decorated, "'@nestjs/common'", "'routing-controllers'");
    assert.deepEqual([implicit(before), implicit(after)], [1, 0]);
    assert.equal(
      implicit(afterReplacing(`import { Delete } from 'tsoa';\n\nclass Users {\n  @Delete(':id')\n  remove() {}\n}\n`, "'tsoa'", "'@nestjs/common'").after),
      1,
    );
  });

  test('a wrapped handler registered in another statement', () => {
    const text = `const sendReset = async (req, res) => {\n  res.status(204).end();\n};\n\nrouter.post('/reset', catchAsync(sendReset));\n`;
    const { before, after } = afterReplacing(text, 'router.post', 'router.delete');
    assert.equal(methodOf(before, 204), 'POST');
    assert.equal(methodOf(after, 204), 'DELETE');
  });

  test('a test of the method at the top level lends nothing to the statements after it', () => {
    const text = `if (event.httpMethod !== 'POST') throw new Error('POST only');\n\nfoo();\n\nrespond({ statusCode: 200 });\n`;
    const { before, after } = afterReplacing(text, "'POST'", "'DELETE'");
    assert.deepEqual([methodOf(before, 200), methodOf(after, 200)], [undefined, undefined]);
  });

  test('Hono app.on: the methods listed change in another statement', () => {
    const text = `const update = (c) => c.json(x, 201);\n\napp.on(['GET', 'PUT'], '/x', update);\n`;
    const { after } = afterReplacing(text, "'PUT'", "'DELETE'");
    assert.deepEqual(after.sites[0].method?.others, ['DELETE']);
  });
});

describe('a keystroke reuses what it did not touch', () => {
  test('the sites of untouched statements are kept, moved after the edit', () => {
    const text = expressFile(1000, 5).text;
    const document = new SourceDocument(text, 'typescript');
    const sites = document.facts.sites;
    const at = text.indexOf('res.status(201)', text.length / 2) + 'res.status(20'.length;
    const next = applyEdit(text, { start: at, end: at + 1, insert: '0' });
    const edited = document.edit(next.text, 1, next.change);
    assert.deepStrictEqual(edited.facts, new SourceDocument(next.text, 'typescript').facts);
    const changed = edited.facts.sites.findIndex((site) => site.start === at - 2);
    assert.equal(edited.facts.sites[changed].code, 200);
    // Before the edit: the very same site objects; after it, the same sites moved by nothing (a one-character change).
    assert.equal(edited.facts.sites[0], sites[0]);
    assert.equal(edited.facts.sites[changed - 20], sites[changed - 20]);
    assert.equal(edited.facts.sites.at(-1), sites.at(-1));
  });

  test('a change that does not fit the text is not trusted: the fresh parse answers', () => {
    const text = `app.post('/x', (req, res) => res.status(201).end());\n`;
    const document = new SourceDocument(text, 'typescript');
    void document.facts;
    const next = text.replace('201', '200');
    const edited = document.edit(next, 1, { start: 0, oldEnd: 1, newEnd: 1 });
    assert.deepStrictEqual(edited.facts, new SourceDocument(next, 'typescript').facts);
  });
});
