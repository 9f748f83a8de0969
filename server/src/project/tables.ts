/**
 * Which documented table is in force for a file, and the table itself. Shared by the server and the CLI, so both
 * resolve the same table for the same folder: the `statusdoc.table` setting (editor) or `--table` (CLI) first,
 * else the nearest .statusdoc.json's "table", else the bundled default.
 * A doc that breaks keeps its last good table in force and reports a problem naming the file and the row.
 */
import * as path from 'node:path';
import { DEFAULT_TABLE, loadTable, type NamedBy, type Problem, type RuleSeverities, type StatusTable, type TableResult } from '../core';
import { CONFIG_KEYS, findConfigFile, parseConfig, type ConfigRead, type ProjectConfig } from './config';
import { FileCache } from './fileCache';

export interface TableInForce {
  table: StatusTable;
  /** Absolute path of the doc, or undefined for the default. */
  path?: string;
  /** What a person must fix, with the file named; undefined when all is well. Rendered by core/messages. */
  problem?: Problem;
  /** Exceptions statusdoc's own readers threw on the way (bugs, for the log); absent when none. */
  caught?: unknown[];
  /** Rule severities from the .statusdoc.json in force (empty without one). */
  rules: RuleSeverities;
  /** The .statusdoc.json in force, if any. */
  configFile?: string;
  /** Its `constants` section. */
  constants?: ProjectConfig['constants'];
}

export interface TableQuery {
  /** Folder of the file being checked. */
  dir: string;
  /** An explicit table path (setting, --table or an ESLint rule's option), relative to `base`. */
  explicit?: string;
  base?: string;
  /** Who gave `explicit`: the editor's statusdoc.table setting (the default), the CLI's --table flag, an ESLint rule option. */
  explicitFrom?: 'setting' | 'flag' | 'eslintOption';
  /** Do not look for .statusdoc.json above this folder (the workspace folder). */
  stopAt?: string;
  /** Whether a table doc or .statusdoc.json at this path may be read: false outside an untrusted workspace's folders. */
  mayRead?: (file: string) => boolean;
}

export class TableResolver {
  private readonly configs = new FileCache<ConfigRead>((text) => parseConfig(text));
  private readonly docs = new FileCache<TableResult>((text, file) => this.readTable(file, text));
  private readonly lastGood = new Map<string, StatusTable>();
  private readonly lastGoodConfig = new Map<string, ProjectConfig>();

  /** @param readTable the table loader; another only to see what happens when a loader has a bug. */
  constructor(private readonly readTable: (file: string, text: string) => TableResult = loadTable) {}

  resolve(query: TableQuery): TableInForce {
    const configFile = findConfigFile(query.dir, query.stopAt);
    let config: ProjectConfig = {};
    let configProblem: Problem | undefined;
    let configCaught: unknown[] = [];
    if (configFile && query.mayRead && !query.mayRead(configFile)) {
      // A .statusdoc.json that is a link to a file outside an untrusted workspace is not read either.
      configProblem = { kind: 'configOutsideWorkspace', file: configFile };
    } else if (configFile) {
      const read = this.configs.get(configFile);
      // A config that breaks keeps its last good version in force, as a table doc does: its rules and table stay.
      const lastGood = this.lastGoodConfig.get(configFile);
      const kept = lastGood ? ({ kept: 'lastGood' } as const) : {};
      if (!read.ok) {
        configProblem = { kind: 'configUnreadable', file: configFile, failure: read.failure, ...kept };
        configCaught = read.caught ?? [];
      } else if (!read.value.ok) configProblem = { kind: 'configInvalid', file: configFile, issue: read.value.problem, ...kept };
      else {
        this.lastGoodConfig.set(configFile, (config = read.value.config));
        // Unknown keys are a warning: the rest of the config is in force.
        if (read.value.unknownKeys)
          configProblem = { kind: 'configInvalid', file: configFile, issue: { kind: 'unknownKeys', keys: read.value.unknownKeys, known: CONFIG_KEYS } };
      }
      if ((!read.ok || !read.value.ok) && lastGood) config = lastGood;
    }
    let inForce: Omit<TableInForce, 'rules' | 'constants'>;
    if (query.explicit) {
      const namedBy: NamedBy = { kind: query.explicitFrom ?? 'setting' };
      inForce = this.load(path.resolve(query.base ?? query.dir, query.explicit), namedBy, query.mayRead);
    } else if (configFile && config.table) {
      inForce = this.load(path.resolve(path.dirname(configFile), config.table), { kind: 'config', file: configFile }, query.mayRead);
    } else {
      inForce = { table: DEFAULT_TABLE };
    }
    const caught = [...configCaught, ...(inForce.caught ?? [])];
    return {
      ...inForce,
      problem: inForce.problem ?? configProblem,
      caught: caught.length > 0 ? caught : undefined,
      rules: config.rules ?? {},
      configFile,
      constants: config.constants,
    };
  }

  /** Forget cached reads of a file that a watcher reported changed. */
  invalidate(file: string): void {
    this.configs.invalidate(file);
    this.docs.invalidate(file);
  }

  private load(file: string, namedBy: NamedBy, mayRead?: (file: string) => boolean): Omit<TableInForce, 'rules' | 'constants'> {
    if (mayRead && !mayRead(file)) return { table: DEFAULT_TABLE, problem: { kind: 'tableOutsideWorkspace', file, namedBy } };
    const read = this.docs.get(file);
    const fallback = this.lastGood.get(file);
    if (!read.ok) {
      const problem: Problem = { kind: 'tableUnreadable', file, namedBy, failure: read.failure };
      return { table: fallback ?? DEFAULT_TABLE, path: fallback && file, problem, caught: read.caught };
    }
    const { caught } = read.value;
    if (!read.value.ok) {
      const { issue, line } = read.value.problem;
      const problem: Problem = { kind: 'tableInvalid', file, line, issue, kept: fallback ? 'lastGood' : 'default' };
      return { table: fallback ?? DEFAULT_TABLE, path: fallback && file, problem, caught };
    }
    this.lastGood.set(file, read.value.table);
    return { table: read.value.table, path: file, caught };
  }
}
