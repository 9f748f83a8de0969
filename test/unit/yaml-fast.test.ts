/**
 * The fast YAML finder against the full parse: the same Site[] (offsets, codes, forms, roles, idioms, methods) on
 * every corpus fixture and example, on generated specs and test files, and on hand-written tricky YAML; undefined
 * (so the full parse answers) exactly where a case says the fast path must not read it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findYamlSites } from '../../server/src/core/sites/yaml';
import { scanYamlSites } from '../../server/src/core/sites/yamlFast';
import { generateSpec, generateStepCi, generateTavern } from './yaml-generator';
import { TRICKY_CASES } from './yaml-fast-cases';

const root = path.resolve(__dirname, '../..');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** The fast path reads `text` and finds what the full parse finds; returns how many sites that was. */
function assertSameSites(text: string, label: string): number {
  const fast = scanYamlSites(text);
  assert.ok(fast, `${label}: the fast path fell back`);
  const full = findYamlSites(text);
  assert.deepStrictEqual(fast.sites, full, label);
  return full.length;
}

describe('fast YAML finder equals the full parse', () => {
  test('every corpus fixture and example, with LF and with CRLF', () => {
    const files = [...yamlFiles(path.join(root, 'test/fixtures/corpus')), ...yamlFiles(path.join(root, 'examples'))];
    assert.ok(files.length >= 7, 'the fixtures are found');
    let sites = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      sites += assertSameSites(text, path.relative(root, file));
      sites += assertSameSites(text.replace(/\r?\n/g, '\r\n'), `${path.relative(root, file)} (CRLF)`);
    }
    assert.ok(sites > 100, 'the fixtures hold sites to compare');
  });

  test('generated OpenAPI 3.0/3.1 and Swagger 2 specs of several sizes', () => {
    let sites = 0;
    for (let seed = 1; seed <= 40; seed++) {
      for (const size of [3, 25, 120]) {
        sites += assertSameSites(generateSpec(seed, size, { crlf: seed % 4 === 0 }), `spec seed ${seed} size ${size}`);
      }
    }
    assert.ok(sites > 1000);
  });

  test('generated specs read as AsyncAPI, and as no spec at all: status keys are sites only in the latter', () => {
    let statusSites = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const text = generateSpec(seed, 25, { crlf: seed % 4 === 0 });
      const asyncApi = text.replace(/^(openapi|swagger):.*$/m, 'asyncapi: 3.0.0');
      const noSpec = text.replace(/^(openapi|swagger):.*$/m, 'title: a draft');
      assert.equal(assertSameSites(asyncApi, `asyncapi seed ${seed}`), 0);
      assertSameSites(noSpec, `no spec seed ${seed}`);
      assert.ok(
        findYamlSites(text).every((site) => site.role === 'spec'),
        `spec seed ${seed}: no status key is a site`,
      );
      statusSites += findYamlSites(noSpec).filter((site) => site.role === 'expectation').length;
    }
    assert.ok(statusSites > 40, `${statusSites} status sites outside specs`);
  });

  test('generated Tavern and Step CI test files', () => {
    let sites = 0;
    for (let seed = 1; seed <= 60; seed++) {
      sites += assertSameSites(generateTavern(seed, 4 + (seed % 20), { crlf: seed % 3 === 0 }), `tavern seed ${seed}`);
      sites += assertSameSites(generateStepCi(seed, 4 + (seed % 20), { crlf: seed % 3 === 1 }), `stepci seed ${seed}`);
    }
    assert.ok(sites > 300);
  });

  for (const { name, text, fallback } of TRICKY_CASES) {
    test(`${fallback ? 'falls back' : 'reads'}: ${name}`, () => {
      if (fallback) assert.equal(scanYamlSites(text), undefined, `should fall back: ${fallback}`);
      else assertSameSites(text, name);
    });
  }
});
