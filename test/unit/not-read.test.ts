/**
 * What cannot be read is said, never reported clean: TypeScript nested deeper than the parser's stack is a skip with
 * its reason (fresh, after an edit, and for completion), and the YAML nesting guard counts real nesting only.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLI_MESSAGES, SourceDocument, statusSlotAt } from '../../server/src/core';
import { MAX_YAML_NESTING, yamlTooDeep } from '../../server/src/core/limits';
import { scanYamlSites } from '../../server/src/core/sites/yamlFast';
import { findYamlSites } from '../../server/src/core/sites/yaml';

const ROUTE = `import express from 'express';\nconst app = express();\napp.post('/x', (req, res) => res.status(200).send());\n`;
const nested = (levels: number) => `const x = ${'('.repeat(levels)}1${')'.repeat(levels)};\n`;
const arrows = (levels: number) => `const f = ${'() => '.repeat(levels)}1;\n`;

describe('TypeScript nested deeper than the stack allows', () => {
  for (const [label, text] of [
    ['800 parentheses', ROUTE + nested(800)],
    ['3,000 parentheses', ROUTE + nested(3000)],
    ['3,000 arrows', ROUTE + arrows(3000)],
  ] as const) {
    test(`${label}: skipped as too deep, not a failure and not clean`, () => {
      const facts = new SourceDocument(text, 'typescript', 1).facts;
      assert.deepEqual(facts.skipped, { kind: 'too-deep' });
      assert.equal(facts.failure, undefined);
      assert.deepEqual(facts.sites, []);
    });
  }

  test('the reason reads as a reason', () => {
    assert.equal(CLI_MESSAGES.skipCause('en', { kind: 'too-deep' }), 'nested too deeply for the parser to read');
    assert.match(CLI_MESSAGES.skipCause('zh-cn', { kind: 'too-deep' }), /嵌套过深/);
  });

  test('an edit that nests too deep is a skip; the edit that undoes it reads the file again', () => {
    const first = new SourceDocument(ROUTE, 'typescript', 1);
    assert.equal(first.facts.sites.length, 1);
    const deepText = ROUTE + nested(3000);
    const deep = first.edit(deepText, 2, { start: ROUTE.length, oldEnd: ROUTE.length, newEnd: deepText.length });
    assert.deepEqual(deep.facts.skipped, { kind: 'too-deep' });
    const back = deep.edit(ROUTE, 3, { start: ROUTE.length, oldEnd: deepText.length, newEnd: ROUTE.length });
    assert.equal(back.facts.skipped, undefined);
    assert.equal(back.facts.sites.length, 1);
  });

  test('completion in a file too deep to read offers nothing and does not throw', () => {
    const text = ROUTE.replace('status(200)', 'status(') + nested(3000);
    const document = new SourceDocument(text, 'typescript', 1);
    assert.equal(statusSlotAt(document, text.indexOf('status(') + 'status('.length), undefined);
  });
});

describe('the YAML nesting guard counts real nesting', () => {
  const spec = (description: string) =>
    `openapi: 3.0.0\npaths:\n  /x:\n    post:\n      description: ${description}\n      responses:\n        '201':\n          description: ok\n`;
  const brackets = '['.repeat(MAX_YAML_NESTING + 1);

  for (const [label, text] of [
    ['in a double-quoted string', spec(`"${brackets}"`)],
    ['in a single-quoted string', spec(`'${brackets}'`)],
    ['in a quoted string over two lines', spec(`"a\n        ${brackets}"`)],
    ['in a plain scalar', spec(`see a${brackets}`)],
    ['in a comment', spec(`ok # ${brackets}`)],
    ['in a block scalar', spec(`|\n        ${brackets}`)],
  ]) {
    test(`${MAX_YAML_NESTING + 1} brackets ${label} are text: the file is read, by the fast scan and in full`, () => {
      assert.equal(yamlTooDeep(text), false);
      const full = findYamlSites(text);
      assert.equal(full.length, 1);
      const document = new SourceDocument(text, 'yaml', 1);
      assert.equal(document.facts.skipped, undefined);
      assert.deepEqual(document.facts.sites, full);
      // The fast scan either reads it the same or leaves it to the full parse; it never calls it too deep.
      const fast = scanYamlSites(text);
      if (fast) assert.deepEqual({ tooDeep: fast.tooDeep, sites: fast.sites }, { tooDeep: false, sites: full });
    });
  }

  test('real flow nesting past the limit is still refused, wherever brackets in strings sit', () => {
    const real = `a: ${'['.repeat(MAX_YAML_NESTING + 1)}${']'.repeat(MAX_YAML_NESTING + 1)}\n`;
    assert.equal(yamlTooDeep(real), true);
    assert.equal(yamlTooDeep(`b: "]]]]"\n${real}`), true);
    assert.equal(scanYamlSites(real)?.tooDeep, true);
    assert.deepEqual(new SourceDocument(real, 'yaml', 1).facts.skipped, { kind: 'too-deep', limit: MAX_YAML_NESTING });
    // Exactly at the limit is read.
    assert.equal(yamlTooDeep(`a: ${'['.repeat(MAX_YAML_NESTING)}${']'.repeat(MAX_YAML_NESTING)}\n`), false);
  });

  test('deep block indentation is still refused', () => {
    assert.equal(yamlTooDeep(`${'- '.repeat(MAX_YAML_NESTING + 1)}1\n`), true);
  });
});
