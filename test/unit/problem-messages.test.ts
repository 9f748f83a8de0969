/**
 * Table doc and .statusdoc.json problems rendered from data: English exactly as users have always read it, Chinese with
 * nothing English left over, every kind in both languages. The expected texts are what statusdoc printed before
 * problems became data (English as written by the loaders, Chinese as the phrase-by-phrase translation gave it).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CLI_MESSAGES, MESSAGES, renderConfigIssue, renderProblem, renderTableProblem } from '../../server/src/core/messages';
import { RULE_IDS } from '../../server/src/core/checks/rules';
import { skipReason } from '../../server/src/core/limits';
import { loadTable } from '../../server/src/core/table/load';
import { problemKey, type Problem, type TableIssue } from '../../server/src/core/table/problems';
import { CONFIG_KEYS, parseConfig } from '../../server/src/project/config';
import { TableResolver } from '../../server/src/project/tables';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'tables');

/** JSON.parse's own words for a text (they vary between Node versions, and stay as the parser wrote them). */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} parses`);
}

// [file name, doc text, English, Chinese]
const TABLE_DOCS: [string, string, string, string][] = [
  ['a.md', '', 'no status-code table found: expected rows that start with a code such as 404', '没有找到状态码表：应有以状态码（如 404）开头的行'],
  [
    'a.md',
    '| Code | Meaning |\n|---|---|\n| 2O1 | x |\n',
    'row 1: expected a status code from 100 to 599, found "2O1"',
    '第 1 行: 应为 100 到 599 之间的状态码，实际为 "2O1"',
  ],
  [
    'a.md',
    '| Code | Meaning |\n|---|---|\n| 201 | x |\n| 201 | y |\n',
    'row 2: 201 is documented twice (first on line 3)',
    '第 2 行: 201 被记录了两次（首次在第 3 行）',
  ],
  ['a.md', '| Code | Meaning |\n|---|---|\n| 201 | |\n', 'row 1: 201 has no meaning', '第 1 行: 201 没有说明'],
  [
    'a.md',
    '| Code | Meaning |\n|---|---|\n| 200 | GET操作正常返回。 |\n| 202 | GET操作正常返回。 |\n',
    'row 2: GET is named as the normal answer of both 200 (row 1) and 202',
    '第 2 行: GET 同时被写为 200（第 1 行）和 202 的正常返回',
  ],
  [
    'a.md',
    '<table><tr><th>正常返回码</th><th>说明</th></tr><tr><td>20x</td><td>x</td></tr><tr><td>201</td><td>y</td></tr></table>\n| Code | Meaning |\n|---|---|\n| 600 | z |\n',
    'row 1 of table 1: expected a status code from 100 to 599, found "20x"',
    '表 1 第 1 行: 应为 100 到 599 之间的状态码，实际为 "20x"',
  ],
  [
    'a.md',
    '| Code | Meaning |\n|---|---|\n| 200 | a |\n\n| Code | Meaning |\n|---|---|\n| 201 | b |\n| 200 | c |\n',
    'row 2 of table 2: 200 is documented twice (first on line 3)',
    '表 2 第 2 行: 200 被记录了两次（首次在第 3 行）',
  ],
  [
    'a.md',
    '| Code | Meaning |\n|---|---|\n| 200 | a GET |\n\n| Code | Meaning |\n|---|---|\n| 201 | b |\n| 202 | c GET |\n',
    'row 2 of table 2: GET is named as the normal answer of both 200 (row 1 of table 1) and 202',
    '表 2 第 2 行: GET 同时被写为 200（表 1 第 1 行）和 202 的正常返回',
  ],
  [
    'a.md',
    '| Code | Meaning |\n|---|---|\n| 200 | a |\n\n| Code | Meaning |\n|---|---|\n| 201 | |\n',
    'row 1 of table 2: 201 has no meaning',
    '表 2 第 1 行: 201 没有说明',
  ],
  [
    'a.json',
    '{ "codes": [ { "code": 201, "meaning": "x", "methods": ["FETCH"] } ] }',
    'entry 1: "FETCH" is not an HTTP method',
    '第 1 项: "FETCH" 不是 HTTP 方法',
  ],
  [
    'a.json',
    '{ "codes": [ { "code": 201, "meaning": "x", "methods": "POST" } ] }',
    'entry 1: methods must be a list such as [POST]',
    '第 1 项: methods 必须是列表，例如 [POST]',
  ],
  [
    'a.json',
    '{ "codes": [ { "code": 201, "meaning": "x", "kind": "fine" } ] }',
    'entry 1: unknown kind "fine" (use success or error)',
    '第 1 项: 未知的类型 "fine"（请用 success 或 error）',
  ],
  [
    'a.json',
    '{ "codes": [ { "code": 201, "meaning": "x", "translations": { "fr": "y" } } ] }',
    'entry 1: unknown translation language "fr" (use en or zh-cn)',
    '第 1 项: 未知的翻译语言 "fr"（请用 en 或 zh-cn）',
  ],
  ['a.json', '{ "codes": [ 201 ] }', 'entry 1: expected a mapping with code, reason and meaning', '第 1 项: 应为包含 code、reason 和 meaning 的映射'],
  [
    'a.json',
    '{ "codes": { "201": "x", "20": "y" } }',
    'entry "20": expected a status code from 100 to 599, found "20"',
    '条目 "20": 应为 100 到 599 之间的状态码，实际为 "20"',
  ],
  [
    'a.json',
    '{ "codes": { "201": [1] } }',
    'entry "201": expected a mapping with code, reason and meaning',
    '条目 "201": 应为包含 code、reason 和 meaning 的映射',
  ],
  [
    'a.json',
    '{ "codes": { "201": { "meaning": "x", "kind": "odd" } } }',
    'entry "201": unknown kind "odd" (use success or error)',
    '条目 "201": 未知的类型 "odd"（请用 success 或 error）',
  ],
  [
    'a.json',
    '{ "codes": { "201": { "meaning": "x", "methods": ["NOPE"] } } }',
    'entry "201": "NOPE" is not an HTTP method',
    '条目 "201": "NOPE" 不是 HTTP 方法',
  ],
  [
    'a.json',
    '{ "codes": { "201": { "meaning": "x", "methods": [1] } } }',
    'entry "201": methods must be a list such as [POST]',
    '条目 "201": methods 必须是列表，例如 [POST]',
  ],
  ['a.json', '{ "codes": { "201": { "reason": "x" } } }', 'entry "201": 201 has no meaning', '条目 "201": 201 没有说明'],
  [
    'a.json',
    '{ "codes": { "201": { "meaning": "x" }, "201 ": { "meaning": "y" } } }',
    'entry "201 ": 201 is documented twice (first on line 1)',
    '条目 "201 ": 201 被记录了两次（首次在第 1 行）',
  ],
  [
    'a.json',
    '{ "codes": { "201": "POST x", "202": "POST y" } }',
    'entry "202": POST is named as the normal answer of both 201 (entry "201") and 202',
    '条目 "202": POST 同时被写为 201（条目 "201"）和 202 的正常返回',
  ],
  [
    'a.json',
    '{ "codes": [ { "code": 201, "meaning": "POST x" }, { "code": 202, "meaning": "POST y" } ] }',
    'entry 2: POST is named as the normal answer of both 201 (entry 1) and 202',
    '第 2 项: POST 同时被写为 201（第 1 项）和 202 的正常返回',
  ],
  ['a.json', '"just a string"', 'expected a list of codes, or a mapping "codes:" of code to meaning', '应为状态码列表，或状态码到说明的 "codes:" 映射'],
  ['a.json', '', 'expected a list of codes, or a mapping "codes:" of code to meaning', '应为状态码列表，或状态码到说明的 "codes:" 映射'],
  ['a.json', '{\n  "200": "OK.",\n  "200": "Again."\n}', 'not valid JSON/YAML: Map keys must be unique', '不是有效的 JSON/YAML：Map keys must be unique'],
  [
    'a.yaml',
    'codes: [ { code: 201, meaning: x',
    'not valid JSON/YAML: Flow map in block collection must be sufficiently indented and end with a }',
    '不是有效的 JSON/YAML：Flow map in block collection must be sufficiently indented and end with a }',
  ],
  ['a.yaml', '  \n\n', 'expected a list of codes, or a mapping "codes:" of code to meaning', '应为状态码列表，或状态码到说明的 "codes:" 映射'],
  ['a.yaml', '['.repeat(5000), 'nested deeper than 400 levels: not a status-code table', '嵌套超过 400 层：不是状态码表'],
  [
    'a.yaml',
    '- code: 200\n  meaning: OK.\n- code: 200\n  meaning: Again.\n',
    'entry 2: 200 is documented twice (first on line 1)',
    '第 2 项: 200 被记录了两次（首次在第 1 行）',
  ],
  ['a.md', 'binary\u0000', 'the file is binary, not a table doc', '该文件是二进制文件，不是状态码表文档'],
  ['a.json', '{"a": "\u0000"}', 'the file is binary, not a table doc', '该文件是二进制文件，不是状态码表文档'],
];

// [fixture, English, Chinese]
const TABLE_FIXTURES: [string, string, string][] = [
  ['broken-row.md', 'row 2: expected a status code from 100 to 599, found "abc"', '第 2 行: 应为 100 到 599 之间的状态码，实际为 "abc"'],
  ['duplicate.md', 'row 3 of table 2: 404 is documented twice (first on line 13)', '表 2 第 3 行: 404 被记录了两次（首次在第 13 行）'],
  ['no-meaning.md', 'row 2: 404 has no meaning', '第 2 行: 404 没有说明'],
  ['bad.json', 'not valid JSON/YAML: Unexpected , in flow map', '不是有效的 JSON/YAML：Unexpected , in flow map'],
  ['bad.yaml', 'not valid JSON/YAML: Sequence item without - indicator', '不是有效的 JSON/YAML：Sequence item without - indicator'],
  ['shape.json', 'expected a list of codes, or a mapping "codes:" of code to meaning', '应为状态码列表，或状态码到说明的 "codes:" 映射'],
  ['method-clash.md', 'row 3: PUT is named as the normal answer of both 200 (row 1) and 202', '第 3 行: PUT 同时被写为 200（第 1 行）和 202 的正常返回'],
];

/** The rule ids as the unknown-rule problem lists them. */
const KNOWN_RULES = RULE_IDS.join(', ');

// [.statusdoc.json text, English, Chinese]
const CONFIGS: [string, string, string][] = [
  ['[', `not valid JSON: ${jsonError('[')}`, `不是有效的 JSON：${jsonError('[')}`],
  ['[]', 'expected a JSON object', '应为 JSON 对象'],
  ['{ "apis": {} }', '"apis" must be a list of { "spec", "prefix", "code" } entries', '"apis" 必须是由 { "spec", "prefix", "code" } 组成的列表'],
  [
    '{ "apis": ["docs/openapi.yaml"] }',
    '"apis[0]" must be an object with "spec" (and optionally "prefix" and "code")',
    '"apis[0]" 必须是包含 "spec"（以及可选的 "prefix" 和 "code"）的对象',
  ],
  [
    '{ "apis": [{ "prefix": "/v1" }] }',
    '"apis[0].spec" is required: the spec file, relative to .statusdoc.json',
    '"apis[0].spec" 是必需的：规范文件路径，相对于 ".statusdoc.json" 所在的文件夹',
  ],
  ['{ "apis": [{ "spec": "a.yaml" }, { "spec": 3 }] }', '"apis[1].spec" must be a string', '"apis[1].spec" 必须是字符串'],
  [
    '{ "apis": [{ "spec": "a.yaml", "prefix": "api/{v}" }] }',
    '"apis[0].prefix" must be a path such as "/api/v1" (starting with "/", no "{variables}")',
    '"apis[0].prefix" 必须是类似 "/api/v1" 的路径（以 "/" 开头，不含 "{变量}"）',
  ],
  [
    '{ "apis": [{ "spec": "a.yaml", "code": "src/" }] }',
    '"apis[0].code" must be a list of folders, relative to .statusdoc.json',
    '"apis[0].code" 必须是文件夹列表，相对于 ".statusdoc.json" 所在的文件夹',
  ],
  ['{ "table": 5 }', '"table" must be a path string', '"table" 必须是路径字符串'],
  ['{ "rules": [] }', '"rules" must be an object of rule id to severity', '"rules" 必须是规则 ID 到严重级别的对象'],
  ['{ "rules": { "x": "off" } }', `"rules.x": unknown rule (known: ${KNOWN_RULES})`, `"rules.x": 未知的规则（已知：${KNOWN_RULES}）`],
  [
    '{ "rules": { "undocumented-code": "loud" } }',
    '"rules.undocumented-code": expected one of error, warning, information, hint, off',
    '"rules.undocumented-code": 应为以下之一：error, warning, information, hint, off',
  ],
  ['{ "constants": 1 }', '"constants" must be an object with "source" and/or "module"', '"constants" 必须是包含 "source" 和/或 "module" 的对象'],
  [
    '{ "constants": { "source": "x" } }',
    '"constants.source": expected one of auto, nestjs, http-status-codes, http-status, node, module',
    '"constants.source": 应为以下之一：auto, nestjs, http-status-codes, http-status, node, module',
  ],
  ['{ "constants": { "module": 1 } }', '"constants.module" must be a path string', '"constants.module" 必须是路径字符串'],
  ['', `not valid JSON: ${jsonError('')}`, `不是有效的 JSON：${jsonError('')}`],
  ['null', 'expected a JSON object', '应为 JSON 对象'],
  ['{ "constants": [] }', '"constants" must be an object with "source" and/or "module"', '"constants" 必须是包含 "source" 和/或 "module" 的对象'],
];

// Words that stay as they are in Chinese text: names of things the user types, and formats.
const KEPT = new Set([
  'HTTP',
  'JSON',
  'YAML',
  'POST',
  'GET',
  'PUT',
  'DELETE',
  'PATCH',
  'FETCH',
  'NOPE',
  'code',
  'reason',
  'meaning',
  'methods',
  'codes',
  'source',
  'module',
  'table',
  'rules',
  'constants',
  'statusdoc',
  'zh-cn',
  'success',
  'error',
  'warning',
  'information',
  'hint',
  'off',
  'auto',
  'nestjs',
  'http-status-codes',
  'http-status',
  'node',
  ...RULE_IDS,
  'setting',
  'nope',
  'odd',
  'fine',
  'loud',
]);

/** What is left of a Chinese problem once paths, quoted values and a parser's own message are taken out. */
function leftoverEnglish(text: string): string[] {
  const stripped = text
    .replace(/(不是有效的 JSON(\/YAML)?：|无法读取状态码表：).*$/, '$1') // the parser's (or the exception's) own words
    .replace(/"[^"]*"/g, '')
    .replace(/\S*[/\\]\S*/g, '');
  return (stripped.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []).filter((word) => !KEPT.has(word));
}

function problemOf(name: string, text: string) {
  const result = loadTable(`/t/${name}`, text);
  if (result.ok) assert.fail(`${name}: ${JSON.stringify(text.slice(0, 40))} loads`);
  return result.problem;
}

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('table doc problems', () => {
  test('every kind a loader produces, in English and Chinese', () => {
    for (const [name, text, en, zh] of TABLE_DOCS) {
      const problem = problemOf(name, text);
      assert.equal(renderTableProblem(problem, 'en'), en, `${name}: ${JSON.stringify(text.slice(0, 60))}`);
      assert.equal(renderTableProblem(problem, 'zh-cn'), zh, en);
      assert.deepEqual(leftoverEnglish(zh), [], zh);
    }
  });

  test('the fixtures of broken docs', () => {
    for (const [name, en, zh] of TABLE_FIXTURES) {
      const problem = problemOf(name, fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
      assert.equal(renderTableProblem(problem, 'en'), en, name);
      assert.equal(renderTableProblem(problem, 'zh-cn'), zh, name);
      assert.deepEqual(leftoverEnglish(zh), [], zh);
    }
  });

  test('every kind of issue is met by the corpus above, but a reader that threw', () => {
    const met = new Set(TABLE_DOCS.map(([name, text]) => problemOf(name, text).issue.kind));
    const all: TableIssue['kind'][] = [
      'binary',
      'readerFailed',
      'noTable',
      'tooDeep',
      'invalidData',
      'notAList',
      'notAMapping',
      'unknownTranslation',
      'methodsNotAList',
      'unknownKind',
      'badCode',
      'duplicateCode',
      'noMeaning',
      'notAMethod',
      'methodClash',
    ];
    assert.deepEqual(
      all.filter((kind) => !met.has(kind)),
      ['readerFailed'],
    );
    const failed = { issue: { kind: 'readerFailed', message: 'Cannot read properties of undefined' } } as const;
    assert.equal(renderTableProblem(failed, 'en'), 'could not read the table: Cannot read properties of undefined');
    assert.equal(renderTableProblem(failed, 'zh-cn'), '无法读取状态码表：Cannot read properties of undefined');
  });

  test('rows of the bundled default table are named as such', () => {
    const problem = { issue: { kind: 'noMeaning', at: { kind: 'defaultRow', row: 4 }, code: 400 } } as const;
    assert.equal(renderTableProblem(problem, 'en'), 'default row 4: 400 has no meaning');
    assert.equal(renderTableProblem(problem, 'zh-cn'), '默认表第 4 行: 400 没有说明');
  });

  test('a value that looks like a phrase is shown as written, not translated', () => {
    // The phrase-by-phrase translation rewrote any "row N" it met, quoted values included.
    const problem = problemOf('a.json', '{ "codes": { "row 5": "x" } }');
    assert.equal(renderTableProblem(problem, 'zh-cn'), '条目 "row 5": 应为 100 到 599 之间的状态码，实际为 "row 5"');
  });
});

test('every .statusdoc.json problem, in English and Chinese', () => {
  for (const [text, en, zh] of CONFIGS) {
    const read = parseConfig(text);
    if (read.ok) assert.fail(`${text} is a valid config`);
    assert.equal(renderConfigIssue(read.problem, 'en'), en, text);
    assert.equal(renderConfigIssue(read.problem, 'zh-cn'), zh, text);
    assert.deepEqual(leftoverEnglish(zh), [], zh);
  }
});

test('problems the resolver composes: who named the doc, what became of it, which table is used', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-problem-')));
  made.push(dir);
  const at = (name: string) => path.join(dir, name);
  fs.writeFileSync(at('.statusdoc.json'), '{ "table": "codes.md" }');
  fs.mkdirSync(at('adir'));
  const resolver = new TableResolver();
  // Only the .statusdoc.json is inside the (untrusted) workspace; every table doc is outside.
  const outside = (file: string) => file === at('.statusdoc.json');
  const cases: [Problem | undefined, string, string][] = [
    [
      resolver.resolve({ dir }).problem,
      `${at('codes.md')} (named by ${at('.statusdoc.json')}): file not found`,
      `${at('codes.md')}（由 ${at('.statusdoc.json')} 指定）：找不到文件`,
    ],
    [
      resolver.resolve({ dir, explicit: 'missing.md', explicitFrom: 'flag' }).problem,
      `${at('missing.md')} (named by --table): file not found`,
      `${at('missing.md')}（由 --table 指定）：找不到文件`,
    ],
    [
      resolver.resolve({ dir, explicit: 'adir' }).problem,
      `${at('adir')} (named by the statusdoc.table setting): not a file`,
      `${at('adir')}（由 statusdoc.table 设置指定）：不是文件`,
    ],
    [
      resolver.resolve({ dir, explicit: 'x.md', mayRead: outside }).problem,
      `${at('x.md')} (named by the statusdoc.table setting) is outside the workspace, and an untrusted workspace reads no table from outside; the default table is used`,
      `${at('x.md')}（由 statusdoc.table 设置指定） 在工作区之外，不受信任的工作区不读取工作区外的状态码表；改用默认状态码表`,
    ],
    [
      resolver.resolve({ dir, mayRead: outside }).problem,
      `${at('codes.md')} (named by ${at('.statusdoc.json')}) is outside the workspace, and an untrusted workspace reads no table from outside; the default table is used`,
      `${at('codes.md')}（由 ${at('.statusdoc.json')} 指定） 在工作区之外，不受信任的工作区不读取工作区外的状态码表；改用默认状态码表`,
    ],
  ];
  fs.writeFileSync(at('codes.md'), 'nothing here\n');
  cases.push([
    resolver.resolve({ dir }).problem,
    `${at('codes.md')}: no status-code table found: expected rows that start with a code such as 404 (the default table is used)`,
    `${at('codes.md')}: 没有找到状态码表：应有以状态码（如 404）开头的行（改用默认状态码表）`,
  ]);
  fs.writeFileSync(at('codes.md'), '| Code | Meaning |\n|---|---|\n| 201 | x |\n');
  resolver.resolve({ dir });
  fs.writeFileSync(at('codes.md'), '| Code | Meaning |\n|---|---|\n| 2O1 | x |\n| 404 | y |\n| 409 | z |\n');
  const later = new Date(Date.now() + 20_000);
  fs.utimesSync(at('codes.md'), later, later);
  cases.push([
    resolver.resolve({ dir }).problem,
    `${at('codes.md')}:3: row 1: expected a status code from 100 to 599, found "2O1" (the last good version stays in force)`,
    `${at('codes.md')}:3: 第 1 行: 应为 100 到 599 之间的状态码，实际为 "2O1"（仍使用上一个正确的版本）`,
  ]);
  fs.mkdirSync(at('sub'));
  fs.writeFileSync(at('sub/.statusdoc.json'), '{ "rules": { "nope": "off" } }');
  cases.push([
    resolver.resolve({ dir: at('sub') }).problem,
    `${at('sub/.statusdoc.json')}: "rules.nope": unknown rule (known: ${KNOWN_RULES})`,
    `${at('sub/.statusdoc.json')}: "rules.nope": 未知的规则（已知：${KNOWN_RULES}）`,
  ]);
  fs.mkdirSync(at('sub2/.statusdoc.json'), { recursive: true });
  cases.push([resolver.resolve({ dir: at('sub2') }).problem, `${at('sub2/.statusdoc.json')}: not a file`, `${at('sub2/.statusdoc.json')}：不是文件`]);
  cases.push([
    resolver.resolve({ dir, mayRead: () => false }).problem,
    `${at('.statusdoc.json')} is a link to a file outside the workspace, and an untrusted workspace reads nothing from outside; it is ignored`,
    `${at('.statusdoc.json')} 链接到工作区之外的文件，不受信任的工作区不读取工作区外的内容；已忽略该文件`,
  ]);

  for (const [problem, en, zh] of cases) {
    assert.ok(problem, en);
    assert.equal(renderProblem(problem, 'en'), en);
    assert.equal(renderProblem(problem, 'zh-cn'), zh);
    assert.deepEqual(leftoverEnglish(zh), [], zh);
  }
  assert.deepEqual(cases[6][0], {
    kind: 'tableInvalid',
    file: at('codes.md'),
    line: 3,
    issue: { kind: 'badCode', at: { kind: 'row', row: 1 }, found: '2O1' },
    kept: 'lastGood',
  });
});

test('a file the system refuses to read, or a parser that throws: their own words after the file', () => {
  const io: Problem = {
    kind: 'tableUnreadable',
    file: '/w/t.md',
    namedBy: { kind: 'flag' },
    failure: { kind: 'ioError', message: "EACCES: permission denied, open '/w/t.md'" },
  };
  assert.equal(renderProblem(io, 'en'), "/w/t.md (named by --table): EACCES: permission denied, open '/w/t.md'");
  assert.equal(renderProblem(io, 'zh-cn'), "/w/t.md（由 --table 指定）: EACCES: permission denied, open '/w/t.md'");
  const parse: Problem = { kind: 'configUnreadable', file: '/w/.statusdoc.json', failure: { kind: 'parseFailed', message: 'boom' } };
  assert.equal(renderProblem(parse, 'en'), '/w/.statusdoc.json: boom');
});

test('the editor frames a problem; the CLI calls it a bad table, and uses no table instead (it stops)', () => {
  const problem: Problem = {
    kind: 'tableInvalid',
    file: '/w/codes.md',
    line: 3,
    issue: { kind: 'noMeaning', at: { kind: 'row', row: 1 }, code: 404 },
    kept: 'default',
  };
  assert.equal(MESSAGES.tableProblem('en', problem), 'statusdoc: /w/codes.md:3: row 1: 404 has no meaning (the default table is used)');
  assert.equal(
    MESSAGES.tableProblem('zh-cn', problem),
    'statusdoc：状态码表或 .statusdoc.json 有问题：/w/codes.md:3: 第 1 行: 404 没有说明（改用默认状态码表）',
  );
  assert.equal(CLI_MESSAGES.badTable('en', problem), 'bad table: /w/codes.md:3: row 1: 404 has no meaning');
  assert.equal(CLI_MESSAGES.badTable('zh-cn', problem), '状态码表有问题：/w/codes.md:3: 第 1 行: 404 没有说明');
});

test('the CLI names a .statusdoc.json problem by its file, not as a bad table', () => {
  const problem: Problem = { kind: 'configInvalid', file: '/w/.statusdoc.json', issue: { kind: 'unknownKeys', keys: ['tabel'], known: CONFIG_KEYS } };
  assert.equal(
    CLI_MESSAGES.badTable('en', problem),
    '/w/.statusdoc.json: unknown key "tabel", ignored (known: table, rules, constants.source, constants.module, apis)',
  );
  assert.equal(
    CLI_MESSAGES.badTable('zh-cn', problem),
    '/w/.statusdoc.json: 未知的键 "tabel"，已忽略（已知：table, rules, constants.source, constants.module, apis）',
  );
});

test("a YAML table of several documents: a sentence for its author, not the library's advice to programmers", () => {
  const result = loadTable('codes.yaml', 'codes:\n  - code: 201\n    meaning: POST.\n---\nother: 1\n');
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.problem.line, 4);
  const text = renderTableProblem(result.problem, 'en');
  assert.equal(text, 'the file holds more than one YAML document (a "---" line between them); keep the table as its only document');
  assert.doesNotMatch(text, /parseAllDocuments/);
});

test('problemKey: the same problem, however its fields were written, has one key; another problem another', () => {
  const a: Problem = {
    kind: 'tableInvalid',
    file: '/w/codes.md',
    line: 3,
    issue: { kind: 'badCode', at: { kind: 'row', row: 1 }, found: '2O1' },
    kept: 'default',
  };
  const reordered: Problem = {
    kept: 'default',
    issue: { found: '2O1', at: { row: 1, kind: 'row' }, kind: 'badCode' },
    line: 3,
    file: '/w/codes.md',
    kind: 'tableInvalid',
  };
  assert.equal(problemKey(a), problemKey(reordered));
  assert.equal(problemKey({ ...a, line: undefined }), problemKey({ kind: 'tableInvalid', file: '/w/codes.md', issue: a.issue, kept: 'default' }));
  assert.notEqual(problemKey(a), problemKey({ ...a, kept: 'lastGood' }));
  assert.notEqual(problemKey(a), problemKey({ ...a, issue: { kind: 'badCode', at: { kind: 'row', row: 1, table: 2 }, found: '2O1' } }));
});

test('why a file is not checked: the CLI note in both languages, English for the server log', () => {
  const huge = 'x'.repeat(2_001);
  const reason = skipReason(huge, 2_000)!;
  assert.deepEqual(reason, { kind: 'too-large', chars: 2_001, limit: 2_000 });
  assert.equal(CLI_MESSAGES.skipped('en', 'big.ts', reason), 'skipped big.ts: larger than 2,000 characters (2,001)');
  assert.equal(CLI_MESSAGES.skipped('zh-cn', 'big.ts', reason), '已跳过 big.ts：超过 2,000 个字符（2,001）');
  assert.equal(CLI_MESSAGES.skipCause('en', skipReason('a\u0000')!), 'binary content');
  assert.equal(CLI_MESSAGES.skipCause('zh-cn', { kind: 'too-deep', limit: 400 }), '嵌套超过 400 层');
  assert.match(
    CLI_MESSAGES.skipCause('en', { kind: 'failure', firstLine: 'RangeError: Maximum call stack size exceeded' }),
    /could not finish reading it \(RangeError: .*\); run with --debug/,
  );
  assert.equal(skipReason('const a = 1;'), undefined);
});
