/** Reads the HTML <table>s of a doc (Markdown holding HTML tables, as the organisation publishes it). */
import { Parser } from 'htmlparser2';
import { cleanCell, lineLocator, type Grid } from './grid';

export function readHtmlGrids(text: string): Grid[] {
  const lineAt = lineLocator(text);
  const grids: Grid[] = [];
  // A stack so that a table nested in a cell does not tear its parent apart.
  const open: { grid: Grid; row?: { cells: string[]; header: boolean; line: number }; cell?: string[] }[] = [];

  const parser = new Parser(
    {
      onopentag(name) {
        const current = open[open.length - 1];
        if (name === 'table') {
          open.push({ grid: { headers: [], rows: [], line: lineAt(parser.startIndex) } });
        } else if (!current) {
          return;
        } else if (name === 'tr') {
          current.row = { cells: [], header: true, line: lineAt(parser.startIndex) };
        } else if ((name === 'td' || name === 'th') && current.row) {
          if (name === 'td') current.row.header = false;
          current.cell = [];
        } else if ((name === 'br' || name === 'p' || name === 'li') && current.cell) {
          current.cell.push(' ');
        }
      },
      ontext(data) {
        open[open.length - 1]?.cell?.push(data);
      },
      onclosetag(name) {
        const current = open[open.length - 1];
        if (!current) return;
        if ((name === 'td' || name === 'th') && current.row && current.cell) {
          current.row.cells.push(cleanCell(current.cell.join('')));
          current.cell = undefined;
        } else if (name === 'tr' && current.row) {
          const { cells, header, line } = current.row;
          if (header && current.grid.headers.length === 0 && current.grid.rows.length === 0) current.grid.headers = cells;
          // A row with nothing in it (a spacer, a row still being typed) is not a row of the table.
          else if (cells.some((cell) => cell !== '')) current.grid.rows.push({ cells, line });
          current.row = undefined;
        } else if (name === 'table') {
          grids.push(current.grid);
          open.pop();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(text);
  parser.end();
  // Tables left open by a truncated doc still count for what they hold.
  while (open.length > 0) grids.push(open.pop()!.grid);
  return grids;
}
