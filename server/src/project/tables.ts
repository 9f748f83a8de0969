/**
 * Which documented table is in force for a file, and the table itself. Shared by the server and the CLI, so both
 * resolve the same table for the same folder: the `statusdoc.table` setting (editor) or `--table` (CLI) first,
 * else the nearest .statusdoc.json's "table", else the bundled default.
 * A doc that breaks keeps its last good table in force and reports a problem naming the file and the row.
 */
import * as path from 'node:path';
import { DEFAULT_TABLE, loadTable, type StatusTable, type TableResult, type RuleSeverities } from '../core';
import { findConfigFile, parseConfig, type ConfigRead, type ProjectConfig } from './config';
import { FileCache } from './fileCache';

export interface TableInForce {
  table: StatusTable;
  /** Absolute path of the doc, or undefined for the default. */
  path?: string;
  /** What a person must fix, with the file named; undefined when all is well. */
  problem?: string;
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
  /** An explicit table path (setting or --table), relative to `base`. */
  explicit?: string;
  base?: string;
  /** How to name where `explicit` came from in a message. */
  explicitFrom?: string;
  /** Do not look for .statusdoc.json above this folder (the workspace folder). */
  stopAt?: string;
  /** Whether a table doc at this path may be read (an untrusted workspace reads none outside itself). */
  mayRead?: (file: string) => string | undefined;
}

export class TableResolver {
  private readonly configs = new FileCache<ConfigRead>((text) => parseConfig(text));
  private readonly docs = new FileCache<TableResult>((text, file) => loadTable(file, text));
  private readonly lastGood = new Map<string, StatusTable>();

  resolve(query: TableQuery): TableInForce {
    const configFile = findConfigFile(query.dir, query.stopAt);
    let config: ProjectConfig = {};
    let configProblem: string | undefined;
    if (configFile) {
      const read = this.configs.get(configFile);
      if (!read.ok) configProblem = `${configFile}: ${read.error}`;
      else if (!read.value.ok) configProblem = `${configFile}: ${read.value.problem}`;
      else config = read.value.config;
    }
    let inForce: Omit<TableInForce, 'rules' | 'constants'>;
    if (query.explicit) {
      inForce = this.load(path.resolve(query.base ?? query.dir, query.explicit), query.explicitFrom ?? 'the statusdoc.table setting', query.mayRead);
    } else if (configFile && config.table) {
      inForce = this.load(path.resolve(path.dirname(configFile), config.table), configFile, query.mayRead);
    } else {
      inForce = { table: DEFAULT_TABLE };
    }
    return { ...inForce, problem: inForce.problem ?? configProblem, rules: config.rules ?? {}, configFile, constants: config.constants };
  }

  /** Forget cached reads of a file that a watcher reported changed. */
  invalidate(file: string): void {
    this.configs.invalidate(file);
    this.docs.invalidate(file);
  }

  private load(file: string, namedBy: string, mayRead?: (file: string) => string | undefined): Omit<TableInForce, 'rules' | 'constants'> {
    const refused = mayRead?.(file);
    if (refused) return { table: DEFAULT_TABLE, problem: `${file} (named by ${namedBy}) ${refused}; the default table is used` };
    const read = this.docs.get(file);
    const fallback = this.lastGood.get(file);
    if (!read.ok) {
      return { table: fallback ?? DEFAULT_TABLE, path: fallback && file, problem: `${file} (named by ${namedBy}): ${read.error}` };
    }
    if (!read.value.ok) {
      const { message, line } = read.value.problem;
      const where = line ? `${file}:${line}` : file;
      const kept = fallback ? 'the last good version stays in force' : 'the default table is used';
      return { table: fallback ?? DEFAULT_TABLE, path: fallback && file, problem: `${where}: ${message} (${kept})` };
    }
    this.lastGood.set(file, read.value.table);
    return { table: read.value.table, path: file };
  }
}
