/** `statusdoc matrix`: the endpoint status matrix of the project, as a self-contained HTML page, Markdown or JSON. */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { buildMatrix, renderMatrixHtml, renderMatrixJson, renderMatrixMarkdown, type MatrixModel, type StatusTable } from '../core';
import { gatherMatrixInputs } from '../project/matrixInputs';
import type { WorkspaceRoutes } from '../project/workspaceRoutes';
import { WorkspaceSpecs } from '../project/workspaceSpecs';

export const MATRIX_FORMATS = ['html', 'md', 'json'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export interface MatrixRun {
  readonly model: MatrixModel;
  /** Files that were not read, with why (the matrix is incomplete there). */
  readonly leftOut: { file: string; reason: string }[];
}

/**
 * The model of the folder the index was built over, from the files given: the specs among them (or the ones
 * `.statusdoc.json` names in its `apis`), linked to the index's routes as `check` links them.
 */
export function projectMatrix(routes: WorkspaceRoutes, files: readonly string[], table: StatusTable, maxChars: number): MatrixRun {
  const specs = new WorkspaceSpecs(routes.root, maxChars);
  specs.build(files.map((file) => path.resolve(file)));
  const gathered = gatherMatrixInputs(routes, specs);
  const leftOut = [...routes.leftOut, ...gathered.leftOut.filter((left) => !routes.leftOut.some((known) => known.file === left.file))];
  return { model: buildMatrix(gathered.inputs, table), leftOut };
}

/**
 * The matrix in a format. `outFile` (absolute) is where an HTML page will be written: its links to the files are
 * relative to its folder, so they open from file:// wherever the page sits in the project.
 */
export function formatMatrix(model: MatrixModel, format: MatrixFormat, root: string, outFile: string | undefined): string {
  if (format === 'md') return renderMatrixMarkdown(model);
  if (format === 'json') return renderMatrixJson(model);
  const fromPage = path
    .relative(outFile ? path.dirname(outFile) : root, root)
    .split(path.sep)
    .join('/');
  // The same model gives the same page: the nonce is a hash of it, not a random number, so runs compare byte for byte.
  const nonce = createHash('sha256').update(renderMatrixJson(model)).digest('base64').slice(0, 24);
  return renderMatrixHtml(model, { links: { kind: 'relative', prefix: fromPage ? `${fromPage}/` : '' }, nonce, title: path.basename(root) });
}
