/** Site finding in YAML: OpenAPI / Swagger responses keys, and status keys in mappings that name a method. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, findSites } from '../../server/src/core/sites';
import { idiomLabel } from '../../server/src/core/sites/idioms';
import { describeSite, sitesIn } from './helpers';

const yaml = (lines: string[]): string => lines.join('\n') + '\n';

describe('OpenAPI 3', () => {
  const spec = yaml([
    `openapi: 3.0.3`,
    `info: { title: Orders, version: '1' }`,
    `paths:`,
    `  /orders:`,
    `    get:`,
    `      responses:`,
    `        '200': { description: ok }`,
    `        default: { description: error }`,
    `    post:`,
    `      summary: Create`,
    `      responses:`,
    `        "201":`,
    `          description: created`,
    `        2XX:`,
    `          description: any success`,
    `        400:`,
    `          description: bad`,
    `  /orders/{id}:`,
    `    parameters: []`,
    `    delete:`,
    `      responses:`,
    `        204: { description: gone }`,
    `components:`,
    `  responses:`,
    `    '404':`,
    `      description: not found`,
    `  schemas:`,
    `    Order:`,
    `      properties:`,
    `        id: { type: string, maxLength: 200 }`,
  ]);

  test('responses keys quoted and unquoted, with the operation method; default, 2XX and components ignored', () => {
    assert.deepEqual(sitesIn(spec, 'yaml'), [
      `200@'200' GET/openapi spec`,
      `201@"201" POST/openapi spec`,
      `400@400 POST/openapi spec`,
      `204@204 DELETE/openapi spec`,
    ]);
  });

  test('form keeps the quote, the method points at the operation key', () => {
    const sites = findSites(spec, 'yaml');
    assert.deepEqual(
      sites.map((site) => site.form),
      [
        { kind: 'yaml', quote: "'" },
        { kind: 'yaml', quote: '"' },
        { kind: 'yaml', quote: '' },
        { kind: 'yaml', quote: '' },
      ],
    );
    assert.deepEqual(sites[0].method, { name: 'GET', source: 'openapi', at: spec.indexOf('get:') });
    assert.deepEqual(sites[1].idiom, { id: 'openapi.responses' });
    assert.equal(idiomLabel(sites[1].idiom), 'OpenAPI responses');
    assert.equal(sites[1].role, 'spec');
    assert.equal(spec.slice(sites[1].start, sites[1].end), '"201"');
  });

  test('webhooks operations count like paths', () => {
    const text = yaml([`openapi: 3.1.0`, `webhooks:`, `  newOrder:`, `    post:`, `      responses:`, `        '200': { description: ok }`]);
    assert.deepEqual(sitesIn(text, 'yaml'), [`200@'200' POST/openapi spec`]);
  });

  test('every operation key; a path-level non-operation key is not one', () => {
    const text = yaml([
      `openapi: 3.0.0`,
      `paths:`,
      `  /x:`,
      `    summary: x`,
      `    x-responses:`,
      `      responses: { '500': {} }`,
      `    put: { responses: { '200': {} } }`,
      `    patch: { responses: { '200': {} } }`,
      `    head: { responses: { '200': {} } }`,
      `    options: { responses: { '204': {} } }`,
      `    trace: { responses: { '200': {} } }`,
    ]);
    assert.deepEqual(sitesIn(text, 'yaml'), [
      `200@'200' PUT/openapi spec`,
      `200@'200' PATCH/openapi spec`,
      `200@'200' HEAD/openapi spec`,
      `204@'204' OPTIONS/openapi spec`,
      `200@'200' TRACE/openapi spec`,
    ]);
  });
});

describe('Swagger 2', () => {
  test("swagger: '2.0' responses keys", () => {
    const text = yaml([
      `swagger: '2.0'`,
      `info: { title: Pets, version: '1' }`,
      `paths:`,
      `  /pets:`,
      `    post:`,
      `      responses:`,
      `        201:`,
      `          description: created`,
      `        default:`,
      `          description: error`,
      `    put:`,
      `      responses:`,
      `        '200': {description: ok}`,
      `        "409": {description: conflict}`,
    ]);
    assert.deepEqual(sitesIn(text, 'yaml'), [`201@201 POST/openapi spec`, `200@'200' PUT/openapi spec`, `409@"409" PUT/openapi spec`]);
  });
});

describe('not OpenAPI', () => {
  test('a YAML file with paths and responses but no openapi/swagger key', () => {
    const text = yaml([`paths:`, `  /x:`, `    post:`, `      responses:`, `        '200': {}`, `responses:`, `  '201': created`]);
    assert.deepEqual(sitesIn(text, 'yaml'), []);
  });

  test('Kubernetes manifests', () => {
    const text = yaml([
      `apiVersion: apps/v1`,
      `kind: Deployment`,
      `metadata: { name: web }`,
      `spec:`,
      `  replicas: 200`,
      `  template:`,
      `    spec:`,
      `      containers:`,
      `        - name: web`,
      `          ports:`,
      `            - containerPort: 503`,
      `          readinessProbe:`,
      `            httpGet: { path: /healthz, port: 8080 }`,
      `---`,
      `apiVersion: v1`,
      `kind: Pod`,
      `status:`,
      `  phase: Running`,
      `  status: 200`,
    ]);
    assert.deepEqual(sitesIn(text, 'yaml'), []);
  });

  test('numbers that are not statuses', () => {
    assert.deepEqual(sitesIn(yaml([`replicas: 200`, `containerPort: 503`, `timeout: 404`]), 'yaml'), []);
  });

  test('status: 200 with no method anywhere near', () => {
    assert.deepEqual(sitesIn(yaml([`name: health`, `status: 200`, `check:`, `  url: /healthz`, `  status: 200`]), 'yaml'), []);
  });

  test('a method two levels away is not near', () => {
    const text = yaml([`job:`, `  method: POST`, `  config:`, `    retry:`, `      status: 201`]);
    assert.deepEqual(sitesIn(text, 'yaml'), []);
  });

  test('status-like numbers that are not written as three digits', () => {
    const text = yaml([
      `- { method: POST, status: 0x1F4 }`,
      `- { method: POST, status: 0o764 }`,
      `- { method: POST, status: 2.01e2 }`,
      `- { method: POST, status: 201.0 }`,
      `- { method: POST, status: 42 }`,
      `- { method: POST, status: 2010 }`,
      `- { method: POST, status: '201 Created' }`,
      `- { method: FETCH, status: 201 }`,
    ]);
    assert.deepEqual(sitesIn(text, 'yaml'), []);
  });

  test('an OpenAPI responses key written in hex is not a status', () => {
    const text = yaml([`openapi: 3.0.0`, `paths:`, `  /x:`, `    post:`, `      responses:`, `        0x1F4: {}`]);
    assert.deepEqual(sitesIn(text, 'yaml'), []);
  });
});

describe('multi-document YAML', () => {
  test('each document is read on its own', () => {
    const text = yaml([
      `openapi: 3.1.0`,
      `paths:`,
      `  /a:`,
      `    post:`,
      `      responses:`,
      `        '201': {description: x}`,
      `---`,
      `swagger: "2.0"`,
      `paths:`,
      `  /b:`,
      `    delete:`,
      `      responses:`,
      `        '204': {description: y}`,
      `---`,
      `paths:`,
      `  /c:`,
      `    get:`,
      `      responses:`,
      `        '200': {description: not openapi}`,
      `---`,
      `- method: PUT`,
      `  status: 200`,
    ]);
    assert.deepEqual(sitesIn(text, 'yaml'), [`201@'201' POST/openapi spec`, `204@'204' DELETE/openapi spec`, `200@200 PUT/mapping expectation`]);
  });
});

describe('test mappings with a method', () => {
  test('method beside status / statusCode / status_code / expected_status', () => {
    const text = yaml([
      `- name: create`,
      `  method: POST`,
      `  status: 201`,
      `- method: delete`,
      `  statusCode: 204`,
      `- method: GET`,
      `  status_code: 200`,
      `- method: PUT`,
      `  expected_status: '200'`,
      `- { method: patch, expectedStatus: 200 }`,
    ]);
    assert.deepEqual(sitesIn(text, 'yaml'), [
      `201@201 POST/mapping expectation`,
      `204@204 DELETE/mapping expectation`,
      `200@200 GET/mapping expectation`,
      `200@'200' PUT/mapping expectation`,
      `200@200 PATCH/mapping expectation`,
    ]);
  });

  test('form, idiom and method offset of a mapping site', () => {
    const text = yaml([`- method: POST`, `  status_code: "201"`]);
    const [site] = findSites(text, 'yaml');
    assert.deepEqual(site.form, { kind: 'yaml', quote: '"' });
    assert.deepEqual(site.idiom, { id: 'yaml.status-key', detail: 'status_code' });
    assert.equal(idiomLabel(site.idiom), 'status_code:');
    assert.deepEqual(site.method, { name: 'POST', source: 'mapping', at: text.indexOf('POST') });
    assert.equal(text.slice(site.start, site.end), '"201"');
  });

  test('Tavern stages: request.method beside response.status_code, a list of statuses', () => {
    const text = yaml([
      `test_name: orders`,
      `stages:`,
      `  - name: create`,
      `    request:`,
      `      url: http://localhost:3000/orders`,
      `      method: POST`,
      `      json: { items: [book] }`,
      `    response:`,
      `      status_code: 201`,
      `  - name: cancel`,
      `    request:`,
      `      url: http://localhost:3000/orders/1`,
      `      method: DELETE`,
      `    response:`,
      `      status_code: [200, 204]`,
      `  - name: read`,
      `    request:`,
      `      url: http://localhost:3000/orders/1`,
      `    response:`,
      `      status_code: 404`,
    ]);
    // The third stage names no method (Tavern defaults to GET, but the file does not say so): no site,
    // and the methods of the other stages do not leak into it.
    assert.deepEqual(sitesIn(text, 'yaml'), [`201@201 POST/mapping expectation`, `200@200 DELETE/mapping expectation`, `204@204 DELETE/mapping expectation`]);
  });

  test('a status key list in a block sequence', () => {
    const text = yaml([`method: POST`, `status_code:`, `  - 200`, `  - '201'`, `  - 42`]);
    assert.deepEqual(sitesIn(text, 'yaml'), [`200@200 POST/mapping expectation`, `201@'201' POST/mapping expectation`]);
  });
});

describe('broken YAML never throws and yields what parsed', () => {
  test('an unclosed quote swallows what follows but keeps what came before', () => {
    const text = yaml([
      `openapi: 3.0.0`,
      `paths:`,
      `  /a:`,
      `    post:`,
      `      responses:`,
      `        '201':`,
      `          description: "unclosed`,
      `  /b:`,
      `    delete:`,
      `      responses:`,
      `        '204': {}`,
    ]);
    assert.deepEqual(sitesIn(text, 'yaml'), [`201@'201' POST/openapi spec`]);
  });

  test('bad indentation', () => {
    const text = yaml([
      `openapi: 3.0.0`,
      `paths:`,
      `  /a:`,
      `    post:`,
      `      responses:`,
      `        '201':`,
      `          description: ok`,
      `   bad: indentation`,
      `        '400': {}`,
    ]);
    assert.deepEqual(sitesIn(text, 'yaml'), [`201@'201' POST/openapi spec`]);
  });

  test('a broken test mapping after a good one', () => {
    const text = yaml([`- method: POST`, `  status: 201`, `- method: GET`, `    status: 200`, `  x: [unclosed`]);
    assert.deepEqual(sitesIn(text, 'yaml'), [`201@201 POST/mapping expectation`]);
  });

  test('odd documents', () => {
    const texts = [
      ``,
      `\n\n`,
      `# only a comment\n`,
      `---\n---\n`,
      `hello`,
      `- 201\n- 204\n`,
      `openapi:\npaths:\n`,
      `openapi: 3.0.0\npaths: [1, 2]\n`,
      `openapi: 3.0.0\npaths:\n  /x: null\n  /y:\n    post: null\n    get:\n      responses: [201]\n`,
      `? [complex, key]\n: { method: POST, status: 201 }\n`,
      `{ method: POST, status: `,
      `key: value\n  - broken: [\n}}}: '\n`,
      `&a { method: POST }\n---\n*b\n`,
      `\t- tab: indented\n`,
    ];
    // Nothing caught: an adapter that threw would leave its failure here (and no sites). Only the complex-key mapping
    // holds a status beside a method.
    for (const text of texts) {
      const facts = analyzeDocument(text, 'yaml');
      assert.equal(facts.failure, undefined, JSON.stringify(text));
      assert.equal(facts.recovered, undefined, JSON.stringify(text));
      assert.deepEqual(
        facts.sites.map((site) => describeSite(text, site)),
        text.startsWith('? [complex') ? ['201@201 POST/mapping expectation'] : [],
        JSON.stringify(text),
      );
    }
    // A spec broken below a finished operation: the finished part is read.
    const broken = `openapi: 3.0.0\npaths:\n  /x:\n    post:\n      responses:\n        '200': { description: ok }\n  /y: { get: [\n`;
    const facts = analyzeDocument(broken, 'yaml');
    assert.equal(facts.failure, undefined);
    assert.deepEqual(
      facts.sites.map((site) => describeSite(broken, site)),
      ["200@'200' POST/openapi spec"],
    );
  });
});

test('Step CI: a check mapping takes the method of the http mapping around it', () => {
  const text = `steps:
  - name: create
    http:
      url: /orders
      method: POST
      check:
        status: 201
`;
  assert.deepEqual(sitesIn(text, 'yaml'), ['201@201 POST/mapping expectation']);
});

test('pathologically deep YAML is refused before the parser can abort the process', () => {
  // Without the guard, the yaml parser takes V8 down with an uncatchable out-of-memory at these depths.
  for (const text of ['['.repeat(5000), '{a: '.repeat(5000), '- '.repeat(5000), 'method: POST\nstatus: 201\nx: ' + '['.repeat(3000)]) {
    assert.deepEqual(findSites(text, 'yaml'), []);
  }
  // Ordinary nesting is still read.
  const nested =
    'a:\n' +
    Array.from({ length: 50 }, (_, i) => ' '.repeat(2 * i + 2) + `k${i}:`).join('\n') +
    '\n' +
    ' '.repeat(102) +
    'method: GET\n' +
    ' '.repeat(102) +
    'status: 200\n';
  assert.deepEqual(sitesIn(nested, 'yaml'), ['200@200 GET/mapping expectation']);
});
