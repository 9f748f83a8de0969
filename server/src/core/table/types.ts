/** The documented status-code table: what the organisation says each code means. */
import type { TableProblem } from './problems';

export type { TableProblem } from './problems';

/** Languages a meaning can be shown in. */
export type Lang = 'en' | 'zh-cn';

/** success = the documented normal answers; the others follow the code's class unless the doc says. */
export type StatusKind = 'informational' | 'success' | 'redirect' | 'error';

export interface StatusEntry {
  code: number;
  /** Reason phrase as documented, e.g. "Service Unavailable". */
  reason: string;
  kind: StatusKind;
  /** The documented meaning, and translations where known. At least one language is present. */
  meanings: Partial<Record<Lang, string>>;
  /** The language the doc itself wrote the meaning in. */
  documentedLang: Lang;
  /** HTTP methods (upper case) whose normal answer this code is, read from the meaning text. */
  methods: string[];
  /** 1-based line of the row in the source doc, when it came from a file. */
  line?: number;
}

export interface StatusTable {
  /** Absolute path of the doc, or "default" for the bundled table. */
  source: string;
  entries: ReadonlyMap<number, StatusEntry>;
  /** Method (upper case) -> its documented success code. Methods the table never names are absent. */
  successCodeByMethod: ReadonlyMap<string, number>;
}

/**
 * A table, or what a person must fix in the doc. `caught` holds exceptions a reader threw (statusdoc's bugs, not the
 * doc's): absent when none, so a shell can log them and a test can insist there were none.
 */
export type TableResult = ({ ok: true; table: StatusTable } | { ok: false; problem: TableProblem }) & { caught?: unknown[] };
