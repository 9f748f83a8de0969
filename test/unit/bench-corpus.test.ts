/**
 * The benchmark's corpus generator: deterministic, and its record of planted problems is exactly what the text
 * holds (found independently here, with the yaml parser for the spec and line scans for the TS files).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { expressFile } from '../bench/corpus/express';
import { openApiSpec } from '../bench/corpus/openapi';
import { DOCUMENTED_CODES, SUCCESS_BY_METHOD, type GeneratedText } from '../bench/corpus/planted';
import { expressNestProject } from '../bench/corpus/project';
import { crossCheck } from '../bench/reports';

/** A code a tool holding the table should flag for this method, and under which rule. */
function violation(method: string, code: number): string | undefined {
  if (!DOCUMENTED_CODES.includes(code)) return 'undocumented-code';
  const success = SUCCESS_BY_METHOD[method];
  return success !== undefined && code >= 200 && code < 300 && code !== success ? 'wrong-success-code' : undefined;
}

const recorded = (generated: GeneratedText) => generated.planted.map((problem) => `${problem.line} ${problem.method} ${problem.code} ${problem.rule}`).sort();

test('the spec generator is deterministic: same seed, same bytes; another seed, other bytes', () => {
  assert.equal(openApiSpec(100, 7).text, openApiSpec(100, 7).text);
  assert.notEqual(openApiSpec(100, 7).text, openApiSpec(100, 8).text);
});

test('every response key the table would flag in the 100-operation spec is planted and recorded at its line', () => {
  const spec = openApiSpec(100, 7);
  const lineCounter = new LineCounter();
  const doc = parseDocument(spec.text, { lineCounter });
  assert.deepEqual(doc.errors, []);
  const flagged: string[] = [];
  let operations = 0;
  for (const pathItem of (doc.get('paths') as YAMLMap).items) {
    for (const operation of (pathItem.value as YAMLMap).items) {
      if (!isScalar(operation.key) || !isMap(operation.value)) continue;
      operations++;
      const method = String(operation.key.value).toUpperCase();
      for (const response of (operation.value.get('responses') as YAMLMap).items) {
        const key = response.key as { value: unknown; range: [number, number, number] };
        const rule = violation(method, Number(key.value));
        if (rule) flagged.push(`${lineCounter.linePos(key.range[0]).line} ${method} ${Number(key.value)} ${rule}`);
      }
    }
  }
  assert.equal(operations, 100);
  assert.ok(spec.planted.length >= 4, 'a handful of problems planted');
  assert.deepEqual(flagged.sort(), recorded(spec));
  assert.ok(
    spec.planted.some((problem) => problem.method === 'POST' && problem.code === 200),
    'a POST documenting 200 is among them',
  );
});

test('every status the table would flag in the 1,000-line Express file is planted and recorded at its line', () => {
  const file = expressFile(1000, 7);
  assert.equal(file.text, expressFile(1000, 7).text);
  const lines = file.text.split('\n');
  assert.ok(Math.abs(lines.length - 1000) < 50, `about 1,000 lines, not ${lines.length}`);
  const flagged: string[] = [];
  let method = '';
  lines.forEach((text, index) => {
    const handler = /^(?:router\.(get|post|put|delete)\('[^']*', async|async function (get|post|put|delete)[A-Z])/.exec(text);
    if (handler) method = (handler[1] ?? handler[2]).toUpperCase();
    for (const match of text.matchAll(/(?:status|sendStatus)\((\d{3})\)|statusCode = (\d{3})/g)) {
      const rule = violation(method, Number(match[1] ?? match[2]));
      if (rule) flagged.push(`${index + 1} ${method} ${Number(match[1] ?? match[2])} ${rule}`);
    }
  });
  assert.ok(file.planted.length >= 4);
  assert.deepEqual(flagged.sort(), recorded(file));
});

test('the project generator is deterministic and each planted problem sits on the line the record names', () => {
  const first = expressNestProject(50, 7);
  assert.deepEqual(first, expressNestProject(50, 7));
  assert.equal(first.files.length, 50);
  const texts = new Map(first.files.map((file) => [file.path, file.text.split('\n')]));
  assert.ok(first.planted.length >= 5);
  for (const problem of first.planted) {
    const line = texts.get(problem.file)?.[problem.line - 1] ?? '';
    if (problem.rule === 'implicit-success-code') assert.match(line, /@Delete\(/, problem.what);
    else assert.match(line, new RegExp(`\\b${problem.code}\\)`), problem.what);
  }
  const rules = new Set(first.planted.map((problem) => problem.rule));
  assert.deepEqual([...rules].sort(), ['implicit-success-code', 'undocumented-code', 'wrong-success-code']);
});

test('the cross-check counts planted problems reported on their line, apart from parser noise and other lines', () => {
  const planted = [
    { file: 'a.yaml', line: 3, rule: 'wrong-success-code' as const, code: 200, method: 'POST', what: '' },
    { file: 'a.yaml', line: 9, rule: 'undocumented-code' as const, code: 418, method: 'GET', what: '' },
  ];
  const result = crossCheck(planted, [
    { file: 'a.yaml', line: 3, rule: 'post-success-201' },
    { file: 'a.yaml', line: 9, rule: 'parser' },
    { file: 'a.yaml', line: 12, rule: 'undocumented-code' },
  ]);
  assert.equal(result.found, 1);
  assert.deepEqual(result.missed, [planted[1]]);
  assert.equal(result.other, 1);
  assert.equal(result.parserNoise, 1);
});
