/** The matrix as a Markdown table: a row per endpoint, a column per code; a legend below. */
import { MATRIX_SOURCES, type MatrixCell, type MatrixModel } from './model';
import { DRIFT_LABELS, DRIFT_SHORT } from './words';

export function renderMatrixMarkdown(model: MatrixModel): string {
  const header = ['Endpoint', ...model.columns.map((column) => (column.undocumented ? `${column.code} (undocumented)` : column.code))];
  const lines = [row(header), row(header.map(() => '---'))];
  for (const matrixRow of model.rows) {
    const byCode = new Map(matrixRow.cells.map((cell) => [cell.code, cell]));
    const endpoint = [`\`${matrixRow.method} ${matrixRow.path}\``, ...matrixRow.drift.map((drift) => `⚠ ${DRIFT_SHORT[drift]}`)].join(' ');
    lines.push(row([endpoint, ...model.columns.map((column) => cellText(byCode.get(column.code)))]));
  }
  const legend = [
    '',
    '✓ the documented success code of the method · ⚠ drift:',
    ...Object.entries(DRIFT_LABELS).map(([id, label]) => `- ${DRIFT_SHORT[id as keyof typeof DRIFT_SHORT]} (${id}): ${label}`),
  ];
  return `${[...lines, ...legend].join('\n')}\n`;
}

function cellText(cell: MatrixCell | undefined): string {
  if (!cell) return '';
  const sources = MATRIX_SOURCES.filter((source) => cell[source].length > 0);
  const marks = [...(cell.documentedSuccess ? ['✓'] : []), ...cell.drift.map((drift) => `⚠ ${DRIFT_SHORT[drift]}`)];
  return [sources.join(', '), ...marks].join(' ');
}

/** A table row; `|` and line breaks in project text must not break the table. */
function row(cells: readonly string[]): string {
  return `| ${cells
    .map((cell) =>
      cell
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/[\r\n]+/g, ' '),
    )
    .join(' | ')} |`;
}
