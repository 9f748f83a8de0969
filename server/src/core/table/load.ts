/** Loads a team's documented table from the text of its doc, choosing the reader by the file's name. */
import { buildTable, withKnownTranslations } from './build';
import { rowsFromGrids } from './columns';
import { readDataRows, withoutJsonComments } from './data';
import { DEFAULT_TABLE } from './defaultTable';
import { readPipeGrids, withoutFencedCode } from './markdown';
import type { TableResult } from './types';

/** The HTML table reader (htmlparser2), loaded with the first HTML-in-Markdown doc: most sessions never read one. */
let html: typeof import('./html') | undefined;
function readHtmlGrids(text: string): ReturnType<typeof import('./html').readHtmlGrids> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load of a core module, no I/O of our own
  return (html ??= require('./html') as typeof import('./html')).readHtmlGrids(text);
}

export type TableFormat = 'markdown' | 'data';

export function formatOf(fileName: string, text: string): TableFormat {
  if (/\.(json|jsonc|ya?ml)$/i.test(fileName)) return 'data';
  if (/\.(md|markdown|txt|html?)$/i.test(fileName)) return 'markdown';
  return /^\s*[[{]/.test(text) ? 'data' : 'markdown';
}

/**
 * Parses a table doc. `source` is what the table will say it came from (the absolute path).
 * Never throws: anything wrong comes back as a problem a person can act on; an exception a reader threw (a bug)
 * comes back in `caught` beside that problem, so it is seen rather than swallowed.
 */
export function loadTable(source: string, text: string): TableResult {
  if (text.includes('\u0000')) return { ok: false, problem: { issue: { kind: 'binary' } } };
  try {
    if (formatOf(source, text) === 'data') {
      const read = readDataRows(/\.jsonc?$/i.test(source) ? withoutJsonComments(text) : text);
      if (!read.ok) return read;
      return finish(buildTable(source, read.rows));
    }
    // A Markdown doc may hold HTML tables, pipe tables, or both.
    const grids = [...readHtmlGrids(withoutFencedCode(text)), ...readPipeGrids(text)].sort((a, b) => a.line - b.line);
    return finish(buildTable(source, rowsFromGrids(grids)));
  } catch (error) {
    return { ok: false, problem: { issue: { kind: 'readerFailed', message: messageOf(error) } }, caught: [error] };
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : typeof error;
}

function finish(result: TableResult): TableResult {
  return result.ok ? { ok: true, table: withKnownTranslations(result.table, DEFAULT_TABLE) } : result;
}
