/** The table loaders: the organisation's HTML-in-Markdown doc, pipe tables, JSON/YAML, and docs that are wrong. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TABLE } from '../../server/src/core/table/defaultTable';
import { formatOf, loadTable } from '../../server/src/core/table/load';
import { renderTableProblem } from '../../server/src/core/messages';
import { caughtText, type TableProblem } from '../../server/src/core/table/problems';
import type { StatusEntry, StatusTable, TableResult } from '../../server/src/core/table/types';

/** A loader's problem with its English message, as users read it. */
type ShownProblem = TableProblem & { message: string };

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const ORG_DOC = path.join(FIXTURES, 'org-status-codes.md');

function fixture(name: string): { file: string; text: string } {
  const file = path.join(FIXTURES, name);
  return { file, text: fs.readFileSync(file, 'utf8') };
}

function tableOf(file: string, text: string): StatusTable {
  const result = loadTable(file, text);
  if (!result.ok) assert.fail(`expected ${path.basename(file)} to load, got: ${renderTableProblem(result.problem, 'en')} (line ${result.problem.line})`);
  return result.table;
}

function loadFixture(name: string): StatusTable {
  const { file, text } = fixture(name);
  return tableOf(file, text);
}

function problemOf(file: string, text: string): ShownProblem {
  const result = loadTable(file, text);
  if (result.ok) assert.fail(`expected a problem for ${file}, got a table of ${[...result.table.entries.keys()].join(', ')}`);
  assert.equal(result.caught, undefined, 'a problem with the doc, not an exception in a reader');
  const message = renderTableProblem(result.problem, 'en');
  assert.ok(message.length > 0, 'the problem says something');
  assert.ok(!message.includes('\n'), `one line, not a dump: ${message}`);
  return { ...result.problem, message };
}

function fixtureProblem(name: string): ShownProblem {
  const { file, text } = fixture(name);
  return problemOf(file, text);
}

function entry(table: StatusTable, code: number): StatusEntry {
  const found = table.entries.get(code);
  if (!found) assert.fail(`${code} is not in the table (has ${[...table.entries.keys()].join(', ')})`);
  return found;
}

const methodMap = (table: StatusTable) => Object.fromEntries(table.successCodeByMethod);

/** The organisation's table as DESIGN.md quotes it: written out here, independently of defaultTable.ts. */
const ORG: [code: number, reason: string, kind: 'success' | 'error', zh: string][] = [
  [200, 'OK', 'success', 'GET和PUT操作正常返回。'],
  [201, 'Created', 'success', 'POST操作正常返回。'],
  [204, 'No Content', 'success', 'DELETE操作正常返回。'],
  [400, 'Bad Request', 'error', '服务器未能处理请求。'],
  [401, 'Unauthorized', 'error', '被请求的页面需要用户名和密码。'],
  [403, 'Forbidden', 'error', '对被请求页面的访问被禁止。'],
  [404, 'Not Found', 'error', '服务器无法找到被请求的页面。'],
  [405, 'Method Not Allowed', 'error', '请求中指定的方法不被允许。'],
  [406, 'Not Acceptable', 'error', '服务器生成的响应无法被客户端所接受。'],
  [407, 'Proxy Authentication Required', 'error', '用户必须首先使用代理服务器进行验证，这样请求才会被处理。'],
  [408, 'Request Timeout', 'error', '请求超出了服务器的等待时间。'],
  [409, 'Conflict', 'error', '由于冲突，请求无法被完成。'],
  [500, 'Internal Server Error', 'error', '请求未完成，服务异常。'],
  [501, 'Not Implemented', 'error', '请求未完成，服务器不支持所请求的功能。'],
  [502, 'Bad Gateway', 'error', '请求未完成，服务器从上游服务器收到一个无效的响应。'],
  [503, 'Service Unavailable', 'error', '请求未完成，系统暂时异常。'],
  [504, 'Gateway Timeout', 'error', '网关超时。'],
];

/** The 1-based line of each row's <tr> in test/fixtures/org-status-codes.md. */
const ORG_LINES: Record<number, number> = {
  200: 12,
  201: 19,
  204: 26,
  400: 43,
  401: 48,
  403: 53,
  404: 58,
  405: 63,
  406: 68,
  407: 73,
  408: 78,
  409: 83,
  500: 88,
  501: 93,
  502: 98,
  503: 103,
  504: 108,
};

const CJK = /[\u3400-\u9fff]/;

describe('the organisation doc (Markdown holding HTML tables)', () => {
  const text = fs.readFileSync(ORG_DOC, 'utf8');
  const table = tableOf(ORG_DOC, text);

  test('reads all 17 codes, in the order of the doc', () => {
    assert.deepEqual(
      [...table.entries.keys()],
      ORG.map(([code]) => code),
    );
    assert.equal(table.source, ORG_DOC);
  });

  test('reads each reason phrase', () => {
    for (const [code, reason] of ORG) assert.equal(entry(table, code).reason, reason, `reason of ${code}`);
  });

  test('200/201/204 are success (the 正常返回码 table), the rest error (the 错误返回码 table)', () => {
    for (const [code, , kind] of ORG) assert.equal(entry(table, code).kind, kind, `kind of ${code}`);
  });

  test('keeps the Chinese meanings exactly as documented', () => {
    for (const [code, , , zh] of ORG) {
      const found = entry(table, code);
      assert.equal(found.meanings['zh-cn'], zh, `meaning of ${code}`);
      assert.equal(found.documentedLang, 'zh-cn', `documented language of ${code}`);
    }
  });

  test('fills in English from the bundled default, since the doc says the same thing', () => {
    for (const [code] of ORG) {
      const en = entry(table, code).meanings.en;
      assert.ok(en && !CJK.test(en), `English meaning of ${code}: ${en}`);
      assert.equal(en, DEFAULT_TABLE.entries.get(code)?.meanings.en);
    }
    assert.equal(entry(table, 201).meanings.en, 'Normal answer of POST.');
  });

  test('reads the method map from the text: GET/PUT -> 200, POST -> 201, DELETE -> 204, and nothing else', () => {
    assert.deepEqual(methodMap(table), { GET: 200, PUT: 200, POST: 201, DELETE: 204 });
    for (const method of ['PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']) {
      assert.equal(table.successCodeByMethod.has(method), false, `${method} is not judged`);
    }
    assert.deepEqual(entry(table, 200).methods, ['GET', 'PUT']);
    assert.deepEqual(entry(table, 201).methods, ['POST']);
    assert.deepEqual(entry(table, 204).methods, ['DELETE']);
    for (const [code, , kind] of ORG) if (kind === 'error') assert.deepEqual(entry(table, code).methods, [], `${code}`);
  });

  test('each row points at the line of its <tr> in the doc', () => {
    const lines = text.split('\n');
    for (const [code] of ORG) {
      const line = entry(table, code).line;
      assert.equal(line, ORG_LINES[code], `line of ${code}`);
      assert.match(lines[line! - 1], /<tr/);
      assert.ok(lines[line! - 1].includes(`>${code}`), `line ${line} holds ${code}`);
    }
  });

  test('reads the same with CRLF line endings, lines unchanged', () => {
    const crlf = tableOf(ORG_DOC, text.replace(/\n/g, '\r\n'));
    assert.deepEqual(
      [...crlf.entries.keys()],
      ORG.map(([code]) => code),
    );
    assert.equal(entry(crlf, 504).line, 108);
    assert.equal(entry(crlf, 504).meanings['zh-cn'], '网关超时。');
  });
});

describe('the bundled default table', () => {
  const parsed = tableOf(ORG_DOC, fs.readFileSync(ORG_DOC, 'utf8'));

  test('is the organisation doc: same codes, reasons, kinds and Chinese meanings', () => {
    assert.deepEqual([...DEFAULT_TABLE.entries.keys()], [...parsed.entries.keys()]);
    for (const [code, fromDoc] of parsed.entries) {
      const bundled = entry(DEFAULT_TABLE, code);
      assert.equal(bundled.reason, fromDoc.reason, `reason of ${code}`);
      assert.equal(bundled.kind, fromDoc.kind, `kind of ${code}`);
      assert.equal(bundled.meanings['zh-cn'], fromDoc.meanings['zh-cn'], `meaning of ${code}`);
      assert.equal(bundled.documentedLang, 'zh-cn');
      assert.deepEqual(bundled.methods, fromDoc.methods, `methods of ${code}`);
    }
    assert.deepEqual(methodMap(DEFAULT_TABLE), methodMap(parsed));
  });

  test('matches DESIGN.md as well', () => {
    for (const [code, reason, kind, zh] of ORG) {
      const bundled = entry(DEFAULT_TABLE, code);
      assert.deepEqual([bundled.reason, bundled.kind, bundled.meanings['zh-cn']], [reason, kind, zh]);
    }
  });

  test('has an English meaning for every code', () => {
    for (const [code, bundled] of DEFAULT_TABLE.entries) {
      const en = bundled.meanings.en;
      assert.ok(en && en.trim().length > 0 && !CJK.test(en), `English meaning of ${code}: ${en}`);
      assert.match(en, /\.$/, `a sentence: ${en}`);
    }
  });

  test('says where it came from and has no doc lines', () => {
    assert.equal(DEFAULT_TABLE.source, 'default');
    for (const bundled of DEFAULT_TABLE.entries.values()) assert.equal(bundled.line, undefined);
  });
});

describe('HTML tables, other shapes', () => {
  test('a team copy that changes a meaning keeps its own text and gets no stale English', () => {
    const text = fs.readFileSync(ORG_DOC, 'utf8').replace('网关超时。', '网关超时，请稍后重试。');
    const table = tableOf('/team/status.md', text);
    assert.deepEqual(entry(table, 504).meanings, { 'zh-cn': '网关超时，请稍后重试。' });
    assert.equal(entry(table, 503).meanings.en, DEFAULT_TABLE.entries.get(503)?.meanings.en);
  });

  test('a header row written with <td> instead of <th> is still the header', () => {
    const text = [
      '<table>',
      '<tr><td><strong>正常返回码</strong></td><td>类型</td><td>说明</td></tr>',
      '<tr><td>200</td><td>OK</td><td>GET操作正常返回。</td></tr>',
      '<tr><td>201</td><td>Created</td><td>POST操作正常返回。</td></tr>',
      '</table>',
    ].join('\n');
    const table = tableOf('/team/status.md', text);
    assert.deepEqual([...table.entries.keys()], [200, 201]);
    assert.equal(entry(table, 200).reason, 'OK');
    assert.equal(entry(table, 200).kind, 'success');
    assert.equal(entry(table, 200).line, 3);
    assert.deepEqual(methodMap(table), { GET: 200, POST: 201 });
  });

  test('entities are decoded and <br> separates words', () => {
    const text =
      '<table><tr><th>错误返回码</th><th>说明</th></tr>\n' + '<tr><td>400 Bad Request</td><td>Body &amp; query<br>are checked &lt;first&gt;.</td></tr></table>';
    const table = tableOf('/team/status.md', text);
    assert.equal(entry(table, 400).meanings.en, 'Body & query are checked <first>.');
    assert.equal(entry(table, 400).kind, 'error');
    assert.equal(entry(table, 400).line, 2);
  });

  test('a row with nothing in it is spacing, not an entry', () => {
    const text =
      '<table><tr><th>Code</th><th>Meaning</th></tr>\n<tr><td>200</td><td>OK.</td></tr>\n' +
      '<tr><td></td><td> </td></tr>\n<tr><td>404</td><td>Gone.</td></tr></table>';
    assert.deepEqual([...tableOf('/t/spacer.md', text).entries.keys()], [200, 404]);
  });

  test('a truncated doc (a row still being typed) yields the rows it holds', () => {
    const text = fs.readFileSync(ORG_DOC, 'utf8');
    const cut = text.slice(0, text.indexOf('401 Unauthorized'));
    const table = tableOf(ORG_DOC, cut);
    assert.deepEqual([...table.entries.keys()], [200, 201, 204, 400]);
  });

  test('an HTML table inside a ``` fence is an example, not the table', () => {
    const text = [
      '# Codes',
      '',
      '```html',
      '<table><tr><th>Code</th><th>Meaning</th></tr><tr><td>418</td><td>Teapot.</td></tr></table>',
      '```',
      '',
      '<table><tr><th>Code</th><th>Meaning</th></tr>',
      '<tr><td>404</td><td>Not here.</td></tr></table>',
    ].join('\n');
    const table = tableOf('/team/status.md', text);
    assert.deepEqual([...table.entries.keys()], [404]);
    assert.equal(entry(table, 404).line, 8);
  });

  test('HTML and pipe tables in one doc are both read', () => {
    const text = [
      '<table><tr><th>正常返回码</th><th>说明</th></tr>',
      '<tr><td>200</td><td>GET操作正常返回。</td></tr></table>',
      '',
      '| 错误返回码 | 说明 |',
      '|---|---|',
      '| 404 Not Found | 服务器无法找到被请求的页面。 |',
    ].join('\n');
    const table = tableOf('/team/status.md', text);
    assert.deepEqual([...table.entries.keys()], [200, 404]);
    assert.equal(entry(table, 404).kind, 'error');
    assert.equal(entry(table, 404).line, 6);
  });
});

describe('Markdown pipe tables', () => {
  test('reads the status table and passes over the unrelated table and the fenced example', () => {
    const table = loadFixture('tables/pipe.md');
    assert.deepEqual([...table.entries.keys()], [200, 201, 204, 400, 404, 503]);
    assert.equal(table.entries.has(418), false, 'the fenced example is ignored');
  });

  test('Code | Reason | Meaning | Meaning (en): reason, documented meaning and translation', () => {
    const table = loadFixture('tables/pipe.md');
    const ok = entry(table, 200);
    assert.equal(ok.reason, 'OK');
    assert.equal(ok.documentedLang, 'zh-cn');
    assert.deepEqual(ok.meanings, { 'zh-cn': 'GET和PUT操作正常返回。', en: 'Normal answer of GET and PUT.' });
    // The doc's own English wins over the default's; a blank one is filled from the default.
    assert.equal(entry(table, 404).meanings.en, 'The resource does not exist.');
    assert.equal(entry(table, 204).meanings.en, 'Normal answer of DELETE.');
    assert.equal(entry(table, 503).reason, 'Service Unavailable');
    assert.deepEqual(methodMap(table), { GET: 200, PUT: 200, POST: 201, DELETE: 204 });
  });

  test('escaped pipes and code spans stay inside their cell', () => {
    const bad = entry(loadFixture('tables/pipe.md'), 400);
    assert.equal(bad.meanings['zh-cn'], '过滤条件 a|b 不合法。');
    assert.equal(bad.meanings.en, 'The filter a|b is not valid.');
  });

  test('rows point at their lines (after an alignment row |:---|---:|)', () => {
    const { text } = fixture('tables/pipe.md');
    const table = loadFixture('tables/pipe.md');
    const lines = text.split('\n');
    assert.deepEqual(
      [...table.entries.values()].map((found) => found.line),
      [24, 25, 26, 27, 28, 29],
    );
    for (const found of table.entries.values()) assert.ok(lines[found.line! - 1].startsWith(`| ${found.code} |`));
  });

  test('code and reason in one cell, a Kind column, English meanings', () => {
    const table = loadFixture('tables/english.md');
    assert.deepEqual([...table.entries.keys()], [200, 201, 202, 304, 404, 409, 503]);
    assert.equal(entry(table, 503).reason, 'Service Unavailable');
    assert.equal(entry(table, 202).reason, 'Accepted');
    assert.deepEqual(
      [...table.entries.values()].map((found) => found.kind),
      ['success', 'success', 'success', 'redirect', 'error', 'error', 'error'],
    );
    assert.deepEqual(entry(table, 503).meanings, { en: 'Try again later.' });
    assert.equal(entry(table, 503).documentedLang, 'en');
    assert.equal(entry(table, 200).line, 7);
    assert.equal(entry(table, 503).line, 13);
  });

  test('the Kind column overrides the code class', () => {
    const text = '| Code | Kind | Meaning |\n|---|---|---|\n| 202 | error | Accepted, but we treat it as a failure. |\n';
    assert.equal(entry(tableOf('/t/kind.md', text), 202).kind, 'error');
  });

  test('Code | Reason | 中文 | English: the reason is not taken for the meaning', () => {
    const text = [
      '| Code | Reason | 中文 | English |',
      '|------|--------|------|---------|',
      '| 201 | Created | POST操作正常返回。 | Normal answer of a POST. |',
      '| 404 | Not Found | 找不到。 | Not found. |',
    ].join('\n');
    const table = tableOf('/t/langs.md', text);
    assert.equal(entry(table, 201).reason, 'Created');
    assert.deepEqual(entry(table, 201).meanings, { 'zh-cn': 'POST操作正常返回。', en: 'Normal answer of a POST.' });
    assert.equal(entry(table, 404).documentedLang, 'zh-cn');
    assert.deepEqual(methodMap(table), { POST: 201 });
  });

  test('Code | Meaning (zh) | Meaning (en), no reason column: the reason comes from the standard', () => {
    const text = '| Code | Meaning (zh) | Meaning (en) |\n|---|---|---|\n| 409 | 冲突。 | Conflict. |\n';
    const conflict = entry(tableOf('/t/langs.md', text), 409);
    assert.equal(conflict.reason, 'Conflict');
    assert.deepEqual(conflict.meanings, { 'zh-cn': '冲突。', en: 'Conflict.' });
  });

  test('a table without outer pipes, with CRLF line endings', () => {
    const text = 'Code | Meaning\r\n--- | ---\r\n200 | Normal answer of GET.\r\n500 | Broken.\r\n';
    const table = tableOf('/t/bare.md', text);
    assert.deepEqual([...table.entries.keys()], [200, 500]);
    assert.equal(entry(table, 500).meanings.en, 'Broken.');
    assert.equal(entry(table, 500).line, 4);
  });

  test('a blank row | | | is spacing, but a row with only the code missing is a problem', () => {
    const spaced = '| Code | Meaning |\n|---|---|\n| 200 | OK. |\n| | |\n| 404 | Gone. |\n';
    assert.deepEqual([...tableOf('/t/blank.md', spaced).entries.keys()], [200, 404]);
    const missing = '| Code | Meaning |\n|---|---|\n| 200 | OK. |\n| | Gone. |\n| 404 | Gone. |\n';
    const problem = problemOf('/t/missing.md', missing);
    assert.equal(problem.line, 4);
    assert.match(problem.message, /row 2: expected a status code/);
  });

  test('a ~~~ fence is skipped too, and a ``` inside it does not close it', () => {
    const text = [
      '~~~',
      '```',
      '| Code | Meaning |',
      '|---|---|',
      '| 418 | Teapot. |',
      '~~~',
      '',
      '| Code | Meaning |',
      '|---|---|',
      '| 404 | Not here. |',
    ].join('\n');
    const table = tableOf('/t/fence.md', text);
    assert.deepEqual([...table.entries.keys()], [404]);
    assert.equal(entry(table, 404).line, 10);
  });

  test('two status tables: rows are named by table in messages', () => {
    const text = [
      '| Success | Meaning |',
      '|---|---|',
      '| 200 | OK. |',
      '',
      '| Errors | Meaning |',
      '|---|---|',
      '| 404 | Not here. |',
      '| 200 | Again. |',
    ].join('\n');
    const problem = problemOf('/t/two.md', text);
    assert.equal(problem.line, 8);
    assert.match(problem.message, /row 2 of table 2/);
    assert.match(problem.message, /200 is documented twice/);
    assert.match(problem.message, /line 3/);
  });
});

describe('JSON and YAML', () => {
  test('JSON: a codes list with reasons, translations, explicit methods and kinds', () => {
    const table = loadFixture('tables/table.json');
    assert.deepEqual([...table.entries.keys()], [200, 201, 204, 304, 404, 503]);
    assert.deepEqual(entry(table, 200).meanings, { 'zh-cn': 'GET和PUT操作正常返回。', en: 'The request succeeded.' });
    assert.equal(entry(table, 204).reason, 'No Content', 'a missing reason comes from the standard');
    assert.equal(entry(table, 204).meanings.en, 'Normal answer of DELETE.', 'English from the default');
    assert.deepEqual(entry(table, 201).methods, ['POST', 'PATCH'], 'explicit methods, normalised');
    assert.equal(entry(table, 304).kind, 'success');
    assert.deepEqual(entry(table, 304).methods, []);
    assert.equal(entry(table, 503).kind, 'error');
    assert.equal(entry(table, 503).meanings.en, 'Try again later: https://status.example.com');
    // Translations only: the first one given is the documented language; "zh" means zh-cn.
    assert.equal(entry(table, 404).documentedLang, 'zh-cn');
    assert.deepEqual(entry(table, 404).meanings, { 'zh-cn': '服务器无法找到被请求的页面。', en: 'Nothing here.' });
    assert.deepEqual(methodMap(table), { GET: 200, PUT: 200, POST: 201, PATCH: 201, DELETE: 204 });
    assert.deepEqual(
      [...table.entries.values()].map((found) => found.line),
      [3, 4, 5, 6, 7, 8],
    );
  });

  test('YAML: a codes mapping, with plain string values and entries', () => {
    const table = loadFixture('tables/table.yaml');
    assert.deepEqual([...table.entries.keys()], [200, 201, 204, 409, 504]);
    assert.deepEqual(entry(table, 504).meanings, { 'zh-cn': '网关超时。', en: 'The gateway timed out.' });
    assert.equal(entry(table, 504).reason, 'Gateway Timeout');
    assert.equal(entry(table, 201).reason, 'Created');
    assert.equal(entry(table, 201).meanings.en, 'Normal answer of a POST.');
    assert.equal(entry(table, 409).meanings.en, 'Someone else changed it.');
    assert.deepEqual(methodMap(table), { GET: 200, PUT: 200, POST: 201, DELETE: 204 });
    assert.deepEqual(
      [...table.entries.values()].map((found) => found.line),
      [3, 4, 9, 10, 14],
    );
  });

  test('YAML: a list at the root, with explicit methods and kind', () => {
    const table = loadFixture('tables/list.yaml');
    assert.deepEqual([...table.entries.keys()], [200, 202, 500]);
    assert.deepEqual(methodMap(table), { GET: 200, PUT: 202, DELETE: 202 });
    assert.equal(entry(table, 202).kind, 'success');
    assert.equal(entry(table, 500).meanings.en, DEFAULT_TABLE.entries.get(500)?.meanings.en);
    assert.equal(entry(table, 202).line, 3);
  });

  test('JSON: a mapping of code to meaning at the root', () => {
    const table = tableOf('/t/codes.json', '{\n  "200": "Normal answer of GET.",\n  "404": "服务器无法找到被请求的页面。"\n}\n');
    assert.deepEqual([...table.entries.keys()], [200, 404]);
    assert.equal(entry(table, 404).line, 3);
    assert.deepEqual(methodMap(table), { GET: 200 });
  });

  test('JSON with comments (.jsonc) reads, and // inside a string is kept', () => {
    const table = loadFixture('tables/table.jsonc');
    assert.deepEqual([...table.entries.keys()], [200, 503]);
    assert.equal(entry(table, 200).meanings.en, 'Normal answer of GET, see https://docs.example.com');
    assert.equal(entry(table, 200).line, 4);
    assert.equal(entry(table, 503).line, 5);
  });

  test('a tab-indented JSON file reads', () => {
    const table = tableOf('/t/tabs.json', '{\n\t"codes": [\n\t\t{ "code": 200, "meaning": "OK." }\n\t]\n}\n');
    assert.deepEqual([...table.entries.keys()], [200]);
  });

  test('formatOf chooses by the file name, else by the content', () => {
    assert.equal(formatOf('a.json', ''), 'data');
    assert.equal(formatOf('a.JSONC', ''), 'data');
    assert.equal(formatOf('a.yml', ''), 'data');
    assert.equal(formatOf('a.yaml', '| a | b |'), 'data');
    assert.equal(formatOf('a.md', '{"codes": []}'), 'markdown');
    assert.equal(formatOf('a.html', ''), 'markdown');
    assert.equal(formatOf('STATUS', '  [ {"code": 200} ]'), 'data');
    assert.equal(formatOf('STATUS', '# Codes'), 'markdown');
  });
});

describe('malformed docs give one clear problem with its line', () => {
  test('a row whose code is "abc"', () => {
    const problem = fixtureProblem('tables/broken-row.md');
    assert.equal(problem.line, 6);
    assert.match(problem.message, /row 2/);
    assert.match(problem.message, /"abc"/);
    assert.match(problem.message, /100 to 599/);
  });

  for (const bad of ['99', '600', '1234', '20O']) {
    test(`a row whose code is "${bad}"`, () => {
      const text = `| Code | Meaning |\n|---|---|\n| 200 | OK. |\n| ${bad} | Odd. |\n| 404 | Gone. |\n`;
      const problem = problemOf('/t/bad.md', text);
      assert.equal(problem.line, 4);
      assert.ok(problem.message.includes(`"${bad}"`), problem.message);
      assert.match(problem.message, /expected a status code/);
    });
  }

  test('a code out of range in JSON', () => {
    const problem = problemOf('/t/bad.json', '[\n  { "code": 200, "meaning": "OK." },\n  { "code": 700, "meaning": "No." }\n]');
    assert.equal(problem.line, 3);
    assert.match(problem.message, /entry 2/);
    assert.match(problem.message, /"700"/);
  });

  test('a code documented twice names both lines', () => {
    const problem = fixtureProblem('tables/duplicate.md');
    assert.equal(problem.line, 15);
    assert.match(problem.message, /404 is documented twice/);
    assert.match(problem.message, /line 13/);
    assert.match(problem.message, /row 3 of table 2/);
  });

  test('a code documented twice in YAML', () => {
    const problem = problemOf('/t/dup.yaml', '- code: 200\n  meaning: OK.\n- code: 200\n  meaning: Again.\n');
    assert.equal(problem.line, 3);
    assert.match(problem.message, /200 is documented twice/);
  });

  test('a row with no meaning', () => {
    const problem = fixtureProblem('tables/no-meaning.md');
    assert.equal(problem.line, 4);
    assert.match(problem.message, /404 has no meaning/);
  });

  test('a data entry with no meaning', () => {
    const problem = problemOf('/t/nomeaning.yaml', 'codes:\n  - code: 200\n    meaning: OK.\n  - code: 404\n    reason: Not Found\n');
    assert.equal(problem.line, 4);
    assert.match(problem.message, /404 has no meaning/);
  });

  test('invalid JSON, at its line', () => {
    const problem = fixtureProblem('tables/bad.json');
    assert.equal(problem.line, 4);
    assert.match(problem.message, /not valid JSON/);
  });

  test('a YAML syntax error, at its line', () => {
    const problem = fixtureProblem('tables/bad.yaml');
    assert.equal(problem.line, 4);
    assert.match(problem.message, /not valid JSON\/YAML/);
  });

  test('a duplicate key in JSON', () => {
    const problem = problemOf('/t/dupkey.json', '{\n  "200": "OK.",\n  "200": "Again."\n}');
    assert.equal(problem.line, 3);
    assert.match(problem.message, /not valid JSON\/YAML/);
  });

  test('JSON of the wrong shape', () => {
    const problem = fixtureProblem('tables/shape.json');
    assert.equal(problem.line, 2);
    assert.match(problem.message, /expected a list of codes/);
  });

  test('a list of bare numbers is not a table', () => {
    const problem = problemOf('/t/numbers.json', '[\n  200,\n  201\n]');
    assert.equal(problem.line, 2);
    assert.match(problem.message, /entry 1/);
    assert.match(problem.message, /expected a mapping/);
  });

  test('an entry that is a list', () => {
    const problem = problemOf('/t/list.yaml', 'codes:\n  200:\n    - OK\n');
    assert.equal(problem.line, 2);
    assert.match(problem.message, /entry "200": expected a mapping/);
  });

  test('an unknown kind', () => {
    const problem = problemOf('/t/kind.yaml', 'codes:\n  - code: 200\n    meaning: OK.\n  - code: 202\n    kind: sideways\n    meaning: Later.\n');
    assert.equal(problem.line, 4);
    assert.match(problem.message, /unknown kind "sideways"/);
  });

  test('methods that are not a list', () => {
    const problem = problemOf('/t/methods.json', '[\n  { "code": 201, "meaning": "Made.", "methods": "POST" }\n]');
    assert.equal(problem.line, 2);
    assert.match(problem.message, /methods must be a list/);
  });

  test('a method that is not an HTTP method', () => {
    const problem = problemOf('/t/methods.yaml', '- code: 201\n  meaning: Made.\n  methods: [POST, FETCH]\n');
    assert.equal(problem.line, 1);
    assert.match(problem.message, /"FETCH" is not an HTTP method/);
  });

  test('an unknown translation language', () => {
    const problem = problemOf('/t/lang.yaml', '- code: 200\n  meaning: OK.\n  translations: { fr: Bien. }\n');
    assert.equal(problem.line, 1);
    assert.match(problem.message, /unknown translation language "fr"/);
  });

  test('the same method claimed by two success codes', () => {
    const problem = fixtureProblem('tables/method-clash.md');
    assert.equal(problem.line, 5);
    assert.match(problem.message, /PUT is named as the normal answer of both 200/);
    assert.match(problem.message, /202/);
  });

  test('an empty doc', () => {
    assert.match(problemOf('/t/empty.md', '').message, /no status-code table found/);
    assert.ok(problemOf('/t/empty.json', '').message.length > 0);
    assert.ok(problemOf('/t/empty.yaml', '  \n\n').message.length > 0);
  });

  test('a doc with no tables', () => {
    const problem = problemOf('/t/prose.md', '# Status codes\n\nWe answer 200 for a GET and 404 when it is not there.\n');
    assert.match(problem.message, /no status-code table found/);
  });

  test('a doc whose only tables hold no codes', () => {
    const problem = problemOf('/t/other.md', '| Setting | Value |\n|---|---|\n| retries | three |\n');
    assert.match(problem.message, /no status-code table found/);
  });

  test('binary content', () => {
    const problem = problemOf('/t/status.md', 'PK\u0003\u0004\u0000\u0000| 200 | OK |');
    assert.match(problem.message, /binary/);
    assert.match(problemOf('/t/status.json', '{"a": "\u0000"}').message, /binary/);
  });
});

describe('loadTable never throws, and nothing inside it throws either', () => {
  // A small seeded generator, so a failure can be replayed.
  function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
  }

  const PIECES = [
    '|',
    '||',
    '|---|',
    ':--',
    '\n',
    '\r\n',
    ' ',
    '<table>',
    '</table>',
    '<tr>',
    '<td>',
    '</td>',
    '<th>',
    '</tr>',
    '200',
    '404 Not Found',
    '999',
    'abc',
    '```',
    '~~~',
    '{',
    '}',
    '[',
    ']',
    '"',
    ':',
    ',',
    '- ',
    'codes:',
    '&amp;',
    '<!--',
    '-->',
    '\\|',
    '正常返回码',
    '说明',
    'GET和PUT操作正常返回。',
    'kind: success',
    'methods: [',
    '#',
    '\t',
    '<',
  ];
  const NAMES = ['/t/a.md', '/t/a.json', '/t/a.yaml', '/t/a.jsonc', '/t/a.txt', '/t/a.html', '/t/STATUS'];

  /**
   * What any correct loader gives for any text: no exception caught inside it, and either a table of valid codes whose
   * method map points at documented success codes, or a one-line problem about the doc (never "could not read").
   */
  function assertSound(result: TableResult, label: string): void {
    assert.equal(result.caught, undefined, `${label}: a reader threw: ${result.caught?.map(caughtText).join('\n')}`);
    if (result.ok) {
      for (const [code, found] of result.table.entries) {
        assert.ok(code >= 100 && code <= 599 && found.code === code, `${label}: code ${code}`);
      }
      for (const [method, code] of result.table.successCodeByMethod) {
        assert.equal(result.table.entries.get(code)?.kind, 'success', `${label}: ${method} -> ${code}`);
      }
    } else {
      assert.notEqual(result.problem.issue.kind, 'readerFailed', label);
      const message = renderTableProblem(result.problem, 'en');
      assert.ok(message.length > 0 && !message.includes('\n'), `${label}: ${message}`);
    }
  }

  test('random garbage in every format', () => {
    const next = random(20260101);
    for (let round = 0; round < 600; round++) {
      const parts: string[] = [];
      const count = Math.floor(next() * 200);
      for (let i = 0; i < count; i++) {
        parts.push(next() < 0.8 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0xffff)));
      }
      const name = NAMES[round % NAMES.length];
      assertSound(loadTable(name, parts.join('')), `round ${round}`);
    }
  });

  test('every truncation of the real docs: the rows before the cut, as the whole doc gives them', () => {
    for (const name of ['org-status-codes.md', 'tables/pipe.md', 'tables/table.json', 'tables/table.yaml']) {
      const { file, text } = fixture(name);
      const whole = tableOf(file, text);
      const wholeCodes = [...whole.entries.keys()];
      for (let end = 0; end <= text.length; end += 97) {
        const cut = text.slice(0, end);
        const label = `${name} cut at ${end}`;
        const result = loadTable(file, cut);
        assertSound(result, label);
        if (!result.ok) {
          // A cut row is reported where it is: never past the end of what is left.
          const lines = cut.split('\n').length;
          assert.ok(result.problem.line === undefined || result.problem.line <= lines, `${label}: line ${result.problem.line} of ${lines}`);
          continue;
        }
        const codes = [...result.table.entries.keys()];
        assert.deepEqual(codes, wholeCodes.slice(0, codes.length), `${label}: the leading rows, in order`);
        // Every row but the last (which the cut may go through) reads exactly as in the whole doc.
        for (const code of codes.slice(0, -1)) assert.deepEqual(result.table.entries.get(code), whole.entries.get(code), `${label}: ${code}`);
        for (const [method, code] of result.table.successCodeByMethod) {
          assert.equal(whole.successCodeByMethod.get(method), code, `${label}: ${method}`);
        }
      }
    }
  });

  test('a table of 150,000 rows answers quickly with the real problem, not a stack overflow', () => {
    const text = '| Code | Meaning |\n|---|---|\n' + '| 404 | Not here. |\n'.repeat(150_000);
    const started = Date.now();
    const problem = problemOf('/t/huge.md', text);
    assert.match(problem.message, /404 is documented twice/);
    assert.equal(problem.line, 4);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });

  test('a long blank line after a pipe line does not stall', () => {
    const started = Date.now();
    const problem = problemOf('/t/blank.md', 'a | b\n' + ' '.repeat(200_000) + 'x\n');
    assert.match(problem.message, /no status-code table found/);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });

  test('huge garbage strings: the problem each one has', () => {
    const started = Date.now();
    const cases: [name: string, text: string, expected: TableProblem][] = [
      // Deeper nesting is slow inside htmlparser2 itself (its open-tag stack), not in the reader.
      ['/t/a.md', '<table><tr><td>'.repeat(5_000), { issue: { kind: 'noTable' } }],
      ['/t/a.md', '|'.repeat(300_000) + '\n' + '|-'.repeat(150_000), { issue: { kind: 'noTable' } }],
      ['/t/a.json', '['.repeat(50_000), { issue: { kind: 'tooDeep', levels: 400 } }],
      ['/t/a.json', '{"codes": ' + '"x'.repeat(200_000), { issue: { kind: 'invalidData', parserMessage: 'Unexpected scalar at node end' }, line: 1 }],
      [
        '/t/a.yaml',
        'codes:\n' + '  - code: 200\n    meaning: x\n'.repeat(20_000),
        { issue: { kind: 'duplicateCode', at: { kind: 'entry', index: 2 }, code: 200, firstLine: 2 }, line: 4 },
      ],
      ['/t/a.md', '正常返回码'.repeat(200_000), { issue: { kind: 'noTable' } }],
    ];
    for (const [name, text, expected] of cases) {
      const result = loadTable(name, text);
      assert.equal(result.caught, undefined, `${name}: a reader threw: ${result.caught?.map(caughtText).join('\n')}`);
      assert.deepEqual(result.ok ? 'a table' : result.problem, expected, name);
    }
    assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
  });
});

test('a pathologically deep JSON/YAML table is a problem, not a crash', () => {
  assert.match(problemOf('/t/codes.yaml', '['.repeat(5000)).message, /nested deeper than 400 levels/);
});

test('a table headed "Code" whose only row is mistyped reports that row, not "no status-code table found"', () => {
  const problem = problemOf('/t/status.md', '| Code | Meaning |\n|---|---|\n| 2O1 | Created. |\n');
  assert.deepEqual(problem, {
    issue: { kind: 'badCode', at: { kind: 'row', row: 1 }, found: '2O1' },
    line: 3,
    message: 'row 1: expected a status code from 100 to 599, found "2O1"',
  });
  // A table of other numbers under another header is still not a status table.
  assert.equal(loadTable('/t/x.md', '| Setting | Value |\n|---|---|\n| timeout | 30s |\n').ok, false);
});
