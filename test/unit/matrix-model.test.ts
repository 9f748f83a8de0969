/**
 * The endpoint status matrix's model (core/matrix/model.ts) from plain inputs: rows merged across spellings of a
 * path, columns in code order, the table's word on each code, and each kind of drift — present where it must be,
 * absent where it must not.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildMatrix,
  type EndpointInput,
  type MatrixInputs,
  type MatrixModel,
  type OperationInput,
  type RequestInput,
  type StatusTable,
} from '../../server/src/core';

const TABLE: Pick<StatusTable, 'entries' | 'successCodeByMethod'> = {
  entries: new Map(
    [200, 201, 204, 400, 404, 409, 500].map((code) => [
      code,
      { code, reason: '', kind: code < 300 ? 'success' : 'error', meanings: { en: '' }, documentedLang: 'en', methods: [] },
    ]),
  ),
  successCodeByMethod: new Map([
    ['GET', 200],
    ['POST', 201],
    ['DELETE', 204],
  ]),
};

let line = 0;
/** A place on a new line of `file`, so every place is distinct. */
const at = (file: string) => ({ file, line: ++line, column: 3 });
const codes = (file: string, ...list: string[]) => list.map((code) => ({ code, place: at(file) }));

function endpoint(method: string, path: string, answers: string[], answersKnown = false): EndpointInput {
  return { method, path, route: at('src/routes.ts'), answers: codes('src/handlers.ts', ...answers), answersKnown };
}
function operation(method: string, path: string, responses: string[]): OperationInput {
  return { method, path, place: at('openapi.yaml'), responses: codes('openapi.yaml', ...responses) };
}
function request(kind: 'tests' | 'mocks', method: string, path: string, expected: string[]): RequestInput {
  return { kind, method, path, codes: codes(`test/${kind}.ts`, ...expected) };
}
function matrix(inputs: Partial<MatrixInputs>): MatrixModel {
  return buildMatrix({ endpoints: [], operations: [], requests: [], ...inputs }, TABLE);
}
function rowOf(model: MatrixModel, name: string) {
  const row = model.rows.find((r) => `${r.method} ${r.path}` === name);
  assert.ok(row, `no row ${name} in ${model.rows.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return row;
}
function cellOf(model: MatrixModel, name: string, code: string) {
  const cell = rowOf(model, name).cells.find((c) => c.code === code);
  assert.ok(cell, `no ${code} on ${name}`);
  return cell;
}

describe('rows and columns', () => {
  test('columns: numeric codes ascending, then ranges, then default; a code the table does not document is marked', () => {
    const model = matrix({ endpoints: [endpoint('GET', '/a', ['404', '200', '429'])], operations: [operation('GET', '/a', ['default', '5XX', '200', '4xx'])] });
    assert.deepEqual(
      model.columns.map((c) => c.code),
      ['200', '404', '429', '4XX', '5XX', 'default'],
    );
    assert.deepEqual(
      model.columns.filter((c) => c.undocumented).map((c) => c.code),
      ['429'],
    );
    assert.equal(cellOf(model, 'GET /a', '429').undocumented, true);
    assert.equal(cellOf(model, 'GET /a', '200').undocumented, false);
  });

  test('a route and an operation with differently named parameters are one row, with both places', () => {
    const model = matrix({ endpoints: [endpoint('get', '/orders/:id', ['200'])], operations: [operation('GET', '/orders/{orderId}/', ['200'])] });
    assert.equal(model.rows.length, 1);
    const row = rowOf(model, 'GET /orders/{id}');
    assert.equal(row.routes.length, 1);
    assert.equal(row.operations.length, 1);
    const cell = cellOf(model, 'GET /orders/{id}', '200');
    assert.equal(cell.spec[0].file, 'openapi.yaml');
    assert.equal(cell.handler[0].file, 'src/handlers.ts');
  });

  test('rows by path, then methods in their usual order', () => {
    const model = matrix({ endpoints: [endpoint('DELETE', '/b', []), endpoint('POST', '/b', []), endpoint('GET', '/b', []), endpoint('GET', '/a', [])] });
    assert.deepEqual(
      model.rows.map((r) => `${r.method} ${r.path}`),
      ['GET /a', 'GET /b', 'POST /b', 'DELETE /b'],
    );
  });

  test('the same place given twice is listed once', () => {
    const place = at('src/h.ts');
    const model = matrix({
      endpoints: [
        { method: 'GET', path: '/a', route: place, answers: [{ code: '200', place }], answersKnown: false },
        { method: 'GET', path: '/a', route: place, answers: [{ code: '200', place }], answersKnown: false },
      ],
    });
    assert.equal(cellOf(model, 'GET /a', '200').handler.length, 1);
  });

  test("the documented success code is the table's for the row's method, and its cell says so", () => {
    const model = matrix({ endpoints: [endpoint('POST', '/a', ['200', '201']), endpoint('PATCH', '/a', ['200'])] });
    assert.equal(rowOf(model, 'POST /a').documentedSuccess, 201);
    assert.equal(cellOf(model, 'POST /a', '201').documentedSuccess, true);
    assert.equal(cellOf(model, 'POST /a', '200').documentedSuccess, false);
    assert.equal(rowOf(model, 'PATCH /a').documentedSuccess, null, 'the table names no success code for PATCH');
  });

  test('what is not a status key (a typo, an x- key) makes no column', () => {
    const model = matrix({ operations: [operation('GET', '/a', ['200', 'x-note', '2000', '600'])] });
    assert.deepEqual(
      model.columns.map((c) => c.code),
      ['200'],
    );
  });
});

describe('drift', () => {
  test('the handler answers a code the spec does not list: marked on that cell only', () => {
    const model = matrix({ endpoints: [endpoint('POST', '/a', ['201', '409'])], operations: [operation('POST', '/a', ['201'])] });
    assert.deepEqual(cellOf(model, 'POST /a', '409').drift, ['handler-not-in-spec']);
    assert.deepEqual(cellOf(model, 'POST /a', '201').drift, []);
  });

  test('a range or default in the spec covers the handler codes of its class', () => {
    const model = matrix({
      endpoints: [endpoint('POST', '/a', ['409', '503']), endpoint('GET', '/b', ['404', '503'])],
      operations: [operation('POST', '/a', ['4XX', '5XX']), operation('GET', '/b', ['default'])],
    });
    for (const [row, code] of [
      ['POST /a', '409'],
      ['POST /a', '503'],
      ['GET /b', '404'],
      ['GET /b', '503'],
    ]) {
      assert.deepEqual(cellOf(model, row, code).drift, [], `${row} ${code}`);
    }
  });

  test('the spec lists a code the handler never answers: marked only when all the handler answers is known', () => {
    const known = matrix({ endpoints: [endpoint('GET', '/a', ['200'], true)], operations: [operation('GET', '/a', ['200', '404'])] });
    assert.deepEqual(cellOf(known, 'GET /a', '404').drift, ['spec-not-in-handler']);
    const unknown = matrix({ endpoints: [endpoint('GET', '/a', ['200'], false)], operations: [operation('GET', '/a', ['200', '404'])] });
    assert.deepEqual(cellOf(unknown, 'GET /a', '404').drift, [], 'unknown is not judged');
  });

  test('two routes of one endpoint: known only when both are', () => {
    const model = matrix({
      endpoints: [endpoint('GET', '/a', ['200'], true), endpoint('GET', '/a', [], false)],
      operations: [operation('GET', '/a', ['200', '404'])],
    });
    assert.deepEqual(cellOf(model, 'GET /a', '404').drift, []);
  });

  test('an operation no route serves, and a route no operation describes (only once there is a spec)', () => {
    const model = matrix({ endpoints: [endpoint('GET', '/code-only', ['200'])], operations: [operation('POST', '/spec-only', ['201'])] });
    assert.deepEqual(rowOf(model, 'POST /spec-only').drift, ['operation-without-route']);
    assert.deepEqual(rowOf(model, 'GET /code-only').drift, ['route-not-in-spec']);
    assert.deepEqual(cellOf(model, 'POST /spec-only', '201').drift, [], 'no handler: nothing to say per code');
    const noSpec = matrix({ endpoints: [endpoint('GET', '/code-only', ['200'])] });
    assert.equal(noSpec.hasSpec, false);
    assert.deepEqual(rowOf(noSpec, 'GET /code-only').drift, []);
  });

  test('a route no spec describes (another service, code outside the apis folders) is no drift', () => {
    const outside = { ...endpoint('GET', '/admin', ['200']), specCompared: false };
    const inside = { ...endpoint('GET', '/users', ['200']), specCompared: true };
    const model = matrix({ endpoints: [outside, inside], operations: [operation('POST', '/users', ['201'])] });
    assert.deepEqual(rowOf(model, 'GET /admin').drift, []);
    assert.deepEqual(rowOf(model, 'GET /users').drift, ['route-not-in-spec']);
  });
});

describe('tests and mocks', () => {
  test('a request lands on the row whose template it matches, query string dropped; mocks in their own column', () => {
    const model = matrix({
      endpoints: [endpoint('GET', '/orders/{id}', ['200'], true), endpoint('GET', '/orders/summary', ['200'])],
      requests: [request('tests', 'get', '/orders/42?expand=items', ['200', '404']), request('mocks', 'GET', '/orders/7', ['200'])],
    });
    assert.equal(cellOf(model, 'GET /orders/{id}', '200').tests.length, 1);
    assert.equal(cellOf(model, 'GET /orders/{id}', '200').mocks.length, 1);
    assert.deepEqual(cellOf(model, 'GET /orders/{id}', '404').drift, ['tests-not-answered']);
    assert.equal(cellOf(model, 'GET /orders/summary', '200').tests.length, 0, 'a literal segment is not a parameter');
  });

  test("a request's unknown part (`{}`, as the request reader writes a template part) matches a parameter", () => {
    const model = matrix({ endpoints: [endpoint('GET', '/orders/:id', ['200'])], requests: [request('tests', 'GET', '/orders/{}', ['200'])] });
    assert.equal(model.rows.length, 1);
    assert.equal(cellOf(model, 'GET /orders/{id}', '200').tests.length, 1);
  });

  test('expected but not answered is judged only when the handler is known', () => {
    const model = matrix({ endpoints: [endpoint('GET', '/a', ['200'])], requests: [request('tests', 'GET', '/a', ['404'])] });
    assert.deepEqual(cellOf(model, 'GET /a', '404').drift, []);
  });

  test('a request no route serves shows on a row of its own, without drift', () => {
    const model = matrix({ requests: [request('tests', 'DELETE', '/gone?x=1', ['204'])] });
    const row = rowOf(model, 'DELETE /gone');
    assert.deepEqual(row.drift, []);
    assert.equal(cellOf(model, 'DELETE /gone', '204').tests.length, 1);
  });
});
