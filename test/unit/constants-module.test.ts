/**
 * The project's constants module, generated from the documented table: one member per documented code, each with
 * a doc comment carrying the documented meaning (Chinese as documented, English beside it). Re-generating after the
 * table changed differs exactly where the table did.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { generateConstantsModule, moduleMemberName } from '../../server/src/core/constants/module';
import { analyzeDocument } from '../../server/src/core/sites';
import { DEFAULT_TABLE } from '../../server/src/core/table/defaultTable';
import { loadTable } from '../../server/src/core/table/load';
import type { StatusTable } from '../../server/src/core/table/types';

/** Evaluates the generated module (transpiled to CommonJS) and returns its exports. */
function evaluate(source: string): Record<string, unknown> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', js)(module, module.exports);
  return module.exports;
}

/** Each member's doc comment text (without the comment markers), by member name. */
function docComments(source: string): Map<string, string> {
  const comments = new Map<string, string>();
  const pattern = /\/\*\*\n((?: +\*(?: .*)?\n)+) +\*\/\n +([A-Z0-9_]+): (\d{3}),/g;
  for (const match of source.matchAll(pattern)) {
    const body = match[1]
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^ +\* ?/, ''));
    comments.set(match[2], body.join('\n'));
  }
  return comments;
}

/** Lines only in `a` (removed) and only in `b` (added), in order, by a longest-common-subsequence diff. */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < y.length && (i === x.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(y[j++]);
    } else {
      removed.push(x[i++]);
    }
  }
  return { removed, added };
}

/** A team's doc as a Markdown pipe table with an English column: the default rows, with `change` applied. */
function teamDoc(change: (rows: string[][]) => string[][]): string {
  const rows = [...DEFAULT_TABLE.entries.values()].map((entry) => [String(entry.code), entry.reason, entry.meanings['zh-cn']!, entry.meanings.en!]);
  return [
    '# 状态码',
    '',
    '| Code | Reason | 说明 | Meaning (en) |',
    '|------|--------|------|--------------|',
    ...change(rows).map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

function load(doc: string): StatusTable {
  const result = loadTable('/team/docs/status-codes.md', doc);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problem));
  return result.table;
}

const DEFAULT_MODULE = generateConstantsModule(DEFAULT_TABLE, 'statusdoc default table');

describe('the constants module from the default table', () => {
  test('one member per documented code, named as the libraries name them, holding the code', () => {
    const exported = evaluate(DEFAULT_MODULE).DocumentedStatus as Record<string, number>;
    assert.deepEqual(exported, {
      OK: 200,
      CREATED: 201,
      NO_CONTENT: 204,
      BAD_REQUEST: 400,
      UNAUTHORIZED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      NOT_ACCEPTABLE: 406,
      PROXY_AUTHENTICATION_REQUIRED: 407,
      REQUEST_TIMEOUT: 408,
      CONFLICT: 409,
      INTERNAL_SERVER_ERROR: 500,
      NOT_IMPLEMENTED: 501,
      BAD_GATEWAY: 502,
      SERVICE_UNAVAILABLE: 503,
      GATEWAY_TIMEOUT: 504,
    });
    // Undocumented codes have no member.
    assert.equal(Object.hasOwn(exported, 'TOO_MANY_REQUESTS'), false);
    assert.equal(Object.hasOwn(exported, 'IM_A_TEAPOT'), false);
  });

  test('each member has a doc comment with the documented Chinese meaning and the English one', () => {
    const comments = docComments(DEFAULT_MODULE);
    assert.equal(comments.size, DEFAULT_TABLE.entries.size);
    assert.equal(comments.get('CREATED'), '201 Created — POST操作正常返回。\n\nNormal answer of POST.\n\nDocumented normal answer of POST.');
    assert.equal(comments.get('OK'), '200 OK — GET和PUT操作正常返回。\n\nNormal answer of GET and PUT.\n\nDocumented normal answer of GET, PUT.');
    assert.equal(
      comments.get('SERVICE_UNAVAILABLE'),
      '503 Service Unavailable — 请求未完成，系统暂时异常。\n\nThe request was not completed: the system is temporarily abnormal.',
    );
    for (const entry of DEFAULT_TABLE.entries.values()) {
      const comment = comments.get(moduleMemberName(DEFAULT_TABLE, entry.code))!;
      assert.ok(comment.includes(entry.meanings['zh-cn']!), `${entry.code}: Chinese`);
      assert.ok(comment.includes(entry.meanings.en!), `${entry.code}: English`);
    }
  });

  test('a header names the table; the module also exports the type of a documented code', () => {
    assert.match(DEFAULT_MODULE, /^\/\/ Generated by statusdoc from the documented status-code table \(statusdoc default table\)\./);
    assert.match(DEFAULT_MODULE, /export type DocumentedStatus = \(typeof DocumentedStatus\)\[keyof typeof DocumentedStatus\];/);
  });

  test("statusdoc reads the module's members back as the codes they hold", () => {
    for (const entry of DEFAULT_TABLE.entries.values()) {
      const text = `res.status(DocumentedStatus.${moduleMemberName(DEFAULT_TABLE, entry.code)});\n`;
      assert.deepEqual(
        analyzeDocument(text, 'typescript').sites.map((site) => site.code),
        [entry.code],
        text,
      );
    }
  });

  test('it is valid TypeScript', () => {
    const output = ts.transpileModule(DEFAULT_MODULE, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
    assert.deepEqual(output.diagnostics ?? [], []);
  });
});

describe('the constants module after the table changed', () => {
  // The team changed what 201 means (POST and PATCH now) and documented 429.
  const TEAM = teamDoc((rows) => {
    const changed = rows.map((row) => (row[0] === '201' ? ['201', 'Created', 'POST和PATCH操作正常返回。', 'Normal answer of POST and PATCH.'] : row));
    const at = changed.findIndex((row) => row[0] === '500');
    changed.splice(at, 0, ['429', 'Too Many Requests', '请求过于频繁，请稍后重试。', 'Too many requests: retry later.']);
    return changed;
  });
  const team = load(TEAM);
  const TEAM_MODULE = generateConstantsModule(team, 'docs/status-codes.md');

  test('the team table: 201 for POST and PATCH, 429 documented', () => {
    assert.equal(team.successCodeByMethod.get('PATCH'), 201);
    assert.equal(team.entries.get(429)?.reason, 'Too Many Requests');
  });

  test('members: the 429 member is added, holding 429; the others are unchanged', () => {
    const exported = evaluate(TEAM_MODULE).DocumentedStatus as Record<string, number>;
    const before = evaluate(DEFAULT_MODULE).DocumentedStatus as Record<string, number>;
    assert.deepEqual(exported, { ...before, TOO_MANY_REQUESTS: 429 });
    // In code order: 429 between 409 and 500.
    const names = Object.keys(exported);
    assert.equal(names[names.indexOf('TOO_MANY_REQUESTS') - 1], 'CONFLICT');
    assert.equal(names[names.indexOf('TOO_MANY_REQUESTS') + 1], 'INTERNAL_SERVER_ERROR');
  });

  test('doc comments carry the changed meaning and the new one, Chinese and English', () => {
    const comments = docComments(TEAM_MODULE);
    assert.equal(
      comments.get('CREATED'),
      '201 Created — POST和PATCH操作正常返回。\n\nNormal answer of POST and PATCH.\n\nDocumented normal answer of POST, PATCH.',
    );
    assert.equal(comments.get('TOO_MANY_REQUESTS'), '429 Too Many Requests — 请求过于频繁，请稍后重试。\n\nToo many requests: retry later.');
  });

  test('re-generation differs exactly where the table changed', () => {
    // Same label, so only the table's change can differ: the 201 comment's lines, and the 429 member before 500.
    const regenerated = generateConstantsModule(team, 'statusdoc default table');
    const expected = DEFAULT_MODULE.replace(
      '   * 201 Created — POST操作正常返回。\n   *\n   * Normal answer of POST.\n   *\n   * Documented normal answer of POST.\n',
      '   * 201 Created — POST和PATCH操作正常返回。\n   *\n   * Normal answer of POST and PATCH.\n   *\n   * Documented normal answer of POST, PATCH.\n',
    ).replace(
      '  CONFLICT: 409,\n',
      '  CONFLICT: 409,\n  /**\n   * 429 Too Many Requests — 请求过于频繁，请稍后重试。\n   *\n   * Too many requests: retry later.\n   */\n  TOO_MANY_REQUESTS: 429,\n',
    );
    assert.notEqual(expected, DEFAULT_MODULE);
    assert.equal(regenerated, expected);
    // The same, as a line diff: three comment lines changed, six lines added.
    const { removed, added } = lineDiff(DEFAULT_MODULE, regenerated);
    assert.deepEqual(removed, ['   * 201 Created — POST操作正常返回。', '   * Normal answer of POST.', '   * Documented normal answer of POST.']);
    assert.equal(added.length, 3 + 6);
    assert.ok(added.includes('  TOO_MANY_REQUESTS: 429,'));
  });

  test('re-generating from the same table gives the same text', () => {
    assert.equal(generateConstantsModule(load(TEAM), 'docs/status-codes.md'), TEAM_MODULE);
  });

  test('a doc written in English keeps English first, with no Chinese', () => {
    const english = load(
      '| Code | Reason | Meaning |\n|---|---|---|\n| 201 | Created | The order was created (POST). |\n| 404 | Not Found | No such order. |\n',
    );
    const comments = docComments(generateConstantsModule(english, 'x'));
    assert.equal(comments.get('CREATED'), '201 Created — The order was created (POST).\n\nDocumented normal answer of POST.');
    assert.equal(comments.get('NOT_FOUND'), '404 Not Found — No such order.');
  });
});

describe('the constants module with unusual tables', () => {
  test('a meaning holding */ cannot end the doc comment early', () => {
    const table = load('| Code | Reason | Meaning |\n|---|---|---|\n| 404 | Not Found | See docs/*/errors.md */ then. |\n');
    const source = generateConstantsModule(table, 'x');
    assert.deepEqual(evaluate(source).DocumentedStatus, { NOT_FOUND: 404 });
  });

  test('a reason that is not an identifier falls back to the library name, else STATUS_<code>', () => {
    const table = load('| Code | Reason | Meaning |\n|---|---|---|\n| 201 | 已创建 | POST操作正常返回。 |\n| 299 | 2FA required | 需要两步验证。 |\n');
    assert.equal(moduleMemberName(table, 201), 'CREATED');
    assert.equal(moduleMemberName(table, 299), 'STATUS_299');
    assert.deepEqual(evaluate(generateConstantsModule(table, 'x')).DocumentedStatus, { CREATED: 201, STATUS_299: 299 });
  });

  test('two rows with the same reason still give two members, and valid TypeScript', () => {
    const table = load('| Code | Reason | Meaning |\n|---|---|---|\n| 500 | Server Error | 服务异常。 |\n| 503 | Server Error | 系统暂时异常。 |\n');
    const source = generateConstantsModule(table, 'x');
    const exported = evaluate(source).DocumentedStatus as Record<string, number>;
    assert.deepEqual(exported, { INTERNAL_SERVER_ERROR: 500, SERVICE_UNAVAILABLE: 503 });
    const host = ts.createCompilerHost({ strict: true, noEmit: true, skipLibCheck: true, types: [] });
    const original = host.getSourceFile;
    host.getSourceFile = (name, version) => (name === '/x/http-status.ts' ? ts.createSourceFile(name, source, version) : original.call(host, name, version));
    const program = ts.createProgram(['/x/http-status.ts'], { strict: true, noEmit: true, skipLibCheck: true, types: [] }, host);
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((diagnostic) => diagnostic.file?.fileName === '/x/http-status.ts');
    assert.deepEqual(
      diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
      [],
    );
  });
});
