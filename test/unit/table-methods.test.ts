/** Which HTTP method each documented success code answers: read from the meaning text, never hard-coded. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTable, type RowInput } from '../../server/src/core/table/build';
import { DEFAULT_TABLE } from '../../server/src/core/table/defaultTable';
import { loadTable } from '../../server/src/core/table/load';
import { HTTP_METHODS, methodsNamedIn, normalizeMethod } from '../../server/src/core/table/methods';
import { renderTableProblem } from '../../server/src/core/messages';
import type { TableProblem } from '../../server/src/core/table/problems';
import type { StatusTable } from '../../server/src/core/table/types';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function loadFixture(name: string): StatusTable {
  const file = path.join(FIXTURES, name);
  const result = loadTable(file, fs.readFileSync(file, 'utf8'));
  if (!result.ok) assert.fail(`${name}: ${renderTableProblem(result.problem, 'en')}`);
  return result.table;
}

function built(rows: Omit<RowInput, 'where'>[]): StatusTable {
  const result = buildTable(
    'test',
    rows.map((row, index) => ({ ...row, where: { kind: 'row', row: index + 1 }, line: index + 1 })),
  );
  if (!result.ok) assert.fail(renderTableProblem(result.problem, 'en'));
  return result.table;
}

function buildProblem(rows: Omit<RowInput, 'where'>[]): TableProblem & { message: string } {
  const result = buildTable(
    'test',
    rows.map((row, index) => ({ ...row, where: { kind: 'row', row: index + 1 }, line: index + 1 })),
  );
  if (result.ok) assert.fail('expected a problem');
  return { ...result.problem, message: renderTableProblem(result.problem, 'en') };
}

const methodMap = (table: StatusTable) => Object.fromEntries(table.successCodeByMethod);

describe('methodsNamedIn', () => {
  test('reads methods beside Chinese text', () => {
    assert.deepEqual(methodsNamedIn('GET和PUT操作正常返回。'), ['GET', 'PUT']);
    assert.deepEqual(methodsNamedIn('POST操作正常返回。'), ['POST']);
    assert.deepEqual(methodsNamedIn('DELETE操作正常返回。'), ['DELETE']);
    assert.deepEqual(methodsNamedIn('PATCH操作正常返回。'), ['PATCH']);
    assert.deepEqual(methodsNamedIn('使用HEAD或OPTIONS请求时返回。'), ['HEAD', 'OPTIONS']);
    assert.deepEqual(methodsNamedIn('GET、PUT和PATCH操作正常返回。'), ['GET', 'PUT', 'PATCH']);
  });

  test('reads methods in English prose', () => {
    assert.deepEqual(methodsNamedIn('Normal answer of a PATCH.'), ['PATCH']);
    assert.deepEqual(methodsNamedIn('Normal answer of GET and PUT.'), ['GET', 'PUT']);
    assert.deepEqual(methodsNamedIn('Answer to PUT/PATCH (partial or full update).'), ['PUT', 'PATCH']);
    assert.deepEqual(methodsNamedIn('"DELETE" returns this.'), ['DELETE']);
  });

  test('keeps the order of the text and drops repeats', () => {
    assert.deepEqual(methodsNamedIn('PUT, then GET, then PUT again.'), ['PUT', 'GET']);
  });

  test('lower-case verbs in prose are not methods', () => {
    assert.deepEqual(methodsNamedIn('get the list first, then put it back or post a new one.'), []);
    assert.deepEqual(methodsNamedIn('Get and Put are ordinary words here.'), []);
  });

  test('methods inside longer words are not methods', () => {
    assert.deepEqual(methodsNamedIn('FORGET the TARGET; GETS and POSTED are words.'), []);
    assert.deepEqual(methodsNamedIn('GET_ALL and PUT2 are identifiers.'), []);
  });

  test('text naming no method', () => {
    assert.deepEqual(methodsNamedIn('请求未完成，服务异常。'), []);
    assert.deepEqual(methodsNamedIn(''), []);
  });
});

describe('normalizeMethod', () => {
  test('any case of a known method', () => {
    assert.equal(normalizeMethod('post'), 'POST');
    assert.equal(normalizeMethod('Post'), 'POST');
    assert.equal(normalizeMethod('PATCH'), 'PATCH');
    for (const method of HTTP_METHODS) assert.equal(normalizeMethod(method.toLowerCase()), method);
  });

  test('anything else is not a method', () => {
    for (const name of ['', 'FETCH', 'GETS', ' get', 'get ', 'PUT,POST', 'get和put']) {
      assert.equal(normalizeMethod(name), undefined, JSON.stringify(name));
    }
  });
});

describe('the method map a table builds', () => {
  test('the organisation doc: GET/PUT -> 200, POST -> 201, DELETE -> 204; PATCH, HEAD, OPTIONS not judged', () => {
    const table = loadFixture('org-status-codes.md');
    assert.deepEqual(methodMap(table), { GET: 200, PUT: 200, POST: 201, DELETE: 204 });
    assert.deepEqual(methodMap(DEFAULT_TABLE), methodMap(table));
    for (const method of ['PATCH', 'HEAD', 'OPTIONS']) assert.equal(table.successCodeByMethod.get(method), undefined);
  });

  test('a team doc whose success row says "PATCH操作正常返回。" gets PATCH covered', () => {
    const table = loadFixture('tables/patch.md');
    assert.equal(table.successCodeByMethod.get('PATCH'), 202);
    assert.deepEqual(table.entries.get(202)?.methods, ['PATCH']);
    assert.equal(table.entries.get(202)?.kind, 'success');
  });

  test('a method named in an error row does not count', () => {
    const table = loadFixture('tables/patch.md');
    assert.equal(table.entries.get(405)?.meanings['zh-cn'], '本服务不支持DELETE操作。');
    assert.deepEqual(table.entries.get(405)?.methods, []);
    assert.equal(table.successCodeByMethod.has('DELETE'), false);
    assert.deepEqual(methodMap(table), { GET: 200, PUT: 200, POST: 201, PATCH: 202 });
  });

  test('an English doc: "Normal answer of a PATCH."; "get" in prose and GET/PUT in an error row do not count', () => {
    const table = loadFixture('tables/english.md');
    assert.deepEqual(methodMap(table), { GET: 200, POST: 201, PATCH: 202 });
    assert.deepEqual(table.entries.get(404)?.methods, []);
    assert.deepEqual(table.entries.get(409)?.methods, []);
  });

  test('only success rows are read, by kind rather than by class', () => {
    const table = built([
      { code: 200, meaning: 'GET操作正常返回。' },
      { code: 202, kind: 'error', meaning: 'PUT操作失败时返回。' },
      { code: 304, kind: 'success', meaning: 'HEAD操作正常返回。' },
      { code: 405, meaning: 'DELETE操作不被允许。' },
      { code: 302, meaning: 'POST之后跳转。' },
    ]);
    assert.deepEqual(methodMap(table), { GET: 200, HEAD: 304 });
  });

  test('a success row naming no method leaves every method unjudged by it', () => {
    const table = built([
      { code: 200, meaning: '操作正常返回。' },
      { code: 404, meaning: '找不到。' },
    ]);
    assert.equal(table.successCodeByMethod.size, 0);
  });

  test('explicit methods win over the meaning text, in any case', () => {
    const table = built([
      { code: 200, meaning: 'GET和PUT操作正常返回。', methods: ['get'] },
      { code: 201, meaning: 'Created.', methods: ['Post', 'put'] },
      { code: 204, meaning: 'DELETE操作正常返回。', methods: [] },
    ]);
    assert.deepEqual(methodMap(table), { GET: 200, POST: 201, PUT: 201 });
    assert.deepEqual(table.entries.get(204)?.methods, []);
  });

  test('methods are read from a translation when the documented meaning is only a translation', () => {
    const table = built([{ code: 201, translations: { 'zh-cn': 'POST操作正常返回。', en: 'Created.' } }]);
    assert.deepEqual(methodMap(table), { POST: 201 });
  });

  test('the same method claimed by two success codes is one problem naming both', () => {
    const problem = buildProblem([
      { code: 200, meaning: 'GET和PUT操作正常返回。' },
      { code: 201, meaning: 'POST操作正常返回。' },
      { code: 202, meaning: 'PUT操作异步返回。' },
    ]);
    assert.equal(problem.line, 3);
    assert.match(problem.message, /^row 3: PUT is named as the normal answer of both 200 \(row 1\) and 202$/);
  });

  test('the same method claimed twice in a fixture names the row and line', () => {
    const file = path.join(FIXTURES, 'tables/method-clash.md');
    const result = loadTable(file, fs.readFileSync(file, 'utf8'));
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.problem.line, 5);
      assert.match(renderTableProblem(result.problem, 'en'), /PUT/);
    }
  });

  test('explicit methods can clash too', () => {
    const problem = buildProblem([
      { code: 200, meaning: 'OK.', methods: ['GET'] },
      { code: 203, meaning: 'Also OK.', methods: ['get'] },
    ]);
    assert.match(problem.message, /GET is named as the normal answer of both 200 .* and 203/);
  });

  test('a method that is not HTTP is a problem', () => {
    const problem = buildProblem([{ code: 201, meaning: 'Made.', methods: ['POST', 'CREATE'] }]);
    assert.equal(problem.line, 1);
    assert.match(problem.message, /"CREATE" is not an HTTP method/);
  });
});
