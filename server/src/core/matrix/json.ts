/**
 * The matrix as JSON, fields always in this order (a diff of two runs shows only what changed):
 *
 *   { "version": 1, "hasSpec", "columns": [{ "code", "undocumented" }],
 *     "rows": [{ "method", "path", "documentedSuccess", "drift": [RowDrift], "routes": [Place], "operations": [Place],
 *                "cells": [{ "code", "documentedSuccess", "undocumented", "drift": [CellDrift],
 *                            "spec": [Place], "handler": [Place], "tests": [Place], "mocks": [Place] }] }] }
 *   Place = { "file", "line", "column" } (project-relative path, 1-based line and column)
 */
import type { MatrixModel, MatrixPlace } from './model';

export const MATRIX_JSON_VERSION = 1;

export function renderMatrixJson(model: MatrixModel): string {
  const place = (p: MatrixPlace) => ({ file: p.file, line: p.line, column: p.column });
  const ordered = {
    version: MATRIX_JSON_VERSION,
    hasSpec: model.hasSpec,
    columns: model.columns.map((column) => ({ code: column.code, undocumented: column.undocumented })),
    rows: model.rows.map((row) => ({
      method: row.method,
      path: row.path,
      documentedSuccess: row.documentedSuccess,
      drift: [...row.drift],
      routes: row.routes.map(place),
      operations: row.operations.map(place),
      cells: row.cells.map((cell) => ({
        code: cell.code,
        documentedSuccess: cell.documentedSuccess,
        undocumented: cell.undocumented,
        drift: [...cell.drift],
        spec: cell.spec.map(place),
        handler: cell.handler.map(place),
        tests: cell.tests.map(place),
        mocks: cell.mocks.map(place),
      })),
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
