/**
 * Reads a table written as JSON or YAML. Accepted shapes (JSON is read by the same YAML 1.2 parser):
 *
 *   codes:                        # or the list / mapping at the root
 *     - code: 201
 *       reason: Created
 *       meaning: POST操作正常返回。
 *       translations: { en: Normal answer of POST. }
 *       kind: success             # optional: from the code's class otherwise
 *       methods: [POST]           # optional: read from the meaning otherwise
 *
 *   codes: { "503": { reason: Service Unavailable, meaning: ... }, "504": "网关超时。" }
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { MAX_YAML_NESTING, yamlTooDeep } from '../limits';
import type { RowInput } from './build';
import { kindFromWord } from './columns';
import type { RowRef, TableIssue, TableProblem } from './problems';
import type { Lang } from './types';

type Rows = { ok: true; rows: RowInput[] } | { ok: false; problem: TableProblem };

function problem(issue: TableIssue, line?: number): Rows {
  return { ok: false, problem: line === undefined ? { issue } : { issue, line } };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * JSON with comments (.jsonc, and the .json files VS Code users write the same way): blanks line and block
 * comments outside strings, keeping line breaks so that lines in messages still match. The YAML parser would
 * otherwise read a comment as a key.
 */
export function withoutJsonComments(text: string): string {
  return text.replace(/"(?:\\.|[^"\\])*"|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, (match) => (match.startsWith('"') ? match : match.replace(/[^\n]/g, ' ')));
}

export function readDataRows(source: string): Rows {
  if (yamlTooDeep(source)) return problem({ kind: 'tooDeep', levels: MAX_YAML_NESTING });
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    // The library's own advice ("please use YAML.parseAllDocuments()") speaks to programmers, not to the doc's author.
    if (error.code === 'MULTIPLE_DOCS') return problem({ kind: 'multipleDocuments' }, lineCounter.linePos(error.pos[0]).line);
    return problem({ kind: 'invalidData', parserMessage: error.message.split('\n')[0] }, lineCounter.linePos(error.pos[0]).line);
  }
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);

  let list = doc.contents as Node | null;
  if (isMap(list) && list.has('codes')) list = list.get('codes', true) as Node;
  const rows: RowInput[] = [];

  const entryRow = (value: Node | null, code: unknown, where: RowRef, line: number | undefined): TableIssue | undefined => {
    // A bare value is a meaning only where a key gave the code ("504": "网关超时。"), not as a list item.
    if (isScalar(value) && code !== undefined) {
      rows.push({ code: text(code) ?? '', meaning: text(value.value), where, line });
      return undefined;
    }
    if (!isMap(value)) return { kind: 'notAMapping', at: where };
    const entry = value.toJSON() as Record<string, unknown>;
    const translations: Partial<Record<Lang, string>> = {};
    const given = entry.translations;
    if (given && typeof given === 'object') {
      for (const [lang, meaning] of Object.entries(given)) {
        const key = lang.toLowerCase() === 'zh' ? 'zh-cn' : (lang.toLowerCase() as Lang);
        if (key !== 'en' && key !== 'zh-cn') return { kind: 'unknownTranslation', at: where, lang };
        if (text(meaning)) translations[key] = text(meaning);
      }
    }
    const methods = entry.methods;
    if (methods !== undefined && !(Array.isArray(methods) && methods.every((m) => typeof m === 'string'))) {
      return { kind: 'methodsNotAList', at: where };
    }
    const kindText = text(entry.kind);
    const kind = kindText === undefined ? undefined : kindFromWord(kindText);
    if (kindText !== undefined && !kind) return { kind: 'unknownKind', at: where, kindText };
    rows.push({
      code: text(entry.code ?? code) ?? '',
      reason: text(entry.reason),
      kind,
      meaning: text(entry.meaning),
      translations,
      methods: methods as string[] | undefined,
      where,
      line,
    });
    return undefined;
  };

  if (isSeq(list)) {
    for (const [index, item] of list.items.entries()) {
      const error = entryRow(item as Node, undefined, { kind: 'entry', index: index + 1 }, lineOf(item as Node));
      if (error) return problem(error, lineOf(item as Node));
    }
  } else if (isMap(list)) {
    for (const pair of list.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const line = lineOf(pair.key as Node);
      const error = entryRow(pair.value as Node, key, { kind: 'key', key: text(key) ?? '?' }, line);
      if (error) return problem(error, line);
    }
  } else {
    return problem({ kind: 'notAList' }, lineOf(list));
  }
  return { ok: true, rows };
}
