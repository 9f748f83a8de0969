/** Reads the pipe tables of a Markdown doc (GitHub-flavoured: header row, delimiter row, body rows). */
import { cleanCell, type Grid } from './grid';

// Tested on the trimmed line: leading and trailing \s* here would backtrack quadratically on a long blank run.
const DELIMITER = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;

function splitRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  // Split on pipes that are not escaped as \|.
  return body.split(/(?<!\\)\|/).map((cell) => cleanCell(cell.replace(/\\\|/g, '|').replace(/`/g, '')));
}

/**
 * The text with its fenced code blocks blanked (line breaks kept, so line numbers still hold): a table shown
 * as an example in a fence, pipe or HTML, is not the team's table. A fence closes only on its own kind of marker.
 */
export function withoutFencedCode(text: string): string {
  let fence: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined) {
        if (!marker) return line;
        fence = marker;
        return '';
      }
      const close = line.trim();
      if (close.length >= fence.length && close === fence[0].repeat(close.length)) fence = undefined;
      return '';
    })
    .join('\n');
}

export function readPipeGrids(text: string): Grid[] {
  const lines = withoutFencedCode(text).split(/\r?\n/);
  const grids: Grid[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('|') || !DELIMITER.test((lines[i + 1] ?? '').trim()) || !lines[i + 1].includes('-')) continue;
    const grid: Grid = { headers: splitRow(lines[i]), rows: [], line: i + 1 };
    let j = i + 2;
    for (; j < lines.length && lines[j].includes('|') && lines[j].trim() !== ''; j++) {
      const cells = splitRow(lines[j]);
      // A blank row (| | |) is spacing, not an entry.
      if (cells.some((cell) => cell !== '')) grid.rows.push({ cells, line: j + 1 });
    }
    grids.push(grid);
    i = j - 1;
  }
  return grids;
}
