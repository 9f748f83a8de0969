/** The rules' entries of the manifest, translations and schema are written by `npm run sync` from RULES; they must be in step. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES, SEVERITY_SETTINGS, type RuleMeta } from '../../server/src/core/checks/rules';
import { RULE_ENTRY_FILES, syncRuleEntries, type RuleEntryFile } from '../../scripts/rule-entries';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const CURRENT = { rules: RULES, severities: SEVERITY_SETTINGS };

/** A rule that does not exist, to see where the script puts a new one (its id is not a RuleId, hence the cast). */
const DUMMY = {
  id: 'dummy-rule',
  defaultSeverity: 'hint',
  description: { en: 'A rule for this test only.', 'zh-cn': '仅供本测试使用的规则。' },
} as unknown as RuleMeta;

test('the rules entries of the manifest, both translations and the schema are what RULES gives', () => {
  for (const file of RULE_ENTRY_FILES) {
    const text = read(file);
    assert.ok(syncRuleEntries(file, text, CURRENT) === text, `${file} is out of step with RULES (server/src/core/checks/rules.ts): run npm run sync`);
  }
});

test('a new rule lands in all four files, in both languages, and nothing else moves', () => {
  const withDummy = { rules: [...RULES, DUMMY], severities: SEVERITY_SETTINGS };
  const synced = Object.fromEntries(RULE_ENTRY_FILES.map((file) => [file, syncRuleEntries(file, read(file), withDummy)])) as Record<RuleEntryFile, string>;

  const manifestRules = JSON.parse(synced['package.json']).contributes.configuration.properties['statusdoc.rules'].properties;
  assert.deepEqual(Object.keys(manifestRules), [...RULES.map((rule) => rule.id), 'dummy-rule']);
  assert.deepEqual(manifestRules['dummy-rule'], { type: 'string', enum: [...SEVERITY_SETTINGS], description: '%config.rules.dummy-rule%' });
  assert.equal(JSON.parse(synced['package.nls.json'])['config.rules.dummy-rule'], 'A rule for this test only. Default: hint.');
  assert.equal(JSON.parse(synced['package.nls.zh-cn.json'])['config.rules.dummy-rule'], '仅供本测试使用的规则。默认：hint。');
  const schemaRules = JSON.parse(synced['schemas/statusdoc.schema.json']).properties.rules.properties;
  assert.deepEqual(schemaRules['dummy-rule'], { enum: [...SEVERITY_SETTINGS], description: 'A rule for this test only. Default: hint.' });

  const english = Object.keys(JSON.parse(synced['package.nls.json']));
  const last = RULES[RULES.length - 1].id;
  assert.equal(english[english.indexOf(`config.rules.${last}`) + 1], 'config.rules.dummy-rule', 'the new key follows the other rules');

  // Syncing back to the real rules gives every file byte for byte: the dummy touched only rule entries.
  for (const file of RULE_ENTRY_FILES) assert.equal(syncRuleEntries(file, synced[file], CURRENT), read(file), file);
});

test('a rule taken out of RULES leaves all four files', () => {
  const without = { rules: RULES.slice(1), severities: SEVERITY_SETTINGS };
  const gone = RULES[0].id;
  for (const file of RULE_ENTRY_FILES) assert.doesNotMatch(syncRuleEntries(file, read(file), without), new RegExp(`"(%?config\\.rules\\.)?${gone}%?"`), file);
});

test('a file keeps its own indentation and line endings', () => {
  const bundle = JSON.parse(read('package.nls.json'));
  delete bundle['config.rules.undocumented-code'];
  const tabs = JSON.stringify(bundle, null, '\t').replace(/\n/g, '\r\n') + '\r\n';
  const synced = syncRuleEntries('package.nls.json', tabs, CURRENT);
  assert.equal(synced, JSON.stringify(JSON.parse(read('package.nls.json')), null, '\t').replace(/\n/g, '\r\n') + '\r\n');
});

test('a file it cannot keep intact is refused with the reason, not rewritten', () => {
  const text = read('package.nls.json');
  const aligned = text.replace('"displayName": ', '"displayName":   ');
  assert.throws(() => syncRuleEntries('package.nls.json', aligned, CURRENT), /package\.nls\.json is not laid out as JSON\.stringify writes it/);
  assert.throws(() => syncRuleEntries('package.nls.json', text.slice(0, 40), CURRENT), /package\.nls\.json is not valid JSON/);
  assert.throws(() => syncRuleEntries('package.json', '{\n  "name": "x"\n}\n', CURRENT), /package\.json: no object at contributes/);
  assert.throws(() => syncRuleEntries('package.nls.json', '{\n  "displayName": "x"\n}\n', CURRENT), /no "config\.rules" key/);
});
