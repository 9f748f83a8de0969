/** `.statusdoc.json`: the project file the CLI and the editor both read, found from a file's folder upwards. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CONSTANTS_SETTINGS,
  isRuleId,
  isSeveritySetting,
  RULE_IDS,
  SEVERITY_SETTINGS,
  type ConfigIssue,
  type ConstantsSetting,
  type RuleSeverities,
} from '../core';

export const CONFIG_FILE = '.statusdoc.json';

export interface ProjectConfig {
  /** Table doc path, relative to the config file's folder. */
  table?: string;
  /** Severity per rule id, shared by the CLI and the editor. */
  rules?: RuleSeverities;
  /** Where named constants come from, and the project module's path (relative to the config's folder). */
  constants?: { source?: ConstantsSetting; module?: string };
  /**
   * Which spec describes which code: `spec` (relative to the config's folder), `prefix` (what the code's paths have in
   * front of the spec's; replaces the spec's servers/basePath), `code` (folders whose routes it describes; all code
   * when left out). Without it, specs are found among the folder's files and each serves all code.
   */
  apis?: ApiMapping[];
}

export interface ApiMapping {
  spec: string;
  prefix?: string;
  code?: string[];
}

/** A config read whole, with the keys statusdoc does not know (ignored, and named in a warning), or its problem. */
export type ConfigRead = { ok: true; config: ProjectConfig; unknownKeys?: string[] } | { ok: false; problem: ConfigIssue };

/** The keys of .statusdoc.json, as its JSON schema allows them ("$schema" for editors that validate it). */
const TOP_LEVEL_KEYS = ['$schema', 'table', 'rules', 'constants', 'apis'] as const;
const API_KEYS = ['spec', 'prefix', 'code'] as const;
const CONSTANTS_KEYS = ['source', 'module'] as const;
/** Every key, dotted, as the warning lists them. */
export const CONFIG_KEYS: readonly string[] = ['table', 'rules', ...CONSTANTS_KEYS.map((key) => `constants.${key}`), 'apis'];

type Checked<T> = { ok: true; value: T } | { ok: false; problem: ConfigIssue };

/** Parses a .statusdoc.json text; a wrong shape is a problem to show, not an exception. */
export function parseConfig(text: string): ConfigRead {
  let data: unknown;
  try {
    // Editors on Windows save JSON with a byte order mark; JSON.parse refuses it, editors and the schema do not.
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problem: { kind: 'configNotJson', parserMessage: (error as Error).message } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problem: { kind: 'configNotObject' } };
  const { table, rules, constants, apis } = data as Record<string, unknown>;
  if (table !== undefined && typeof table !== 'string') return { ok: false, problem: { kind: 'tableNotString' } };
  const severities = parseRules(rules);
  if (!severities.ok) return severities;
  const constantsConfig = parseConstants(constants);
  if (!constantsConfig.ok) return constantsConfig;
  const apisConfig = parseApis(apis);
  if (!apisConfig.ok) return apisConfig;
  const config = {
    table,
    rules: severities.value,
    ...(constantsConfig.value ? { constants: constantsConfig.value } : {}),
    ...(apisConfig.value ? { apis: apisConfig.value } : {}),
  };
  const unknownKeys = [
    ...unknownOf(data as Record<string, unknown>, TOP_LEVEL_KEYS),
    ...unknownOf(constants as Record<string, unknown> | undefined, CONSTANTS_KEYS).map((key) => `constants.${key}`),
    ...(apisConfig.value ?? []).flatMap((_, index) => unknownOf((apis as Record<string, unknown>[])[index], API_KEYS).map((key) => `apis[${index}].${key}`)),
  ];
  return unknownKeys.length > 0 ? { ok: true, config, unknownKeys } : { ok: true, config };
}

/** A misspelt key ("tabel") would otherwise be ignored without a word while the user wonders why nothing changed. */
function unknownOf(object: Record<string, unknown> | undefined, known: readonly string[]): string[] {
  return object ? Object.keys(object).filter((key) => !known.includes(key)) : [];
}

/** `"constants": { "source": "nestjs", "module": "src/http-status.ts" }`, or the problem with it. */
function parseConstants(value: unknown): Checked<ProjectConfig['constants']> {
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: { kind: 'constantsNotObject' } };
  const { source, module } = value as Record<string, unknown>;
  if (source !== undefined && !(CONSTANTS_SETTINGS as readonly unknown[]).includes(source)) {
    return { ok: false, problem: { kind: 'badConstantsSource', allowed: CONSTANTS_SETTINGS } };
  }
  if (module !== undefined && typeof module !== 'string') return { ok: false, problem: { kind: 'constantsModuleNotString' } };
  return { ok: true, value: { source: source as ConstantsSetting | undefined, module: module as string | undefined } };
}

/** `"apis": [{ "spec": "docs/openapi.yaml", "prefix": "/api/v1", "code": ["src/"] }]`, or the problem with it. */
function parseApis(value: unknown): Checked<ApiMapping[] | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  const bad = (issue: Extract<ConfigIssue, { kind: 'badApi' }>['issue'], index?: number, field?: 'spec' | 'prefix' | 'code'): Checked<never> => ({
    ok: false,
    problem: { kind: 'badApi', index, field, issue },
  });
  if (!Array.isArray(value)) return bad('notList');
  const mappings: ApiMapping[] = [];
  for (const [index, entry] of value.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return bad('notObject', index);
    const { spec, prefix, code } = entry as Record<string, unknown>;
    if (spec === undefined) return bad('missing', index, 'spec');
    if (typeof spec !== 'string' || spec.trim() === '') return bad('notString', index, 'spec');
    if (prefix !== undefined && typeof prefix !== 'string') return bad('notString', index, 'prefix');
    if (typeof prefix === 'string' && (!prefix.startsWith('/') || prefix.includes('{'))) return bad('notPath', index, 'prefix');
    if (code !== undefined && (!Array.isArray(code) || code.some((folder) => typeof folder !== 'string'))) return bad('notStringList', index, 'code');
    mappings.push({ spec, ...(prefix !== undefined ? { prefix } : {}), ...(code !== undefined ? { code: code as string[] } : {}) });
  }
  return { ok: true, value: mappings };
}

/** `"rules": { "undocumented-code": "off" }` -> severities, or the problem with it. */
export function parseRules(rules: unknown): Checked<RuleSeverities> {
  if (rules === undefined) return { ok: true, value: {} };
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return { ok: false, problem: { kind: 'rulesNotObject' } };
  const severities: RuleSeverities = {};
  for (const [id, severity] of Object.entries(rules)) {
    if (!isRuleId(id)) return { ok: false, problem: { kind: 'unknownRule', rule: id, known: RULE_IDS } };
    if (!isSeveritySetting(severity)) return { ok: false, problem: { kind: 'badSeverity', rule: id, allowed: SEVERITY_SETTINGS } };
    severities[id] = severity;
  }
  return { ok: true, value: severities };
}

/** The nearest .statusdoc.json at or above `dir`, not climbing past `stopAt` when given. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (let current = path.resolve(dir); ;) {
    const candidate = path.join(current, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (current === stop || parent === current) return undefined;
    current = parent;
  }
}
