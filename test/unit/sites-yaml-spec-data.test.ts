/**
 * Example data is not a test: in an OpenAPI, Swagger or AsyncAPI document a `status:` beside a `method:` (in an
 * `example`, `examples`, `default`, `enum`, `const`, a schema's `properties`, an `x-` extension) is never a site; the
 * same mappings in a Tavern or Step CI file are. Both YAML readers must agree, including after an edit.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check, DEFAULT_TABLE, SourceDocument, statusSlotAt } from '../../server/src/core';
import { findYamlSites } from '../../server/src/core/sites/yaml';
import { scanYamlSites } from '../../server/src/core/sites/yamlFast';
import { describeSite } from './helpers';

const yaml = (lines: string[]): string => lines.join('\n') + '\n';

function sitesOfBoth(text: string): string[] {
  const full = findYamlSites(text);
  const fast = scanYamlSites(text);
  assert.ok(fast, 'the fast path reads it');
  assert.deepStrictEqual(fast.sites, full, 'the fast path finds what the full parse finds');
  return full.map((site) => describeSite(text, site));
}

/** A request log entry as specs write it in their examples: a method and a status side by side. */
const ENTRY = ['method: POST', 'status: 200'];
const indented = (indent: number, lines: string[]) => lines.map((line) => ' '.repeat(indent) + line);

/** Each place of a spec where example data stands, holding a method/status pair. */
const PLACES: { name: string; lines: string[] }[] = [
  { name: 'a media type example', lines: ['          example:', ...indented(12, ENTRY)] },
  { name: 'named examples', lines: ['          examples:', '            created:', '              value:', ...indented(16, ENTRY)] },
  { name: "a schema's default", lines: ['          schema:', '            default:', ...indented(14, ENTRY)] },
  { name: "a schema's enum", lines: ['          schema:', '            enum:', '              - { method: POST, status: 200 }'] },
  { name: "a schema's const", lines: ['          schema:', '            const: { method: DELETE, status: 200 }'] },
  {
    name: "a schema's properties with examples",
    lines: [
      '          schema:',
      '            properties:',
      '              method: { type: string, example: POST }',
      '              status: { type: integer, example: 200 }',
    ],
  },
  // Not a valid schema, but written: sample values where property schemas belong.
  { name: "a schema's properties written as sample values", lines: ['          schema:', '            properties:', ...indented(14, ENTRY)] },
  { name: 'an x- extension', lines: ['          x-request-log:', ...indented(12, ['- method: PUT', '  status: 201'])] },
];

const spec = (header: string, place: string[]) =>
  yaml([
    header,
    'info: { title: Audit, version: "1" }',
    'paths:',
    '  /audit:',
    '    get:',
    '      responses:',
    "        '200':",
    '          description: the log',
    '          content:',
    '            application/json: {}',
    ...place,
  ]);

describe('a method/status pair in a spec is data', () => {
  for (const { name, lines } of PLACES) {
    for (const header of ['openapi: 3.1.0', 'swagger: "2.0"']) {
      test(`${name} (${header.split(':')[0]}): only the responses key is a site`, () => {
        assert.deepEqual(sitesOfBoth(spec(header, lines)), ["200@'200' GET/openapi spec"]);
      });
    }
  }

  test('an x- extension at an operation (API Gateway integration responses) is no test of the operation', () => {
    const text = yaml([
      'openapi: 3.0.3',
      'paths:',
      '  /exports:',
      '    get:',
      '      responses:',
      "        '200': { description: ok }",
      '      x-amazon-apigateway-integration:',
      '        httpMethod: POST',
      '        type: aws_proxy',
      '        statusCode: "201"',
    ]);
    assert.deepEqual(sitesOfBoth(text), ["200@'200' GET/openapi spec"]);
  });

  test('AsyncAPI: its examples and bindings hold no sites', () => {
    const text = yaml([
      'asyncapi: 3.0.0',
      'info: { title: Orders events, version: "1" }',
      'components:',
      '  messages:',
      '    OrderRequested:',
      '      examples:',
      '        - payload:',
      ...indented(12, ENTRY),
      '      bindings:',
      '        http: { method: POST, statusCode: 201 }',
    ]);
    assert.deepEqual(sitesOfBoth(text), []);
  });

  test('no findings in a spec whose examples hold a DELETE answering 200', () => {
    const text = spec('openapi: 3.0.3', ['          example: { method: DELETE, status: 200 }']);
    assert.deepEqual(check(new SourceDocument(text, 'yaml'), DEFAULT_TABLE, { severities: {}, lang: 'en' }), []);
  });
});

describe('the same pairs in API test files stay judged', () => {
  test('Tavern: request.method beside response.status_code', () => {
    const text = yaml(['test_name: create', 'stages:', '  - request:', '      method: POST', '    response:', '      status_code: 200']);
    assert.deepEqual(sitesOfBoth(text), ['200@200 POST/mapping expectation']);
  });

  test('Step CI: a step whose check holds the status, even under keys a spec would call example data', () => {
    const text = yaml([
      'version: "1.1"',
      'tests:',
      '  example:',
      '    steps:',
      '      - http:',
      '          method: DELETE',
      '          check:',
      '            status: 200',
      '  x-smoke:',
      '    steps:',
      '      - { method: POST, status: 200 }',
    ]);
    assert.deepEqual(sitesOfBoth(text), ['200@200 DELETE/mapping expectation', '200@200 POST/mapping expectation']);
  });

  test('a spec and a test file in one stream: each document is read as what it is', () => {
    const text = spec('openapi: 3.0.3', ['          example: { method: DELETE, status: 200 }']) + yaml(['---', '- method: DELETE', '  status: 200']);
    assert.deepEqual(sitesOfBoth(text), ["200@'200' GET/openapi spec", '200@200 DELETE/mapping expectation']);
  });
});

describe('an edit that makes a file a spec, or no longer one', () => {
  test('the fast path reusing its units agrees with the full parse both ways', () => {
    // Long enough that the stages are units taken from the previous version.
    const stages = Array.from({ length: 30 }, (_, n) => ['  - name: s' + n, '    request:', '      method: POST', '    response:', '      status: 200']).flat();
    const before = yaml(['info: audit', 'stages:', ...stages]);
    const first = scanYamlSites(before)!;
    assert.equal(first.sites.length, 30);
    const after = 'openapi: 3.1.0\n' + before;
    const change = { start: 0, oldEnd: 0, newEnd: 'openapi: 3.1.0\n'.length };
    const second = scanYamlSites(after, { state: first.state, change })!;
    assert.deepStrictEqual(second.sites, findYamlSites(after));
    assert.equal(second.sites.length, 0);
    assert.ok(second.reused.units > 0, 'units were taken');
    const third = scanYamlSites(before, { state: second.state, change: { start: 0, oldEnd: change.newEnd, newEnd: 0 } })!;
    assert.deepStrictEqual(third.sites, first.sites);
    assert.ok(third.reused.units > 0, 'units were taken');
  });
});

describe('completion follows the sites', () => {
  /** Whether a status code completes at the end of `text` (the cursor after `status: `). */
  const completes = (text: string) => statusSlotAt(new SourceDocument(text, 'yaml'), text.length) !== undefined;

  test("no status codes offered in a spec's example, offered in a test file's response", () => {
    assert.equal(completes(spec('openapi: 3.0.3', ['          example:', '            method: POST', '            status: ']).replace(/\n$/, '')), false);
    assert.equal(completes('stages:\n  - request:\n      method: POST\n    response:\n      status_code: '), true);
  });
});
