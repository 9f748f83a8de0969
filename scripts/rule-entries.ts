/**
 * The per-rule entries of the manifest, its two translation bundles and the `.statusdoc.json` schema, computed from
 * RULES (server/src/core/checks/rules.ts). Pure: text in, text out; `scripts/sync-rules.ts` writes the files and
 * test/package/rule-entries.test.ts fails while they are out of step.
 *
 * Only the rules' entries change. Each file is read with JSON.parse and written back with JSON.stringify in its own
 * indentation, which reproduces every other byte only because these files are laid out exactly that way: a file that
 * is not (hand-aligned, a comment) is refused rather than reformatted.
 */
import type { Lang } from '../server/src/core/table/types';
import type { RuleMeta } from '../server/src/core/checks/rules';
import type { SeveritySetting } from '../server/src/core/checks/types';

export const RULE_ENTRY_FILES = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/statusdoc.schema.json'] as const;
export type RuleEntryFile = (typeof RULE_ENTRY_FILES)[number];

export interface RuleSource {
  rules: readonly RuleMeta[];
  severities: readonly SeveritySetting[];
}

type Json = Record<string, unknown>;

/** The setting's description: the rule's sentence and its default, in the bundle's language. */
export function ruleSettingDescription(rule: RuleMeta, lang: Lang): string {
  return lang === 'zh-cn' ? `${rule.description['zh-cn']}默认：${rule.defaultSeverity}。` : `${rule.description.en} Default: ${rule.defaultSeverity}.`;
}

/** The text `file` should have: `text` with its rule entries computed from `source`. Throws on a file it cannot keep intact. */
export function syncRuleEntries(file: RuleEntryFile, text: string, source: RuleSource): string {
  const { json, write } = readLaidOut(file, text);
  switch (file) {
    case 'package.json':
      objectAt(json, file, ['contributes', 'configuration', 'properties', 'statusdoc.rules']).properties = Object.fromEntries(
        source.rules.map((rule) => [rule.id, { type: 'string', enum: [...source.severities], description: `%config.rules.${rule.id}%` }]),
      );
      return write(json);
    case 'package.nls.json':
      return write(withBundleEntries(json, source.rules, 'en'));
    case 'package.nls.zh-cn.json':
      return write(withBundleEntries(json, source.rules, 'zh-cn'));
    case 'schemas/statusdoc.schema.json':
      objectAt(json, file, ['properties', 'rules']).properties = Object.fromEntries(
        source.rules.map((rule) => [rule.id, { enum: [...source.severities], description: ruleSettingDescription(rule, 'en') }]),
      );
      return write(json);
  }
}

const RULE_KEY = 'config.rules.';
const RULES_KEY = 'config.rules';

/** The bundle with every `config.rules.<id>` replaced by the current rules', placed right after `config.rules`. */
function withBundleEntries(bundle: Json, rules: readonly RuleMeta[], lang: Lang): Json {
  if (!(RULES_KEY in bundle)) throw new Error(`the bundle has no "${RULES_KEY}" key to put the rules' descriptions after`);
  const entries = rules.map((rule) => [`${RULE_KEY}${rule.id}`, ruleSettingDescription(rule, lang)] as const);
  const result: Json = {};
  for (const [key, value] of Object.entries(bundle)) {
    if (key.startsWith(RULE_KEY)) continue;
    result[key] = value;
    if (key === RULES_KEY) for (const [entryKey, description] of entries) result[entryKey] = description;
  }
  return result;
}

function objectAt(json: Json, file: string, path: readonly string[]): Json {
  let node: unknown = json;
  for (const key of path) {
    node = isObject(node) ? node[key] : undefined;
    if (!isObject(node)) throw new Error(`${file}: no object at ${path.join(' → ')}`);
  }
  return node as Json;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses `text`, and gives a writer in its layout, after checking that writer gives `text` back unchanged. */
function readLaidOut(file: string, text: string): { json: Json; write: (json: Json) => string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new Error(`${file} is not a JSON object`);
  const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const ending = text.endsWith(newline) ? newline : '';
  const write = (value: Json) => JSON.stringify(value, null, indent).replace(/\n/g, newline) + ending;
  if (write(json) !== text) {
    throw new Error(
      `${file} is not laid out as JSON.stringify writes it (indent ${JSON.stringify(indent)}), so its other bytes cannot be kept; write it in that layout first`,
    );
  }
  return { json, write };
}
