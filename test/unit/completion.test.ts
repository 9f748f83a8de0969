/**
 * Completion of documented codes where a status goes: which positions are status slots (the cursor is marked `|`),
 * and the order codes are offered in (the documented success code of the method first).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  completionOrder,
  DEFAULT_TABLE,
  loadTable,
  reasonOf,
  SourceDocument,
  statusSlotAt,
  type DocumentLanguage,
  type StatusSlot,
  type StatusTable,
} from '../../server/src/core';
import { STATUS_KEYS } from '../../server/src/core/sites/yaml';

function slotAt(marked: string, language: DocumentLanguage = 'typescript'): StatusSlot | undefined {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the cursor is marked with |');
  return statusSlotAt(new SourceDocument(marked.slice(0, offset) + marked.slice(offset + 1), language), offset);
}

/** The codes offered at the cursor, in order; undefined where nothing is offered. */
function offered(marked: string, language: DocumentLanguage = 'typescript', table: StatusTable = DEFAULT_TABLE): number[] | undefined {
  const slot = slotAt(marked, language);
  return slot && completionOrder(table, slot.site).map((entry) => entry.code);
}

const DOCUMENTED = [...DEFAULT_TABLE.entries.keys()].sort((a, b) => a - b);
const first = (marked: string, language: DocumentLanguage = 'typescript') => offered(marked, language)?.[0];

const OPENAPI = (operation: string, responses: string) => `openapi: 3.0.3
info:
  title: Orders
  version: '1.0'
paths:
  /orders:
    ${operation}:
      summary: x
      responses:
${responses}`;

describe('completion order', () => {
  test('POST -> 201 first, then the rest ascending', () => {
    assert.deepEqual(offered(`app.post('/orders', (req, res) => {\n  res.status(|);\n});\n`), [201, ...DOCUMENTED.filter((code) => code !== 201)]);
  });

  test('DELETE -> 204 first; GET and PUT -> 200 first', () => {
    assert.equal(first(`app.delete('/orders/:id', (req, res) => {\n  res.status(|).end();\n});\n`), 204);
    assert.equal(first(`app.get('/orders', (req, res) => {\n  res.status(|).json([]);\n});\n`), 200);
    assert.equal(first(`router.put('/orders/:id', (req, res) => res.status(|));\n`), 200);
  });

  test('several methods at once: their code first where the table agrees, ascending where it does not', () => {
    assert.equal(first(`app.on(['GET', 'PUT'], '/orders/:id', (c) => c.json(x, |));\n`), 200);
    assert.deepEqual(offered(`app.on(['DELETE', 'PUT'], '/orders/:id', (c) => c.json(x, |));\n`), DOCUMENTED);
  });

  test('a method the table does not name, or no method at all -> ascending', () => {
    assert.deepEqual(offered(`app.patch('/orders/:id', (req, res) => res.status(|));\n`), DOCUMENTED);
    assert.deepEqual(offered(`export function fail(res: Response) {\n  res.status(|).end();\n}\n`), DOCUMENTED);
  });

  test('undocumented codes are never offered; a team table that documents 429 offers it', () => {
    const codes = offered(`app.post('/orders', (req, res) => res.status(|));\n`)!;
    for (const undocumented of [202, 418, 422, 429]) assert.ok(!codes.includes(undocumented), String(undocumented));
    assert.equal(codes.length, DEFAULT_TABLE.entries.size);
    const team = loadTable(
      '/t/status.md',
      '| Code | Reason | Meaning |\n|---|---|---|\n| 201 | Created | POST操作正常返回。 |\n| 429 | Too Many Requests | 请求过于频繁。 |\n',
    );
    assert.ok(team.ok);
    assert.deepEqual(offered(`app.post('/orders', (req, res) => res.status(|));\n`, 'typescript', team.table), [201, 429]);
  });

  test('the team table decides the first code: PATCH -> 201 where the doc says so', () => {
    const team = loadTable(
      '/t/status.md',
      '| Code | Reason | Meaning |\n|---|---|---|\n| 200 | OK | GET操作正常返回。 |\n| 201 | Created | POST和PATCH操作正常返回。 |\n',
    );
    assert.ok(team.ok);
    assert.deepEqual(offered(`app.patch('/orders/:id', (req, res) => res.status(|));\n`, 'typescript', team.table), [201, 200]);
  });

  test('reasonOf: the documented reason, else the standard one', () => {
    assert.equal(reasonOf(DEFAULT_TABLE, 503), 'Service Unavailable');
    assert.equal(reasonOf(DEFAULT_TABLE, 429), 'Too Many Requests');
  });
});

describe('where a status goes: TypeScript', () => {
  test('res.status( in an Express handler, with the digits typed so far replaced', () => {
    const slot = slotAt(`app.post('/orders', (req, res) => res.status(2|).json(order));\n`)!;
    assert.ok(slot);
    assert.equal(slot.site.method?.name, 'POST');
    assert.equal(slot.end - slot.start, 1, 'the typed 2 is replaced');
    const middle = slotAt(`app.post('/orders', (req, res) => res.status(2|0).json(order));\n`)!;
    assert.equal(middle.end - middle.start, 2, 'digits after the cursor are replaced too');
  });

  test('reply.code( in a Fastify route', () => {
    assert.equal(first(`fastify.post('/orders', async (request, reply) => {\n  reply.code(|);\n  return order;\n});\n`), 201);
  });

  test('.expect( after a supertest request', () => {
    assert.equal(first(`await request(app).delete('/orders/1').expect(|);\n`), 204);
    assert.equal(first(`await request(app)\n  .post('/orders')\n  .send({ sku: 'a' })\n  .expect(|);\n`), 201);
  });

  test('@HttpCode( inside a decorated NestJS method', () => {
    const text = `import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
  @Post()
  create() {}

  @Delete(':id')
  @HttpCode(|)
  remove(@Param('id') id: string) {}
}
`;
    assert.equal(first(text), 204);
    assert.equal(first(text.replace("@Delete(':id')\n  @HttpCode(|)", "@HttpCode(|)\n  @Delete(':id')")), 204, 'above the route decorator too');
  });

  test('a `status:` property', () => {
    assert.equal(first(`export async function POST(request: Request) {\n  return Response.json({ id: 1 }, { status: | });\n}\n`), 201);
    assert.deepEqual(offered(`return { statusCode: |, body: JSON.stringify(result) };\n`), DOCUMENTED);
    assert.deepEqual(offered(`const route = { status: | };\n`), DOCUMENTED);
  });

  test('comparisons and switch cases of a response status', () => {
    assert.ok(slotAt(`if (res.status === |) retry();\n`));
    assert.ok(slotAt(`switch (res.status) {\n  case |:\n    break;\n}\n`));
  });

  test('NOT after setTimeout(f, , in arrays, in other calls or properties', () => {
    assert.equal(slotAt(`setTimeout(f, |);\n`), undefined);
    assert.equal(slotAt(`setTimeout(f, 2|);\n`), undefined);
    assert.equal(slotAt(`const config = { replicas: | };\n`), undefined);
    assert.equal(slotAt(`const config = { timeout: |, retries: 3 };\n`), undefined);
    assert.equal(slotAt(`const retryable = [502, |];\n`), undefined);
    assert.equal(slotAt(`res.json(|);\n`), undefined);
    assert.equal(slotAt(`const limit = |;\n`), undefined);
  });

  test('NOT inside strings or comments that merely look like a status slot', () => {
    assert.equal(slotAt(`const s = 'res.status(|';\n`), undefined);
    assert.equal(slotAt(`// res.status(|\n`), undefined);
  });

  test('TSX and JavaScript files', () => {
    assert.equal(first(`export async function POST() {\n  return NextResponse.json(<div />, { status: | });\n}\n`, 'tsx'), 201);
    assert.equal(first(`router.delete('/x', function (req, res) {\n  res.sendStatus(|);\n});\n`, 'javascript'), 204);
  });
});

describe('where a status goes: YAML', () => {
  test('an OpenAPI responses key, quoted', () => {
    assert.equal(first(OPENAPI('post', `        '|':\n          description: Created\n`), 'yaml'), 201);
    assert.equal(first(OPENAPI('delete', `        "|\n`), 'yaml'), 204);
  });

  test('an OpenAPI responses key, bare, on a new line or after the others', () => {
    assert.equal(first(OPENAPI('post', `        |\n`), 'yaml'), 201);
    assert.equal(first(OPENAPI('post', `        2|\n`), 'yaml'), 201);
    assert.equal(first(OPENAPI('delete', `        '404':\n          description: Not found\n        |\n`), 'yaml'), 204);
  });

  test('a YAML `status:` beside `method:`', () => {
    assert.equal(first(`stages:\n  - name: create\n    method: POST\n    url: /orders\n    status: |\n`, 'yaml'), 201);
    assert.equal(first(`- name: cancel\n  request:\n    method: DELETE\n    url: /orders/1\n  response:\n    status_code: |\n`, 'yaml'), 204);
  });

  test('every status key the YAML adapter reads completes, expectStatus among them', () => {
    assert.equal(first(`- name: create\n  method: POST\n  url: /orders\n  expectStatus: |\n`, 'yaml'), 201);
    for (const key of STATUS_KEYS) {
      assert.equal(first(`- name: cancel\n  method: DELETE\n  url: /orders/1\n  ${key}: |\n`, 'yaml'), 204, key);
    }
  });

  test('NOT after `replicas: `, `containerPort: `, or a key outside responses', () => {
    assert.equal(slotAt(`apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: |\n`, 'yaml'), undefined);
    assert.equal(slotAt(`ports:\n  - containerPort: |\n`, 'yaml'), undefined);
    assert.equal(slotAt(OPENAPI('post', `        '201':\n          description: x\n`).replace('      summary: x\n', '      |\n'), 'yaml'), undefined);
    assert.equal(slotAt(`config:\n  |\n`, 'yaml'), undefined);
  });
});
