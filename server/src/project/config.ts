/** `.statusdoc.json`: the project file the CLI and the editor both read, found from a file's folder upwards. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRuleId, isSeveritySetting, RULE_IDS, SEVERITY_SETTINGS, type RuleSeverities, CONSTANTS_SETTINGS, type ConstantsSetting } from '../core';

export const CONFIG_FILE = '.statusdoc.json';

export interface ProjectConfig {
  /** Table doc path, relative to the config file's folder. */
  table?: string;
  /** Severity per rule id, shared by the CLI and the editor. */
  rules?: RuleSeverities;
  /** Where named constants come from, and the project module's path (relative to the config's folder). */
  constants?: { source?: ConstantsSetting; module?: string };
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
  const { table, rules, constants } = data as Record<string, unknown>;
  if (table !== undefined && typeof table !== 'string') return { ok: false, problem: '"table" must be a path string' };
  const severities = parseRules(rules);
  if (typeof severities === 'string') return { ok: false, problem: severities };
  const constantsConfig = parseConstants(constants);
  if (typeof constantsConfig === 'string') return { ok: false, problem: constantsConfig };
  return { ok: true, config: { table, rules: severities, ...(constantsConfig ? { constants: constantsConfig } : {}) } };
}

/** `"constants": { "source": "nestjs", "module": "src/http-status.ts" }`, or the problem with it. */
function parseConstants(value: unknown): ProjectConfig['constants'] | string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '"constants" must be an object with "source" and/or "module"';
  const { source, module } = value as Record<string, unknown>;
  if (source !== undefined && !(CONSTANTS_SETTINGS as readonly unknown[]).includes(source)) {
    return `"constants.source": expected one of ${CONSTANTS_SETTINGS.join(', ')}`;
  }
  if (module !== undefined && typeof module !== 'string') return '"constants.module" must be a path string';
  return { source: source as ConstantsSetting | undefined, module: module as string | undefined };
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
