/** `.statusdoc.json`: the project file the CLI and the editor both read, found from a file's folder upwards. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRuleId, isSeveritySetting, RULE_IDS, SEVERITY_SETTINGS } from '../core/checks/rules';
import type { RuleSeverities } from '../core/checks/types';

export const CONFIG_FILE = '.statusdoc.json';

export interface ProjectConfig {
  /** Table doc path, relative to the config file's folder. */
  table?: string;
  /** Severity per rule id, shared by the CLI and the editor. */
  rules?: RuleSeverities;
}

export type ConfigRead = { ok: true; config: ProjectConfig } | { ok: false; problem: string };

/** Parses a .statusdoc.json text; a wrong shape is a problem to show, not an exception. */
export function parseConfig(text: string): ConfigRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problem: 'expected a JSON object' };
  const { table, rules } = data as Record<string, unknown>;
  if (table !== undefined && typeof table !== 'string') return { ok: false, problem: '"table" must be a path string' };
  const severities = parseRules(rules);
  if (typeof severities === 'string') return { ok: false, problem: severities };
  return { ok: true, config: { table, rules: severities } };
}

/** `"rules": { "undocumented-code": "off" }` -> severities, or the problem with it. */
export function parseRules(rules: unknown): RuleSeverities | string {
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return '"rules" must be an object of rule id to severity';
  const severities: RuleSeverities = {};
  for (const [id, severity] of Object.entries(rules)) {
    if (!isRuleId(id)) return `"rules.${id}": unknown rule (known: ${RULE_IDS.join(', ')})`;
    if (!isSeveritySetting(severity)) return `"rules.${id}": expected one of ${SEVERITY_SETTINGS.join(', ')}`;
    severities[id] = severity;
  }
  return severities;
}

/** The nearest .statusdoc.json at or above `dir`, not climbing past `stopAt` when given. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (let current = path.resolve(dir); ; ) {
    const candidate = path.join(current, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (current === stop || parent === current) return undefined;
    current = parent;
  }
}
