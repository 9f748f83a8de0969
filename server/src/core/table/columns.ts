/**
 * Understands the columns of the tables a doc holds: which one has the code, the reason, the meaning, the kind.
 * Tables with no column of status codes (other tables in the same doc) are passed over.
 */
import type { RowInput } from './build';
import type { Grid } from './grid';
import type { Lang, StatusKind } from './types';

const CODE_CELL = /^(\d{3})\b\s*(.*)$/;
const MEANING_HEADER = /说明|描述|含义|意义|释义|meaning|description|explanation|desc\b|notes?\b/i;
const CODE_HEADER = /码|code|status|状态/i;
const KIND_HEADER = /^(kind|class|category|类别|分类)$/i;
const LANG_HEADERS: [Lang, RegExp][] = [
  ['en', /english|英文|\(en\)|\ben\b/i],
  ['zh-cn', /chinese|中文|\(zh(-cn)?\)|\bzh(-cn)?\b/i],
];

export function kindFromWord(text: string): StatusKind | undefined {
  if (/正常|成功|success|successful|normal|\b2xx\b/i.test(text)) return 'success';
  if (/错误|失败|异常|error|failure|\b[45]xx\b/i.test(text)) return 'error';
  if (/重定向|redirect/i.test(text)) return 'redirect';
  if (/信息|informational/i.test(text)) return 'informational';
  return undefined;
}

function langOfHeader(header: string): Lang | undefined {
  return LANG_HEADERS.find(([, pattern]) => pattern.test(header))?.[0];
}

// A loop, not Math.max(...rows): spreading a long table's rows overflows the stack.
function widthOf(grid: Grid): number {
  return grid.rows.reduce((width, row) => Math.max(width, row.cells.length), grid.headers.length);
}

/** The column most of whose cells start with three digits, if any. */
function findCodeColumn(grid: Grid): number {
  const width = widthOf(grid);
  for (let col = 0; col < width; col++) {
    const hits = grid.rows.filter((row) => CODE_CELL.test(row.cells[col] ?? '')).length;
    if (hits > 0 && hits * 2 >= grid.rows.length) return col;
  }
  // A table whose code column is headed as such ("Code", "状态码") but whose cells are mostly mistyped is still the
  // status table: its rows are then reported one by one, rather than "no status-code table found".
  const headed = grid.headers.findIndex((header) => CODE_HEADER.test(header));
  return grid.rows.length > 0 ? headed : -1;
}

/** An HTML table written without <th> holds its header in the first row: take it when it names the code column. */
function withHeaderRow(grid: Grid): Grid {
  if (grid.headers.length > 0 || grid.rows.length < 2) return grid;
  const [first, ...rest] = grid.rows;
  const codeCol = findCodeColumn({ ...grid, rows: rest });
  const cell = first.cells[codeCol] ?? '';
  return codeCol >= 0 && !CODE_CELL.test(cell) && CODE_HEADER.test(cell) ? { ...grid, headers: first.cells, rows: rest } : grid;
}

export function rowsFromGrids(grids: Grid[]): RowInput[] {
  const rows: RowInput[] = [];
  const codeGrids = grids.map(withHeaderRow).filter((grid) => findCodeColumn(grid) >= 0);
  codeGrids.forEach((grid, index) => {
    const codeCol = findCodeColumn(grid);
    const headers = grid.headers;
    const others = [...Array(widthOf(grid)).keys()].filter((col) => col !== codeCol);

    const langCols = new Map<number, Lang>();
    for (const col of others) {
      const lang = langOfHeader(headers[col] ?? '');
      if (lang) langCols.set(col, lang);
    }
    const kindCol = others.find((col) => KIND_HEADER.test(headers[col] ?? ''));
    const untagged = others.filter((col) => !langCols.has(col) && col !== kindCol);
    // Unnamed columns: with two left over they are reason and meaning; a lone one beside language columns
    // ("| Code | Reason | 中文 | English |") is the reason, and the meaning is the first language column.
    const meaningCol =
      untagged.find((col) => MEANING_HEADER.test(headers[col] ?? '')) ??
      (untagged.length >= 2 || langCols.size === 0 ? untagged[untagged.length - 1] : [...langCols.keys()][0]);
    const reasonCol = untagged.find((col) => col !== meaningCol);
    const tableKind = kindFromWord(headers[codeCol] ?? '');
    const table = codeGrids.length > 1 ? index + 1 : undefined;

    grid.rows.forEach((row, rowIndex) => {
      const codeCell = row.cells[codeCol] ?? '';
      const match = CODE_CELL.exec(codeCell);
      const translations: Partial<Record<Lang, string>> = {};
      for (const [col, lang] of langCols) {
        if (col !== meaningCol && row.cells[col]) translations[lang] = row.cells[col];
      }
      rows.push({
        code: match ? match[1] : codeCell,
        reason: (reasonCol !== undefined ? row.cells[reasonCol] : undefined) || match?.[2] || undefined,
        kind: (kindCol !== undefined ? kindFromWord(row.cells[kindCol] ?? '') : undefined) ?? tableKind,
        meaning: meaningCol !== undefined ? row.cells[meaningCol] : undefined,
        translations,
        line: row.line,
        where: table === undefined ? { kind: 'row', row: rowIndex + 1 } : { kind: 'row', row: rowIndex + 1, table },
      });
    });
  });
  return rows;
}
