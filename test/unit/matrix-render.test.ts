/**
 * The matrix's renderers: Markdown (a table that project text cannot break), JSON (the model, fields in a fixed
 * order), HTML (one page: nonce'd inline style and script under `default-src 'none'`, every project string escaped,
 * links in the style asked for).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument, DomUtils } from 'htmlparser2';
import { buildMatrix, DEFAULT_TABLE, matrixRowId, renderMatrixHtml, renderMatrixJson, renderMatrixMarkdown, type MatrixModel } from '../../server/src/core';

function model(file = 'src/orders.ts', path = '/orders'): MatrixModel {
  return buildMatrix(
    {
      endpoints: [
        {
          method: 'POST',
          path,
          route: { file: 'src/routes.ts', line: 4, column: 8 },
          answers: [
            { code: '201', place: { file, line: 10, column: 16 } },
            { code: '409', place: { file, line: 12, column: 16 } },
          ],
          answersKnown: false,
        },
      ],
      operations: [
        {
          method: 'POST',
          path,
          place: { file: 'openapi.yaml', line: 3, column: 5 },
          responses: [{ code: '201', place: { file: 'openapi.yaml', line: 5, column: 9 } }],
        },
        {
          method: 'GET',
          path: '/health',
          place: { file: 'openapi.yaml', line: 8, column: 5 },
          responses: [{ code: '200', place: { file: 'openapi.yaml', line: 10, column: 9 } }],
        },
      ],
      requests: [],
    },
    DEFAULT_TABLE,
  );
}

describe('markdown', () => {
  test('a row per endpoint, a column per code, sources, the documented success and drift in the cells', () => {
    const text = renderMatrixMarkdown(model());
    const lines = text.split('\n');
    assert.equal(lines[0], '| Endpoint | 200 | 201 | 409 |');
    assert.equal(lines[1], '| --- | --- | --- | --- |');
    assert.equal(lines[2], '| `GET /health` ⚠ no route | spec ✓ |  |  |');
    assert.equal(lines[3], '| `POST /orders` |  | spec, handler ✓ | handler ⚠ not in spec |');
  });

  test('a pipe or a line break in a path does not break the table', () => {
    const text = renderMatrixMarkdown(model('src/a.ts', '/a|b\nc'));
    const row = text.split('\n').find((line) => line.includes('/a'));
    assert.ok(row);
    assert.match(row, /`POST \/a\\\|b c`/);
    assert.equal(row.split(/(?<!\\)\|/).length, 6, row);
  });
});

describe('json', () => {
  test('the model with its fields in a fixed order, and a version', () => {
    const parsed = JSON.parse(renderMatrixJson(model()));
    assert.deepEqual(Object.keys(parsed), ['version', 'hasSpec', 'columns', 'rows']);
    assert.equal(parsed.version, 1);
    assert.deepEqual(Object.keys(parsed.rows[0]), ['method', 'path', 'documentedSuccess', 'drift', 'routes', 'operations', 'cells']);
    const post = parsed.rows.find((row: { method: string }) => row.method === 'POST');
    assert.deepEqual(post.cells[1], {
      code: '409',
      documentedSuccess: false,
      undocumented: false,
      drift: ['handler-not-in-spec'],
      spec: [],
      handler: [{ file: 'src/orders.ts', line: 12, column: 16 }],
      tests: [],
      mocks: [],
    });
  });
});

describe('html', () => {
  const elements = (html: string, name: string) => DomUtils.getElementsByTagName(name, parseDocument(html));

  test('one page: its only style and script carry the nonce the policy names, and the policy loads nothing else', () => {
    const html = renderMatrixHtml(model(), { links: { kind: 'relative', prefix: '' }, nonce: 'abc123' });
    const csp = elements(html, 'meta').find((meta) => meta.attribs['http-equiv'] === 'Content-Security-Policy');
    assert.equal(csp?.attribs.content, "default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'");
    assert.deepEqual(
      elements(html, 'script').map((s) => s.attribs.nonce),
      ['abc123'],
    );
    assert.deepEqual(
      elements(html, 'style').map((s) => s.attribs.nonce),
      ['abc123'],
    );
    assert.doesNotMatch(html, /\bsrc=|https?:\/\/|@import|url\(/, 'nothing to load');
  });

  test('a real table: column headers and row headers with scope, sort buttons, a cell per code', () => {
    const html = renderMatrixHtml(model(), { links: { kind: 'relative', prefix: '' }, nonce: 'n' });
    const headers = elements(html, 'th');
    assert.deepEqual(
      headers.filter((th) => th.attribs.scope === 'col').map((th) => DomUtils.textContent(th).trim()),
      ['Endpoint', 'Method', '200', '201', '409'],
    );
    assert.equal(headers.filter((th) => th.attribs.scope === 'row').length, 2);
    const methods = elements(html, 'td').filter((td) => td.attribs.class === 'method');
    assert.deepEqual(
      methods.map((td) => DomUtils.textContent(td)),
      ['GET✓ 200', 'POST✓ 201'],
      "each row says the table's success code for its method",
    );
    const drift = elements(html, 'td').filter((td) => td.attribs['data-drift'] !== undefined);
    assert.deepEqual(
      drift.map((td) => [td.attribs['data-code'], td.attribs['data-drift']]),
      [['409', 'handler-not-in-spec']],
    );
  });

  test('relative links lead from the page to the file and line; message links carry the place for the host', () => {
    const relative = renderMatrixHtml(model('src/my orders.ts'), { links: { kind: 'relative', prefix: '../' }, nonce: 'n' });
    const hrefs = elements(relative, 'a').map((a) => a.attribs.href);
    assert.ok(hrefs.includes('../src/my%20orders.ts#L12'), hrefs.join(' '));
    const message = renderMatrixHtml(model('src/my orders.ts'), { links: { kind: 'message' }, nonce: 'n' });
    const link = elements(message, 'a').find((a) => a.attribs['data-file'] === 'src/my orders.ts' && a.attribs['data-line'] === '12');
    assert.ok(link);
    assert.equal(link.attribs.href, '#');
    assert.equal(link.attribs['data-column'], '16');
  });

  test('each row carries its id (method and template, parameters unnamed); the row to reveal is named on the body, as text', () => {
    const html = renderMatrixHtml(model('src/orders.ts', '/orders/:orderId'), { links: { kind: 'message' }, nonce: 'n', reveal: 'POST /orders/{}' });
    const rows = elements(html, 'tr').filter((tr) => tr.attribs['data-row'] !== undefined);
    assert.deepEqual(
      rows.map((tr) => tr.attribs['data-row']),
      ['GET /health', 'POST /orders/{}'],
    );
    assert.equal(matrixRowId('post', '/orders/{id}'), 'POST /orders/{}');
    assert.equal(elements(html, 'body')[0].attribs['data-reveal'], 'POST /orders/{}');
    const hostile = renderMatrixHtml(model(), { links: { kind: 'message' }, nonce: 'n', reveal: '"><script>alert(1)</script>' });
    assert.equal(elements(hostile, 'script').length, 1);
    assert.equal(elements(renderMatrixHtml(model(), { links: { kind: 'message' }, nonce: 'n' }), 'body')[0].attribs['data-reveal'], undefined);
  });

  test('a hostile file name and path stay text: no element, attribute or script of their own', () => {
    const file = `src/"><img src=x onerror=alert(1)>'<script>alert(2)</script>&amp;.ts`;
    const path = `/x"><script>alert(3)</script>`;
    const html = renderMatrixHtml(model(file, path), { links: { kind: 'relative', prefix: '' }, nonce: 'n', title: '<b>t</b>' });
    assert.equal(elements(html, 'img').length, 0);
    assert.equal(elements(html, 'b').length, 0);
    assert.equal(elements(html, 'script').length, 1);
    assert.ok(!html.includes('<script>alert'), 'no raw markup from the project');
    const link = elements(html, 'a').find((a) => a.attribs['data-line'] === '12');
    assert.equal(link?.attribs['data-file'], file, 'the attribute holds the name exactly');
    assert.ok(link?.attribs.href.startsWith('src/%22%3E%3Cimg'), link?.attribs.href);
    const row = elements(html, 'tr').find((tr) => tr.attribs['data-method'] === 'POST');
    assert.equal(row?.attribs['data-path'], path);
  });
});
