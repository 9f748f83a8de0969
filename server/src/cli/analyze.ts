/** The CLI's pass over files: read, one parse, the table in force, the checks. The same core the server runs. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runChecks } from '../core/checks';
import type { Finding } from '../core/checks/types';
import { skipCause, type SkipCause } from '../core/limits';
import { analyzeDocument, languageOfFile } from '../core/sites';
import type { DocumentFacts } from '../core/sites/types';
import type { Lang } from '../core/table/types';
import { TableResolver, type TableInForce } from '../project/tables';

export interface FileResult {
  /** As given on the command line's terms: relative to the working directory. */
  file: string;
  absolute: string;
  text: string;
  facts: DocumentFacts;
  inForce: TableInForce;
  findings: Finding[];
}

export interface AnalyzeOptions {
  table?: string;
  lang: Lang;
  /** Called for a file that is not read (binary, huge). */
  onSkip(file: string, cause: SkipCause): void;
}

export class Analyzer {
  private readonly resolver = new TableResolver();

  constructor(private readonly options: AnalyzeOptions) {}

  /** The table in force for a file; a problem with it is the caller's to report. */
  tableFor(absolute: string): TableInForce {
    return this.resolver.resolve({ dir: path.dirname(absolute), explicit: this.options.table, base: process.cwd(), explicitFrom: 'flag' });
  }

  analyzeFile(absolute: string, inForce: TableInForce, text = fs.readFileSync(absolute, 'utf8')): FileResult | undefined {
    const file = path.relative(process.cwd(), absolute) || absolute;
    const skipped = skipCause(text);
    if (skipped) {
      this.options.onSkip(file, skipped);
      return undefined;
    }
    const facts = analyzeDocument(text, languageOfFile(absolute)!);
    const findings = runChecks(facts, text, inForce.table, { severities: inForce.rules, lang: this.options.lang });
    return { file, absolute, text, facts, inForce, findings };
  }
}
