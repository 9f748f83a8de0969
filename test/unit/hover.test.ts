import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverMarkdown, summaryLine } from '../../server/src/core/hover';
import { findSites } from '../../server/src/core/sites';
import { DEFAULT_TABLE } from '../../server/src/core/table/defaultTable';
import { loadTable } from '../../server/src/core/table/load';

function hoverFor(source: string, lang: 'en' | 'zh-cn' = 'en', table = DEFAULT_TABLE) {
  const [site] = findSites(source, 'typescript');
  assert.ok(site, `a site in ${source}`);
  return hoverMarkdown(site, { table, lang, tableLabel: 'docs/status.md' });
}

describe('hover text', () => {
  test('an error code: code, reason, kind and class, meaning in both languages, the table', () => {
    assert.equal(
      hoverFor('res.status(503)'),
      [
        '**503 Service Unavailable** — error (server error)',
        'The request was not completed: the system is temporarily abnormal.',
        '*请求未完成，系统暂时异常。*',
        'Table: docs/status.md',
      ].join('\n\n'),
    );
  });

  test('Chinese first for zh-cn, English beneath', () => {
    const text = hoverFor('res.status(503)', 'zh-cn');
    assert.match(text, /^\*\*503 Service Unavailable\*\* — 错误返回码 \(服务端错误\)\n\n请求未完成，系统暂时异常。\n\n\*The request was not completed/);
  });

  test('a success code names the methods the table gives it to', () => {
    assert.match(hoverFor('reply.code(200)'), /Documented normal answer of: GET, PUT/);
    assert.match(hoverFor('reply.code(200)', 'zh-cn'), /文档规定的正常返回: GET, PUT/);
  });

  test('a constant names itself', () => {
    assert.match(hoverFor('throw new HttpException("x", HttpStatus.NO_CONTENT)'), /^\*\*204 No Content\*\* · `HttpStatus\.NO_CONTENT` — success \(2xx\)/);
  });

  test('an undocumented code says so and lists what is documented', () => {
    const text = hoverFor('res.status(429)');
    assert.match(text, /^\*\*429 Too Many Requests\*\* — client error/);
    assert.match(text, /Not documented in the status-code table\./);
    assert.match(text, /Documented codes: 200, 201, 204, 400, 401/);
  });

  test('a team table without translations shows only its own text, and its row line', () => {
    const result = loadTable('/t/status.md', '| Code | Meaning |\n|---|---|\n| 201 | Created for a PATCH. |\n');
    assert.ok(result.ok);
    const text = hoverFor('res.status(201)', 'zh-cn', result.table);
    assert.match(text, /\n\nCreated for a PATCH\.\n\n/);
    assert.doesNotMatch(text, /\*Created/);
    assert.match(text, /文档规定的正常返回: PATCH/);
    assert.match(text, /状态码表: docs\/status\.md \(行 3\)/);
  });

  test('summary line for the CLI', () => {
    assert.equal(summaryLine(201, DEFAULT_TABLE, 'zh-cn'), 'Created — POST操作正常返回。');
    assert.equal(summaryLine(418, DEFAULT_TABLE, 'en'), "I'm a Teapot — Not documented in the status-code table.");
  });
});
