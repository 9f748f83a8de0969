/** Turns the rows any loader read into a checked StatusTable. One place for every loader's validation. */
import { STANDARD_REASONS, isStatusCodeNumber, statusClass } from '../httpStatus';
import { methodsNamedIn, normalizeMethod } from './methods';
import type { RowRef, TableIssue } from './problems';
import type { Lang, StatusEntry, StatusKind, StatusTable, TableResult } from './types';

export interface RowInput {
  /** As written in the doc; checked here. */
  code: string | number;
  reason?: string;
  kind?: StatusKind;
  /** The documented meaning (language detected from its script) and any translations. */
  meaning?: string;
  translations?: Partial<Record<Lang, string>>;
  /** Methods the doc lists explicitly (JSON/YAML); otherwise they are read from the meaning. */
  methods?: string[];
  /** 1-based line of the row in the doc. */
  line?: number;
  /** Which row this is, for a problem about it: row 3 of table 2, entry 4, entry "503". */
  where: RowRef;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function languageOf(text: string): Lang {
  return CJK.test(text) ? 'zh-cn' : 'en';
}

export function kindOfClass(code: number): StatusKind {
  const cls = statusClass(code);
  return cls === 'client error' || cls === 'server error' ? 'error' : cls;
}

function fail(issue: TableIssue, line?: number): TableResult {
  return { ok: false, problem: line === undefined ? { issue } : { issue, line } };
}

export function buildTable(source: string, rows: RowInput[]): TableResult {
  if (rows.length === 0) return fail({ kind: 'noTable' });
  const entries = new Map<number, StatusEntry>();
  const successCodeByMethod = new Map<string, number>();
  const methodRows = new Map<string, RowRef>();

  for (const row of rows) {
    const raw = String(row.code).trim();
    const code = /^\d{3}$/.test(raw) ? Number(raw) : NaN;
    if (!isStatusCodeNumber(code)) {
      return fail({ kind: 'badCode', at: row.where, found: raw }, row.line);
    }
    const previous = entries.get(code);
    if (previous) {
      return fail({ kind: 'duplicateCode', at: row.where, code, firstLine: previous.line }, row.line);
    }
    const meaning = row.meaning?.trim();
    const meanings: Partial<Record<Lang, string>> = { ...row.translations };
    let documentedLang: Lang;
    if (meaning) {
      documentedLang = languageOf(meaning);
      meanings[documentedLang] = meaning;
    } else {
      const given = Object.keys(meanings) as Lang[];
      if (given.length === 0) return fail({ kind: 'noMeaning', at: row.where, code }, row.line);
      documentedLang = given[0];
    }
    const kind = row.kind ?? kindOfClass(code);
    let methods: string[] = [];
    if (row.methods) {
      for (const name of row.methods) {
        const method = normalizeMethod(name);
        if (!method) return fail({ kind: 'notAMethod', at: row.where, name }, row.line);
        methods.push(method);
      }
    } else if (kind === 'success') {
      methods = methodsNamedIn(meanings[documentedLang] ?? '');
    }
    for (const method of methods) {
      const other = successCodeByMethod.get(method);
      if (other !== undefined) {
        return fail({ kind: 'methodClash', at: row.where, method, code, other, otherAt: methodRows.get(method)! }, row.line);
      }
      successCodeByMethod.set(method, code);
      methodRows.set(method, row.where);
    }
    entries.set(code, {
      code,
      reason: row.reason?.trim() || STANDARD_REASONS.get(code) || `Status ${code}`,
      kind,
      meanings,
      documentedLang,
      methods,
      line: row.line,
    });
  }
  return { ok: true, table: { source, entries, successCodeByMethod } };
}

/**
 * Fills in the translations a team's doc lacks from another table (the bundled default) where the doc says
 * exactly the same thing for the same code: a copy of the organisation's doc then still shows English.
 */
export function withKnownTranslations(table: StatusTable, known: StatusTable): StatusTable {
  const entries = new Map<number, StatusEntry>();
  for (const [code, entry] of table.entries) {
    const reference = known.entries.get(code);
    const documented = entry.meanings[entry.documentedLang];
    if (reference && documented && reference.meanings[entry.documentedLang] === documented) {
      entries.set(code, { ...entry, meanings: { ...reference.meanings, ...entry.meanings } });
    } else {
      entries.set(code, entry);
    }
  }
  return { ...table, entries };
}
