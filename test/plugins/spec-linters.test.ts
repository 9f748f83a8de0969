/**
 * statusdoc inside the spec linters teams already run: the real Redocly CLI with the statusdoc plugin and the real
 * Spectral CLI with the statusdoc ruleset give the findings `statusdoc check` gives (rule and line), on the examples
 * and on a generated spec, under the same table and .statusdoc.json.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { generateSpec } from './generatedSpec';
import { places, redoclyLint, spectralLint, statusdocCheck, REDOCLY_PLUGIN, SPECTRAL_RULESET, type ToolFinding } from './specTools';

const EXAMPLES = path.resolve(__dirname, '../../examples/openapi');
const made: string[] = [];

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-spec-linters-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A team's own table: PATCH answers 200, 418 is documented, 429 and 503 are not. */
const TEAM_TABLE = `codes:
  - { code: 200, reason: OK, meaning: Normal answer of GET, PUT and PATCH., methods: [GET, PUT, PATCH] }
  - { code: 201, reason: Created, meaning: Normal answer of POST., methods: [POST] }
  - { code: 204, reason: No Content, meaning: Normal answer of DELETE., methods: [DELETE] }
  - { code: 400, reason: Bad Request, meaning: The request cannot be processed. }
  - { code: 404, reason: Not Found, meaning: No such resource. }
  - { code: 409, reason: Conflict, meaning: A conflict stopped the request. }
  - { code: 418, reason: "I'm a teapot", meaning: The team's own code. }
  - { code: 500, reason: Internal Server Error, meaning: Service fault. }
`;

describe('Redocly plugin and Spectral ruleset', () => {
  test('the bundles are built (npm run build)', () => {
    assert.ok(fs.existsSync(REDOCLY_PLUGIN), `${REDOCLY_PLUGIN} is missing: run npm run build`);
    assert.ok(fs.existsSync(SPECTRAL_RULESET), `${SPECTRAL_RULESET} is missing: run npm run build`);
  });

  for (const name of fs.readdirSync(EXAMPLES).filter((file) => /\.ya?ml$/.test(file))) {
    test(`examples/openapi/${name}: the same findings as statusdoc check`, () => {
      const spec = path.join(EXAMPLES, name);
      const dir = folder({});
      const expected = statusdocCheck(spec, dir);
      assert.ok(expected.length > 0, 'the example has findings to compare');
      const redocly = redoclyLint(spec, dir);
      const spectral = spectralLint(spec, dir);
      assert.deepEqual(places(redocly), places(expected));
      assert.deepEqual(places(spectral), places(expected));
      // Redocly carries statusdoc's own message; Spectral too ('{{error}}').
      assert.deepEqual(redocly.map((f) => f.message).sort(), expected.map((f) => f.message).sort());
      assert.deepEqual(spectral.map((f) => f.message).sort(), expected.map((f) => f.message).sort());
    });
  }

  test('a generated spec, YAML and JSON, under a team table named by .statusdoc.json', () => {
    const generated = generateSpec(14, 40);
    const dir = folder({
      'spec.yaml': generated.yaml,
      'spec.json': generated.json,
      'table.yaml': TEAM_TABLE,
      '.statusdoc.json': '{ "table": "table.yaml" }',
    });
    const expected = statusdocCheck('spec.yaml', dir);
    const rules = new Set(expected.map((f) => f.rule));
    assert.ok(rules.has('wrong-success-code') && rules.has('undocumented-code'), 'both rules fire on the generated spec');
    // The team table is in force: 418 documented, PATCH judged, 503 not documented.
    assert.ok(!expected.some((f) => f.message.startsWith('418')), '418 is documented by the team table');
    assert.ok(
      expected.some((f) => f.message.startsWith('503')),
      '503 is not documented by the team table',
    );
    assert.ok(
      expected.some((f) => f.message.startsWith('PATCH')),
      'PATCH is judged by the team table',
    );

    assert.deepEqual(places(redoclyLint('spec.yaml', dir)), places(expected));
    assert.deepEqual(places(spectralLint('spec.yaml', dir)), places(expected));

    // JSON: the same keys on other lines, so compare by key; `statusdoc check` reads the JSON spec too.
    const idOf = (line: number, which: 'yamlLine' | 'jsonLine') => generated.keys.find((key) => key[which] === line)?.id ?? `line ${line}`;
    const byKey = (findings: ToolFinding[], which: 'yamlLine' | 'jsonLine') => findings.map((f) => `${idOf(f.line, which)} ${f.rule}`).sort();
    assert.deepEqual(byKey(statusdocCheck('spec.json', dir), 'jsonLine'), byKey(expected, 'yamlLine'));
    assert.deepEqual(byKey(redoclyLint('spec.json', dir), 'jsonLine'), byKey(expected, 'yamlLine'));
    assert.deepEqual(byKey(spectralLint('spec.json', dir), 'jsonLine'), byKey(expected, 'yamlLine'));
  });

  test('.statusdoc.json severities: a rule turned off there is off in both tools', () => {
    const spec = fs.readFileSync(path.join(EXAMPLES, 'orders.yaml'), 'utf8');
    const dir = folder({ 'orders.yaml': spec, '.statusdoc.json': '{ "rules": { "undocumented-code": "off" } }' });
    const expected = statusdocCheck('orders.yaml', dir);
    assert.deepEqual([...new Set(expected.map((f) => f.rule))], ['wrong-success-code']);
    assert.deepEqual(places(redoclyLint('orders.yaml', dir)), places(expected));
    assert.deepEqual(places(spectralLint('orders.yaml', dir)), places(expected));
  });

  test('a broken .statusdoc.json is reported by both tools, never a clean result', () => {
    const spec = fs.readFileSync(path.join(EXAMPLES, 'orders.yaml'), 'utf8');
    const dir = folder({ 'orders.yaml': spec, '.statusdoc.json': '{ "table": "missing.md" }' });
    for (const findings of [redoclyLint('orders.yaml', dir), spectralLint('orders.yaml', dir)]) {
      assert.ok(findings.length > 0);
      assert.ok(
        findings.every((f) => f.message.includes('missing.md')),
        findings.map((f) => f.message).join('\n'),
      );
    }
  });
});
