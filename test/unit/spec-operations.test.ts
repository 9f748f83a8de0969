/**
 * Spec facts (core/spec): operations, their path and method keys, response keys and path prefixes, from YAML and JSON
 * specs; the fast YAML line reader held to the full `yaml` parse; JSON specs' sites like YAML's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSpec, SourceDocument, type SpecFacts } from '../../server/src/core';
import { readYamlSpecFully } from '../../server/src/core/spec/operations';
import { readYamlSpecLines } from '../../server/src/core/spec/yamlLines';
import { openApiSpec } from '../bench/corpus/openapi';

const YAML_SPEC = `openapi: 3.0.3
info:
  title: Users
  description: |
    paths:
      /not/a/path:
        get: {}
servers:
  - url: https://{region}.example.com/api/v1/
    description: production
  - url: http://localhost:3000/api/v1
paths:
  /users:
    post:
      tags:
      - users
      responses:
        '201': { description: Created }
        "400":
          description: Bad
        4XX:
          description: Client errors
        default:
          description: Anything else
        x-note: not a response
    get:
      responses:
        200:
          description: OK
  '/users/{userId}':
    parameters:
      - name: userId
        in: path
    delete:
      responses:
        '204':
          description: Gone
`;

/** The text a span of the spec covers. */
const at = (text: string, start: number, end: number) => text.slice(start, end);

describe('YAML specs', () => {
  const facts = readSpec(YAML_SPEC, 'yaml')!;

  test('every operation under paths: method, path, offsets of its path and method keys', () => {
    assert.equal(facts.dialect, 'openapi');
    assert.deepEqual(
      facts.operations.map((op) => [op.method, op.path, at(YAML_SPEC, op.pathStart, op.pathEnd), at(YAML_SPEC, op.methodStart, op.methodEnd)]),
      [
        ['POST', '/users', '/users', 'post'],
        ['GET', '/users', '/users', 'get'],
        ['DELETE', '/users/{userId}', "'/users/{userId}'", 'delete'],
      ],
    );
  });

  test('response keys: codes, ranges and default, with their offsets and quotes; x- keys are not responses', () => {
    const post = facts.operations[0];
    assert.deepEqual(
      post.responses.map((r) => [r.key, r.kind, r.code, r.quote, at(YAML_SPEC, r.start, r.end)]),
      [
        ['201', 'code', 201, "'", "'201'"],
        ['400', 'code', 400, '"', '"400"'],
        ['4XX', 'range', 4, '', '4XX'],
        ['default', 'default', undefined, '', 'default'],
      ],
    );
    assert.deepEqual(
      facts.operations[1].responses.map((r) => r.code),
      [200],
    );
  });

  test('the path part of each server URL; a variable in the host is fine, a trailing slash dropped, duplicates once', () => {
    assert.deepEqual(facts.prefixes, ['/api/v1']);
  });

  test('the fast line reader read it, and agrees with the full parse', () => {
    assert.ok(readYamlSpecLines(YAML_SPEC), 'block YAML is read by the fast reader');
    assert.deepEqual(readYamlSpecLines(YAML_SPEC), readYamlSpecFully(YAML_SPEC));
  });

  test('flow style, anchors and aliases are left to the full parse, which reads them', () => {
    const flow = `openapi: 3.1.0\npaths: { /a: { get: { responses: { '200': { description: OK } } } } }\n`;
    assert.equal(readYamlSpecLines(flow), undefined);
    assert.deepEqual(
      readSpec(flow, 'yaml')!.operations.map((op) => [op.method, op.path, op.responses.map((r) => r.key)]),
      [['GET', '/a', ['200']]],
    );
    const aliased = `openapi: 3.0.0\npaths:\n  /a:\n    get: &op\n      responses:\n        '200': {}\n  /b:\n    get: *op\n`;
    assert.equal(readYamlSpecLines(aliased), undefined);
    assert.deepEqual(
      readSpec(aliased, 'yaml')!.operations.map((op) => op.path),
      ['/a'],
    );
  });

  test('the fast reader agrees with the full parse on a generated 300-operation spec, quoted and flow keys included', () => {
    const { text } = openApiSpec(300, 7);
    const fast = readYamlSpecLines(text);
    assert.ok(fast);
    assert.equal(fast.operations.length, 300);
    assert.deepEqual(fast, readYamlSpecFully(text));
  });

  test('a document that is not a spec has no facts; a broken one gives what was read, marked partial', () => {
    assert.equal(readSpec('name: test\nsteps:\n  - get: /x\n', 'yaml'), undefined);
    const broken = readSpec(`openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: [unclosed\n`, 'yaml');
    assert.ok(broken);
    assert.equal(typeof broken.partial, 'string');
  });
});

describe('prefixes', () => {
  const prefixesOf = (servers: string) => readSpec(`openapi: 3.0.0\n${servers}paths: {}\n`, 'yaml')!.prefixes;

  test('no servers: no prefix; a bare origin: none; a relative URL: its path', () => {
    assert.deepEqual(prefixesOf(''), ['']);
    assert.deepEqual(prefixesOf('servers:\n  - url: https://api.example.com\n'), ['']);
    assert.deepEqual(prefixesOf('servers:\n  - url: /api\n'), ['/api']);
  });

  test('several servers: several prefixes; a variable in the path: unknown', () => {
    assert.deepEqual(prefixesOf('servers:\n  - url: https://a.example.com/v1\n  - url: https://b.example.com/v2?x=1\n'), ['/v1', '/v2']);
    assert.deepEqual(prefixesOf('servers:\n  - url: https://a.example.com/{basePath}\n    variables:\n      basePath:\n        default: v1\n'), [undefined]);
  });

  test("Swagger 2.0's basePath", () => {
    const facts = readSpec('swagger: "2.0"\nbasePath: /api/\npaths:\n  /pets:\n    get:\n      responses:\n        200:\n          description: OK\n', 'yaml')!;
    assert.equal(facts.dialect, 'swagger');
    assert.deepEqual(facts.prefixes, ['/api']);
    assert.deepEqual(
      facts.operations.map((op) => `${op.method} ${op.path}`),
      ['GET /pets'],
    );
  });
});

describe('JSON specs', () => {
  const json = JSON.stringify(
    {
      openapi: '3.0.3',
      info: { title: 'Users', description: 'paths: "/nope"' },
      servers: [{ url: 'https://api.example.com/v2' }],
      paths: {
        '/users': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
            responses: { '201': { description: 'Created' }, '5XX': { description: 'Err' } },
          },
        },
        '/users/{id}': { get: { responses: { '200': { description: 'OK' }, default: { description: 'Error' } } } },
      },
    },
    null,
    2,
  );

  test('operations, keys with their offsets (quotes included), prefixes', () => {
    const facts = readSpec(json, 'json')!;
    assert.deepEqual(facts.prefixes, ['/v2']);
    assert.deepEqual(
      facts.operations.map((op) => [
        op.method,
        op.path,
        at(json, op.pathStart, op.pathEnd),
        at(json, op.methodStart, op.methodEnd),
        op.responses.map((r) => at(json, r.start, r.end)),
      ]),
      [
        ['POST', '/users', '"/users"', '"post"', ['"201"', '"5XX"']],
        ['GET', '/users/{id}', '"/users/{id}"', '"get"', ['"200"', '"default"']],
      ],
    );
  });

  test('the same facts as the full YAML parse of the same text (JSON is YAML)', () => {
    assert.deepEqual(readSpec(json, 'json'), readYamlSpecFully(json));
  });

  test("a JSON spec's sites are its response codes, as the YAML adapter gives them for the same text", () => {
    const asJson = new SourceDocument(json, 'json').facts.sites;
    const asYaml = new SourceDocument(json, 'yaml').facts.sites;
    assert.equal(asJson.length, 2);
    assert.deepEqual(asJson, asYaml);
  });

  test('other JSON has no sites; broken JSON keeps what was read and says why', () => {
    assert.deepEqual(new SourceDocument('{"name": "x", "status": 200, "method": "POST"}', 'json').facts.sites, []);
    const cut = json.slice(0, json.indexOf('"/users/{id}"') + 20);
    const facts = readSpec(cut, 'json') as SpecFacts;
    assert.deepEqual(
      facts.operations.map((op) => op.method),
      ['POST'],
    );
    assert.match(facts.partial!, /offset|end/);
    assert.match(new SourceDocument(cut, 'json').facts.failure!, /could not be read whole/);
  });
});

test('the 10,000-operation spec of the benchmark is read in well under a second (YAML and JSON)', () => {
  const { text } = openApiSpec(10_000, 10_042);
  const json = jsonSpecOf(10_000);
  const timed = (run: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      run();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[1];
  };
  let yamlFacts: SpecFacts | undefined;
  let jsonFacts: SpecFacts | undefined;
  const yamlMs = timed(() => (yamlFacts = readSpec(text, 'yaml')));
  const jsonMs = timed(() => (jsonFacts = readSpec(json, 'json')));
  assert.equal(yamlFacts!.operations.length, 10_000);
  assert.equal(jsonFacts!.operations.length, 10_000);
  // Measured alone, the medians are about 150 ms (9 MB of YAML) and 180 ms (13 MB of JSON); the full `yaml` parse of the
  // same YAML takes 4-6 s. The bound only tells the fast paths from the full parse on a shared, busy 2-core machine.
  assert.ok(yamlMs < 3000, `YAML: ${yamlMs} ms`);
  assert.ok(jsonMs < 3000, `JSON: ${jsonMs} ms`);
});

/** A JSON spec of `count` operations with bodies, schemas and several responses each (about 1.3 kB per operation). */
function jsonSpecOf(count: number): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < count; i++) {
    const path = i % 2 === 0 ? `/things${Math.floor(i / 5)}` : `/things${Math.floor(i / 5)}/{id}`;
    const method = ['get', 'post', 'put', 'delete', 'patch'][i % 5];
    paths[path] ??= { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] };
    paths[path][method] = {
      summary: `Operation ${i}`,
      description: 'A description long enough to matter, with "quotes" and \\ escapes.',
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' }, size: { type: 'integer' } } } } } },
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        '400': { description: 'Bad request' },
        '404': { description: 'Not found' },
        default: { description: 'Error' },
      },
    };
  }
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'Generated', version: '1' }, paths }, null, 2);
}
