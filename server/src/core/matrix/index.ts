/**
 * The endpoint status matrix: the model (model.ts) from plain inputs, and its renderers: Markdown, JSON, one
 * self-contained HTML page.
 */
export {
  buildMatrix,
  compareCodes,
  matrixRowId,
  MATRIX_SOURCES,
  type CellDrift,
  type CodeAt,
  type EndpointInput,
  type MatrixCell,
  type MatrixColumn,
  type MatrixInputs,
  type MatrixModel,
  type MatrixPlace,
  type MatrixRow,
  type MatrixSource,
  type OperationInput,
  type RequestInput,
  type RowDrift,
} from './model';
export { operationRowPaths } from './operationRows';
export { renderMatrixMarkdown } from './markdown';
export { MATRIX_JSON_VERSION, renderMatrixJson } from './json';
export { escapeHtml, renderMatrixHtml, type MatrixHtmlOptions, type MatrixLinks } from './html';
