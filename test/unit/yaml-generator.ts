/**
 * Seeded generators of realistic YAML for the fast-finder equivalence tests and the bench: OpenAPI 3.0/3.1 (paths,
 * webhooks, callbacks, components.pathItems and components.callbacks, path items by `$ref`, method/status pairs in
 * examples and x- extensions) and Swagger 2 specs, Tavern and Step CI test files. Each draws its style from the seed:
 * quoted and unquoted keys, flow maps, comments after keys, block scalars holding spec-like text, multi-line plain
 * scalars, anchors and aliases on values, `<<` keys, blank lines, and CRLF line ends.
 */

/** mulberry32: a small, fast, seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Style {
  crlf?: boolean;
}

class Writer {
  readonly lines: string[] = [];
  constructor(readonly random: () => number) {}
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  line(indent: number, text: string): void {
    this.lines.push(' '.repeat(indent) + text);
  }
  /** A key in one of the ways specs write it. */
  key(name: string): string {
    return this.pick([name, name, name, `'${name}'`, `"${name}"`]);
  }
  comment(): string {
    return this.chance(0.1) ? `  # ${this.pick(['note', 'TODO: check 200', 'see #42', "'200': not a key"])}` : '';
  }
  blank(): void {
    if (this.chance(0.05)) this.lines.push(this.pick(['', '  ', '# section', '    # indented comment']));
  }
  text(style: Style): string {
    return this.lines.join(style.crlf ? '\r\n' : '\n') + (style.crlf ? '\r\n' : '\n');
  }
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head'];
const CODES = ['200', '201', '204', '400', '401', '404', '409', '418', '429', '500', '503', '2XX', 'default', '0x1F4', '999'];

function codeKey(w: Writer): string {
  const code = w.pick(CODES);
  return /^\d{3}$/.test(code) ? w.pick([code, `'${code}'`, `"${code}"`]) : code;
}

function description(w: Writer, indent: number): void {
  switch (Math.floor(w.random() * 5)) {
    case 0:
      w.line(indent, `description: ${w.pick(['OK', 'The order.', 'Created; see Location', 'a#b is not a comment'])}${w.comment()}`);
      return;
    case 1:
      w.line(indent, `description: ${w.pick(['|', '>', '|-', '>+'])}`);
      w.line(indent + 2, "Answers '200': on success and responses: below.");
      if (w.chance(0.5)) w.lines.push('');
      w.line(indent + 2, w.pick(['status: 201', 'method: POST', '  - item: [closed]', '"quoted \\" text']));
      return;
    case 2:
      w.line(indent, 'description: a long plain text');
      w.line(indent + 2, 'that goes on to a second line');
      return;
    case 3:
      w.line(indent, `description: ${w.pick(["'it''s here'", '"tab\tinside"', '"with \\n escape"', "''"])}`);
      return;
    default:
      w.line(indent, `summary: ${w.pick(['~', 'null', "''", "'x: y'", '"x: y"'])}`);
  }
}

function responses(w: Writer, indent: number, count: number): void {
  w.line(indent, `${w.key('responses')}:${w.comment()}`);
  for (let i = 0; i < count; i++) {
    const key = codeKey(w);
    w.blank();
    switch (Math.floor(w.random() * 4)) {
      case 0:
        w.line(indent + 2, `${key}: { description: ${w.pick(['OK', "'Created'", '"x, y"'])} }${w.comment()}`);
        break;
      case 1:
        w.line(indent + 2, `${key}:${w.comment()}`);
        w.line(indent + 4, "$ref: '#/components/responses/Problem'");
        break;
      case 2:
        w.line(indent + 2, `${key}: *commonResponse`);
        break;
      default:
        w.line(indent + 2, `${key}:`);
        description(w, indent + 4);
        w.line(indent + 4, 'content:');
        w.line(indent + 6, 'application/json:');
        w.line(indent + 8, `schema: { $ref: '#/components/schemas/Item', maxItems: ${w.pick(['200', '404'])} }`);
        // Example data with a method and a status side by side: data in a spec, a test elsewhere.
        w.line(indent + 8, 'example:');
        w.line(indent + 10, 'method: POST');
        w.line(indent + 10, `status: ${key}`);
    }
  }
}

function operation(w: Writer, indent: number, method: string, callbackDepth: number): void {
  w.line(indent, `${w.key(method)}:${w.comment()}`);
  w.line(indent + 2, `operationId: op${Math.floor(w.random() * 1e6)}`);
  if (w.chance(0.3)) w.line(indent + 2, `tags: [${w.pick(['orders', 'a, b', "'x'"])}]`);
  if (w.chance(0.3)) description(w, indent + 2);
  if (w.chance(0.2)) {
    w.line(indent + 2, 'parameters:');
    w.line(indent + 4, '- name: limit');
    w.line(indent + 6, 'in: query');
    w.line(indent + 6, 'schema: { type: integer, maximum: 200 }');
    w.line(indent + 4, "- { $ref: '#/components/parameters/Id' }");
  }
  responses(w, indent + 2, 1 + Math.floor(w.random() * 4));
  if (callbackDepth < 4 && w.chance(0.15)) {
    w.line(indent + 2, 'callbacks:');
    w.line(indent + 4, 'onEvent:');
    w.line(indent + 6, `'{$request.body#/callbackUrl}':`);
    operation(w, indent + 8, w.pick(METHODS), callbackDepth + 1);
  }
}

/** An OpenAPI 3.0/3.1 or Swagger 2 spec with about `operations` operations. */
export function generateSpec(seed: number, operations: number, style: Style = {}): string {
  const w = new Writer(seededRandom(seed));
  const version = w.pick(['openapi: 3.0.3', 'openapi: 3.1.0', "swagger: '2.0'", 'openapi: "3.1.0"']);
  w.line(0, `# generated spec ${seed}`);
  w.line(0, version);
  w.line(0, 'info:');
  w.line(2, 'title: Generated');
  w.line(2, 'description: |');
  w.line(4, 'paths:');
  w.line(6, "'200': not a site, this is text");
  w.line(2, "version: '1'");
  w.line(0, 'x-common: &commonResponse');
  w.line(2, 'description: shared');
  w.line(0, 'paths:');
  let made = 0;
  for (let p = 0; made < operations; p++) {
    w.blank();
    w.line(2, `${w.pick([`/items/${p}`, `'/items/${p}/{id}'`, `"/orders/${p}"`])}:${w.comment()}`);
    if (w.chance(0.2)) w.line(4, 'summary: a path');
    if (w.chance(0.1)) w.line(4, '<<: *commonResponse');
    const count = 1 + Math.floor(w.random() * 3);
    for (let m = 0; m < count && made < operations; m++, made++) operation(w, 4, METHODS[(p + m) % METHODS.length], 0);
  }
  // Path items written once in components and reached from here (OpenAPI 3.1).
  w.line(2, '/shared:');
  w.line(4, "$ref: '#/components/pathItems/Shared'");
  if (version.startsWith('openapi') && w.chance(0.7)) {
    w.line(0, 'webhooks:');
    w.line(2, 'newItem:');
    operation(w, 4, 'post', 0);
  }
  w.line(0, 'components:');
  w.line(2, 'responses:');
  w.line(4, "'404': { description: not an operation's }");
  w.line(2, 'schemas:');
  w.line(4, 'Item: { type: object, properties: { status: { type: integer, example: 201 } } }');
  w.line(2, 'examples:');
  w.line(4, 'AuditLog:');
  w.line(6, 'value:');
  w.line(8, '- { method: DELETE, status: 200 }');
  w.line(8, '- method: PUT');
  w.line(10, `status: ${codeKey(w)}`);
  w.line(2, `${w.key('pathItems')}:`);
  w.line(4, 'Shared:');
  operation(w, 6, w.pick(METHODS), 0);
  if (w.chance(0.5)) operation(w, 6, 'delete', 0);
  w.line(2, `${w.key('callbacks')}:`);
  w.line(4, 'Event:');
  w.line(6, "'{$request.body#/url}':");
  operation(w, 8, w.pick(METHODS), 1);
  w.line(0, 'x-tests:');
  w.line(2, `- { method: ${w.pick(['GET', 'POST'])}, status: ${codeKey(w)} }`);
  return w.text(style);
}

/** Tavern stages (request.method beside response.status_code), several documents. */
export function generateTavern(seed: number, stages: number, style: Style = {}): string {
  const w = new Writer(seededRandom(seed));
  for (let s = 0; s < stages; s++) {
    if (s % 5 === 0) {
      if (s > 0) for (const marker of w.pick([['---'], ['--- # next test'], ['...', '---'], ['...', '# comment', 'test_name: bare']])) w.line(0, marker);
      w.line(0, `test_name: suite ${s}`);
      w.line(0, 'includes:');
      w.line(2, '- !include common.yaml');
      w.line(0, 'stages:');
    }
    w.line(2, `- name: stage ${s}`);
    const method = w.pick(['POST', 'get', "'DELETE'", '"PUT"', 'FETCH', 'patch']);
    const methodFirst = w.chance(0.7);
    const request = () => {
      w.line(4, 'request:');
      w.line(6, `url: "{api}/orders/${s}"`);
      if (w.chance(0.85)) w.line(6, `method: ${method}${w.comment()}`);
      if (w.chance(0.3)) w.line(6, 'json: { items: [book], status: 201 }');
    };
    const response = () => {
      w.line(4, 'response:');
      const key = w.pick(['status_code', 'status_code', 'status', 'expected_status']);
      switch (Math.floor(w.random() * 4)) {
        case 0:
          w.line(6, `${key}: ${codeKey(w)}${w.comment()}`);
          break;
        case 1:
          w.line(6, `${key}: [${codeKey(w)}, ${codeKey(w)}]`);
          break;
        case 2:
          w.line(6, `${key}:`);
          w.line(8, `- ${codeKey(w)}`);
          w.line(8, `- ${codeKey(w)}${w.comment()}`);
          break;
        default:
          w.line(6, `${key}: !anyint`);
      }
      if (w.chance(0.3)) w.line(6, 'json: { id: "{id}", status: 200 }');
    };
    if (methodFirst) {
      request();
      response();
    } else {
      response();
      request();
    }
  }
  return w.text(style);
}

/** Step CI workflows: http.method above http.check.status, and flow-style steps. */
export function generateStepCi(seed: number, steps: number, style: Style = {}): string {
  const w = new Writer(seededRandom(seed));
  w.line(0, 'version: "1.1"');
  w.line(0, 'tests:');
  w.line(2, 'orders:');
  w.line(4, 'steps:');
  for (let s = 0; s < steps; s++) {
    w.blank();
    if (w.chance(0.2)) {
      w.line(6, `- { method: ${w.pick(['POST', 'GET', 'DELETE'])}, status: ${codeKey(w)} }`);
      continue;
    }
    w.line(6, `- name: step ${s}`);
    w.line(8, 'http:');
    w.line(10, `url: \${{env.host}}/orders/${s}`);
    w.line(10, `method: ${w.pick(['POST', 'GET', 'PUT', 'DELETE'])}`);
    if (w.chance(0.3)) {
      w.line(10, 'body: |');
      w.line(12, '{ "status": 201,');
      w.line(12, '  "method": "GET" }');
    }
    w.line(10, 'check:');
    w.line(12, `status: ${codeKey(w)}`);
    if (w.chance(0.3)) w.line(12, 'jsonpath: { $.status: 200 }');
  }
  return w.text(style);
}
