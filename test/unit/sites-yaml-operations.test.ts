/**
 * Every OpenAPI operation wherever it is written: `paths`, `webhooks`, an operation's `callbacks`,
 * `components.pathItems` and `components.callbacks`; a path item reached by `$ref` or an alias is judged once, where
 * it is written. Both YAML readers (the full parse and the fast scan) must find exactly these sites.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findYamlSites } from '../../server/src/core/sites/yaml';
import { scanYamlSites } from '../../server/src/core/sites/yamlFast';
import { describeSite } from './helpers';

const yaml = (lines: string[]): string => lines.join('\n') + '\n';

/** The sites both readers find, described (`code@text METHOD/source role`); they must agree. */
function sitesOfBoth(text: string): string[] {
  const full = findYamlSites(text);
  const fast = scanYamlSites(text);
  assert.ok(fast, 'the fast path reads it');
  assert.deepStrictEqual(fast.sites, full, 'the fast path finds what the full parse finds');
  return full.map((site) => describeSite(text, site));
}

/** Where each site's method comes from: the text at `method.at` (the operation key it is written under). */
function methodKeys(text: string): string[] {
  return findYamlSites(text).map((site) => `${text.slice(site.start, site.end)}<-${text.slice(site.method!.at, site.method!.at + 6).trim()}`);
}

describe('OpenAPI 3.1 components.pathItems', () => {
  const text = yaml([
    'openapi: 3.1.0',
    'info: { title: Jobs, version: "1" }',
    'paths:',
    '  /jobs:',
    "    $ref: '#/components/pathItems/Jobs'",
    '  /v2/jobs:',
    "    $ref: '#/components/pathItems/Jobs'",
    'components:',
    '  pathItems:',
    '    Jobs:',
    '      get:',
    '        responses:',
    "          '200': { description: the jobs }",
    '      post:',
    '        responses:',
    "          '200':",
    '            description: queued',
    "          '409': { description: a job of that name runs }",
  ]);

  test('their operations are judged under the operation key where they are written', () => {
    assert.deepEqual(sitesOfBoth(text), ["200@'200' GET/openapi spec", "200@'200' POST/openapi spec", "409@'409' POST/openapi spec"]);
    assert.deepEqual(methodKeys(text), ["'200'<-get:", "'200'<-post:", "'409'<-post:"]);
  });

  test('a path item used from two paths is judged once, where it is written', () => {
    const sites = findYamlSites(text);
    assert.equal(sites.filter((site) => site.code === 409).length, 1);
    assert.ok(sites.every((site) => site.start > text.indexOf('pathItems:')));
  });

  test('only the first components and the first pathItems count, as the parser reads duplicate keys', () => {
    const twice = text + yaml(['  pathItems:', '    Other:', '      delete:', '        responses:', "          '200': {}"]);
    assert.deepEqual(sitesOfBoth(twice), sitesOfBoth(text));
  });

  test('without it, the same mapping elsewhere in components is not read (schemas, responses)', () => {
    const schemas = text.replace('  pathItems:', '  schemas:');
    assert.deepEqual(sitesOfBoth(schemas), []);
  });
});

describe('callbacks', () => {
  test("an operation's callbacks: their operations are judged under their own keys", () => {
    const text = yaml([
      'openapi: 3.0.3',
      'paths:',
      '  /subscriptions:',
      '    post:',
      '      responses:',
      "        '201': { description: subscribed }",
      '      callbacks:',
      '        onEvent:',
      "          '{$request.body#/callbackUrl}':",
      '            post:',
      '              responses:',
      "                '200': { description: taken }",
      '            delete:',
      '              responses:',
      "                '204': { description: unsubscribed }",
    ]);
    assert.deepEqual(sitesOfBoth(text), ["201@'201' POST/openapi spec", "200@'200' POST/openapi spec", "204@'204' DELETE/openapi spec"]);
  });

  test('components.callbacks, reached from operations by $ref, are judged where written', () => {
    const text = yaml([
      'openapi: 3.1.0',
      'paths:',
      '  /orders:',
      '    post:',
      '      responses:',
      "        '201': { description: created }",
      '      callbacks:',
      '        shipped:',
      "          $ref: '#/components/callbacks/Shipped'",
      'components:',
      '  callbacks:',
      '    Shipped:',
      "      '{$request.body#/callbackUrl}':",
      '        post:',
      '          responses:',
      "            '200': { description: acknowledged }",
      '          callbacks:',
      '            nested:',
      "              '{$request.body#/url}':",
      '                put:',
      '                  responses:',
      "                    '201': { description: replaced }",
    ]);
    assert.deepEqual(sitesOfBoth(text), ["201@'201' POST/openapi spec", "200@'200' POST/openapi spec", "201@'201' PUT/openapi spec"]);
  });
});

describe('webhooks and path items written once', () => {
  test('a webhook reached by $ref is judged in components.pathItems; an aliased path item once, where anchored', () => {
    const text = yaml([
      'openapi: 3.1.0',
      'webhooks:',
      '  orderShipped:',
      "    $ref: '#/components/pathItems/OrderEvent'",
      'paths:',
      '  /a: &shared',
      '    delete:',
      '      responses:',
      "        '200': { description: removed }",
      '  /b: *shared',
      '  /c:',
      '    <<: *shared',
      'components:',
      '  pathItems:',
      '    OrderEvent:',
      '      post:',
      '        responses:',
      "          '202': { description: taken }",
    ]);
    assert.deepEqual(sitesOfBoth(text), ["200@'200' DELETE/openapi spec", "202@'202' POST/openapi spec"]);
  });
});
