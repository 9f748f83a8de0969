/**
 * The CLI's pass over files: read, one parse, the table in force, the checks — the same core the server runs.
 * A file that cannot be read whole (too large, binary, too deep, a parser failure) is a result too, marked
 * `notChecked`, so every format reports it instead of counting it clean.
 */
import * as path from 'node:path';
import {
  check,
  CLI_MAX_CHARS,
  languageOfFile,
  SourceDocument,
  type DriftFact,
  type Finding,
  type Lang,
  type NotChecked,
  type RequestAnswers,
  type RouteMethodScope,
} from '../core';
import { TableResolver, type TableInForce } from '../project/tables';

export interface FileResult {
  /** As given on the command line's terms: relative to the working directory. */
  file: string;
  absolute: string;
  document: SourceDocument;
  inForce: TableInForce;
  findings: Finding[];
  /** Why the file was not checked (in full), if it was not. */
  notChecked?: NotChecked;
}

export interface AnalyzeOptions {
  table?: string;
  lang: Lang;
  /** Larger files are not checked (reported); a guard for memory only. */
  maxChars?: number;
}

/** A file as reports name it: relative to the working directory. */
export function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute) || absolute;
}

/**
 * What the project's route index gives a file: the methods routes in other files give its handlers, and what the
 * handlers of the routes its tests call answer. Plain data: it crosses to worker threads, and its key is cached.
 */
export interface ProjectJudgement {
  routeMethods?: RouteMethodScope[];
  requestAnswers?: RequestAnswers[];
  /** What the specs, linked to the routes, say of this file (operation-without-route, route-not-in-spec). */
  drift?: DriftFact[];
}

export class Analyzer {
  private readonly resolver = new TableResolver();
  /** One run is one snapshot: a folder's table is resolved once, not once per file (a walk up to the root each). */
  private readonly byFolder = new Map<string, TableInForce>();

  constructor(private readonly options: AnalyzeOptions) {}

  /** The table in force for the files of a folder; a problem with it is the caller's to report. */
  tableForFolder(dir: string): TableInForce {
    let inForce = this.byFolder.get(dir);
    if (!inForce) {
      inForce = this.resolver.resolve({ dir, explicit: this.options.table, base: process.cwd(), explicitFrom: 'flag' });
      this.byFolder.set(dir, inForce);
    }
    return inForce;
  }

  /**
   * `text` is the file's text as the editor shows it: without a byte order mark. `project`: what the project's route
   * index gives this file (see `ProjectJudgement`).
   */
  analyzeFile(absolute: string, inForce: TableInForce, text: string, project?: ProjectJudgement): FileResult {
    const file = displayPath(absolute);
    const document = new SourceDocument(text, languageOfFile(absolute)!, 0, { maxChars: this.options.maxChars ?? CLI_MAX_CHARS });
    const { skipped, failure } = document.facts;
    const findings = check(document, inForce.table, { severities: inForce.rules, lang: this.options.lang, ...project });
    const notChecked: NotChecked | undefined = skipped ?? (failure ? { kind: 'failure', firstLine: failure.split('\n', 1)[0] } : undefined);
    return { file, absolute, document, inForce, findings, notChecked };
  }

  /** The same document judged again under other route methods: its sites are read already, nothing is parsed. */
  checkAgain(result: FileResult, project?: ProjectJudgement): FileResult {
    const findings = check(result.document, result.inForce.table, { severities: result.inForce.rules, lang: this.options.lang, ...project });
    return { ...result, findings };
  }
}
