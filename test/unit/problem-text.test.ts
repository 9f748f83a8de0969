/** Every kind of table / .statusdoc.json problem reads in Chinese for a zh-cn user, with nothing English left over. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { problemText } from '../../server/src/core/problemText';
import { loadTable } from '../../server/src/core/table/load';
import { parseConfig } from '../../server/src/project/config';
import { TableResolver } from '../../server/src/project/tables';

const TABLE_DOCS: [string, string][] = [
  ['a.md', ''],
  ['a.md', '| Code | Meaning |\n|---|---|\n| 2O1 | x |\n'],
  ['a.md', '| Code | Meaning |\n|---|---|\n| 201 | x |\n| 201 | y |\n'],
  ['a.md', '| Code | Meaning |\n|---|---|\n| 201 | |\n'],
  ['a.md', '| Code | Meaning |\n|---|---|\n| 200 | GET操作正常返回。 |\n| 202 | GET操作正常返回。 |\n'],
  ['a.md', '<table><tr><th>正常返回码</th><th>说明</th></tr><tr><td>20x</td><td>x</td></tr><tr><td>201</td><td>y</td></tr></table>\n| Code | Meaning |\n|---|---|\n| 600 | z |\n'],
  ['a.json', '{ "codes": [ { "code": 201, "meaning": "x", "methods": ["FETCH"] } ] }'],
  ['a.json', '{ "codes": [ { "code": 201, "meaning": "x", "methods": "POST" } ] }'],
  ['a.json', '{ "codes": [ { "code": 201, "meaning": "x", "kind": "fine" } ] }'],
  ['a.json', '{ "codes": [ { "code": 201, "meaning": "x", "translations": { "fr": "y" } } ] }'],
  ['a.json', '{ "codes": [ 201 ] }'],
  ['a.json', '{ "codes": { "201": "x", "20": "y" } }'],
  ['a.json', '"just a string"'],
  ['a.yaml', 'codes: [ { code: 201, meaning: x'],
  ['a.yaml', '['.repeat(5000)],
  ['a.md', 'binary\u0000'],
];
const CONFIGS = ['[', '[]', '{ "table": 5 }', '{ "rules": [] }', '{ "rules": { "x": "off" } }', '{ "rules": { "undocumented-code": "loud" } }', '{ "constants": 1 }', '{ "constants": { "source": "x" } }', '{ "constants": { "module": 1 } }'];

// Words that stay as they are in Chinese text: names of things the user types, and formats.
const KEPT = new Set(['HTTP', 'JSON', 'YAML', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'FETCH', 'code', 'reason', 'meaning', 'methods', 'codes', 'source', 'module', 'table', 'rules', 'constants', 'statusdoc', 'zh-cn', 'success', 'error', 'warning', 'information', 'hint', 'off', 'auto', 'nestjs', 'http-status-codes', 'http-status', 'node', 'wrong-success-code', 'undocumented-code', 'implicit-success-code', 'setting']);

/** What is left of a translated problem once paths, quoted values and a parser's own message are taken out. */
function leftoverEnglish(text: string): string[] {
  const stripped = text
    .replace(/(不是有效的 JSON(\/YAML)?：).*$/, '$1') // the JSON/YAML parser's own words
    .replace(/"[^"]*"/g, '')
    .replace(/\S*[/\\]\S*/g, '');
  return (stripped.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []).filter((word) => !KEPT.has(word));
}

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

test('every table doc problem', () => {
  for (const [name, text] of TABLE_DOCS) {
    const result = loadTable(`/t/${name}`, text);
    assert.equal(result.ok, false, text.slice(0, 40));
    const zh = problemText('zh-cn', result.ok ? '' : result.problem.message);
    assert.deepEqual(leftoverEnglish(zh), [], `${result.ok ? '' : result.problem.message} -> ${zh}`);
  }
});

test('every .statusdoc.json problem', () => {
  for (const text of CONFIGS) {
    const read = parseConfig(text);
    assert.equal(read.ok, false, text);
    const zh = problemText('zh-cn', read.ok ? '' : read.problem);
    assert.deepEqual(leftoverEnglish(zh), [], `${read.ok ? '' : read.problem} -> ${zh}`);
  }
});

test('problems the resolver composes: missing doc, who named it, last good version, untrusted', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-problem-')));
  made.push(dir);
  fs.writeFileSync(path.join(dir, '.statusdoc.json'), '{ "table": "codes.md" }');
  const resolver = new TableResolver();
  const problems = [
    resolver.resolve({ dir }).problem,
    resolver.resolve({ dir, explicit: 'missing.md', explicitFrom: '--table' }).problem,
    resolver.resolve({ dir, explicit: 'missing.md' }).problem,
    resolver.resolve({ dir, explicit: 'x.md', mayRead: () => 'is outside the workspace, and an untrusted workspace reads no table from outside' }).problem,
  ];
  fs.writeFileSync(path.join(dir, 'codes.md'), '| Code | Meaning |\n|---|---|\n| 201 | x |\n');
  resolver.resolve({ dir });
  fs.writeFileSync(path.join(dir, 'codes.md'), '| Code | Meaning |\n|---|---|\n| 2O1 | x |\n| 404 | y |\n| 409 | z |\n');
  problems.push(resolver.resolve({ dir }).problem);
  for (const problem of problems) {
    assert.ok(problem);
    assert.deepEqual(leftoverEnglish(problemText('zh-cn', problem)), [], `${problem} -> ${problemText('zh-cn', problem)}`);
  }
  assert.match(problemText('zh-cn', problems[4]!), /codes\.md:3: 第 1 行: 应为 100 到 599 之间的状态码，实际为 "2O1"（仍使用上一个正确的版本）/);
  assert.equal(problemText('en', problems[4]!), problems[4], 'English stays as written');
});
