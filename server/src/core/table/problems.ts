/**
 * Problems with a table doc or .statusdoc.json as data: what is wrong, where, and the values involved. The loaders,
 * the config reader and the resolver produce them; core/messages/problems.ts renders them in each language.
 * A parser's own error text travels as an argument and is shown as the parser wrote it.
 */

/** Which row of a doc a problem is about. */
export type RowRef =
  /** A row of a pipe or HTML table; `table` (1-based) only when the doc holds more than one status table. */
  | { kind: 'row'; row: number; table?: number }
  /** An item of a JSON/YAML list. */
  | { kind: 'entry'; index: number }
  /** A key of a JSON/YAML mapping, as written. */
  | { kind: 'key'; key: string }
  /** A row of the bundled default table. */
  | { kind: 'defaultRow'; row: number };

/** What is wrong inside a table doc. */
export type TableIssue =
  | { kind: 'binary' }
  /** A reader threw: a bug in statusdoc, not in the doc. The exception itself comes back in `caught`. */
  | { kind: 'readerFailed'; message: string }
  | { kind: 'noTable' }
  | { kind: 'tooDeep'; levels: number }
  | { kind: 'invalidData'; parserMessage: string }
  /** A YAML file holding more than one document (a `---` between two): which one is the table is not guessed. */
  | { kind: 'multipleDocuments' }
  | { kind: 'notAList' }
  | { kind: 'notAMapping'; at: RowRef }
  | { kind: 'unknownTranslation'; at: RowRef; lang: string }
  | { kind: 'methodsNotAList'; at: RowRef }
  | { kind: 'unknownKind'; at: RowRef; kindText: string }
  | { kind: 'badCode'; at: RowRef; found: string }
  | { kind: 'duplicateCode'; at: RowRef; code: number; firstLine?: number }
  | { kind: 'noMeaning'; at: RowRef; code: number }
  | { kind: 'notAMethod'; at: RowRef; name: string }
  | { kind: 'methodClash'; at: RowRef; method: string; code: number; other: number; otherAt: RowRef };

/** A doc that could not be read as a table: what a person must fix, and where. */
export interface TableProblem {
  issue: TableIssue;
  /** 1-based line in the doc, when the problem has one. */
  line?: number;
}

/** What is wrong inside a .statusdoc.json. */
export type ConfigIssue =
  | { kind: 'configNotJson'; parserMessage: string }
  | { kind: 'configNotObject' }
  | { kind: 'tableNotString' }
  | { kind: 'rulesNotObject' }
  | { kind: 'unknownRule'; rule: string; known: readonly string[] }
  | { kind: 'badSeverity'; rule: string; allowed: readonly string[] }
  | { kind: 'constantsNotObject' }
  | { kind: 'badConstantsSource'; allowed: readonly string[] }
  | { kind: 'constantsModuleNotString' }
  /** `apis` is not a list, or its entry `index` (0-based) is wrong: `field` names what, `issue` says how. */
  | {
      kind: 'badApi';
      index?: number;
      field?: 'spec' | 'prefix' | 'code';
      issue: 'notList' | 'notObject' | 'missing' | 'notString' | 'notStringList' | 'notPath';
    }
  /** Keys the schema does not allow, dotted ("constants.modul"): ignored, the rest is in force. A warning. */
  | { kind: 'unknownKeys'; keys: readonly string[]; known: readonly string[] };

/** Why a file could not be read at all. */
export type ReadFailure =
  | { kind: 'notFound' }
  | { kind: 'notAFile' }
  /** The operating system's own words (permission denied, …). */
  | { kind: 'ioError'; message: string }
  /** Parsing the text threw: a bug in statusdoc; the exception comes back in `caught`. */
  | { kind: 'parseFailed'; message: string };

/** Who named the table doc in force. */
/** Who named a table: the editor's setting, the CLI's --table, a .statusdoc.json, or an ESLint rule's `table` option. */
export type NamedBy = { kind: 'setting' } | { kind: 'flag' } | { kind: 'config'; file: string } | { kind: 'eslintOption' };

/** A problem with the table or config in force for a folder, naming the file (and line) to fix. */
export type Problem =
  /** `kept`: a running editor keeps the config it last read well (its table, rules and constants) rather than none. */
  | { kind: 'configInvalid'; file: string; issue: ConfigIssue; kept?: 'lastGood' }
  | { kind: 'configUnreadable'; file: string; failure: ReadFailure; kept?: 'lastGood' }
  /** An untrusted workspace's .statusdoc.json that is really a file outside it (a link): not read. */
  | { kind: 'configOutsideWorkspace'; file: string }
  | { kind: 'tableUnreadable'; file: string; namedBy: NamedBy; failure: ReadFailure }
  /** An untrusted workspace reads no table doc outside its folders; the default table is used. */
  | { kind: 'tableOutsideWorkspace'; file: string; namedBy: NamedBy }
  /** `kept`: what is in force instead; 'none' where nothing is (the CLI stops). */
  | { kind: 'tableInvalid'; file: string; line?: number; issue: TableIssue; kept: 'lastGood' | 'default' | 'none' };

export type ProblemKind = Problem['kind'];

/** The same problem gives the same key whatever order its fields were written in: for "reported already?". */
export function problemKey(problem: Problem): string {
  return stableJson(problem);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An exception caught on the way, as a log line: its stack where it has one. */
export function caughtText(caught: unknown): string {
  if (caught instanceof Error) return caught.stack ?? `${caught.name}: ${caught.message}`;
  try {
    return `thrown: ${typeof caught === 'string' ? caught : JSON.stringify(caught)}`;
  } catch {
    return 'thrown: a value that cannot be shown';
  }
}
