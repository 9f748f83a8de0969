/**
 * The endpoint status matrix: a row per endpoint (method + path), a column per code seen anywhere, each cell saying
 * where that code appears (spec, handler, tests, mocks), what the table says of it, and where spec and code drift.
 *
 * Its inputs are plain data, so whatever finds operations, handler answers or test requests can feed it: today the
 * route index with its handlers' answers and resolved requests, and the spec linker (project/matrixInputs.ts).
 */
import type { StatusTable } from '../table/types';

/** Where a code appears, in the order cells list them. */
export const MATRIX_SOURCES = ['spec', 'handler', 'tests', 'mocks'] as const;
export type MatrixSource = (typeof MATRIX_SOURCES)[number];

/** A place in the project: a '/'-separated path relative to the project root, 1-based line and column (UTF-16). */
export interface MatrixPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A code written at a place: '201', a range '4XX' (spec only) or 'default' (spec only). */
export interface CodeAt {
  readonly code: string;
  readonly place: MatrixPlace;
}

/** A route of the code and what its handler answers. */
export interface EndpointInput {
  readonly method: string;
  /** The full path, parameters in any spelling (`:id`, `{id}`, `[id]`). */
  readonly path: string;
  /** Where the route is registered. */
  readonly route: MatrixPlace;
  readonly answers: readonly CodeAt[];
  /**
   * Whether every code the handler can answer is known (no code from a parameter, no error passed on to handlers
   * whose codes are unknown). Only then does the matrix say the handler never answers a code.
   */
  readonly answersKnown: boolean;
  /**
   * Whether a spec describes this route's code (`apis` code folders, the nearest discovered spec); only then is a
   * route no operation lists drift. Absent: whenever any operation is given.
   */
  readonly specCompared?: boolean;
}

/** An operation of a spec: method, full path (with the servers' or basePath's prefix) and its response keys. */
export interface OperationInput {
  readonly method: string;
  readonly path: string;
  /** Where the operation's method key is written. */
  readonly place: MatrixPlace;
  readonly responses: readonly CodeAt[];
}

/** A request a test makes (and the codes it expects) or a mock serves (and the codes it answers). */
export interface RequestInput {
  readonly kind: 'tests' | 'mocks';
  readonly method: string;
  /** The path requested, literal (`/orders/42`) or a template (`/orders/{}` for a part not known); no query string. */
  readonly path: string;
  readonly codes: readonly CodeAt[];
}

export interface MatrixInputs {
  readonly endpoints: readonly EndpointInput[];
  readonly operations: readonly OperationInput[];
  readonly requests: readonly RequestInput[];
}

/** Drift in one cell: the handler answers a code the spec does not list (nor a range or default covers), … */
export type CellDrift = 'handler-not-in-spec' | 'spec-not-in-handler' | 'tests-not-answered';
/** Drift of a whole row: an operation no route serves, or a route no operation describes. */
export type RowDrift = 'operation-without-route' | 'route-not-in-spec';

export interface MatrixColumn {
  readonly code: string;
  /** A numeric code the table does not document (ranges and default are never marked). */
  readonly undocumented: boolean;
}

export interface MatrixCell {
  readonly code: string;
  readonly spec: readonly MatrixPlace[];
  readonly handler: readonly MatrixPlace[];
  readonly tests: readonly MatrixPlace[];
  readonly mocks: readonly MatrixPlace[];
  /** The code is the table's documented success code of the row's method. */
  readonly documentedSuccess: boolean;
  readonly undocumented: boolean;
  readonly drift: readonly CellDrift[];
}

export interface MatrixRow {
  readonly method: string;
  readonly path: string;
  /** Where the routes of this endpoint are registered (empty: no route). */
  readonly routes: readonly MatrixPlace[];
  /** Where the spec's operations for it are written (empty: no operation). */
  readonly operations: readonly MatrixPlace[];
  /** The table's success code for the method; null where the table names none. */
  readonly documentedSuccess: number | null;
  readonly drift: readonly RowDrift[];
  /** One cell per code seen on this row, in column order. */
  readonly cells: readonly MatrixCell[];
}

export interface MatrixModel {
  /** Every code seen anywhere: numeric codes ascending, then ranges (`4XX`), then `default`. */
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
  /** Whether any spec operation was given: without one, spec drift is not judged. */
  readonly hasSpec: boolean;
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];

/** Builds the matrix from its inputs under the table in force. */
export function buildMatrix(inputs: MatrixInputs, table: Pick<StatusTable, 'entries' | 'successCodeByMethod'>): MatrixModel {
  const rows = new Map<string, RowBuilder>();
  const rowFor = (method: string, path: string): RowBuilder => {
    const upper = method.toUpperCase();
    const id = matrixRowId(upper, path);
    let row = rows.get(id);
    if (!row) rows.set(id, (row = new RowBuilder(upper, canonicalPath(path))));
    return row;
  };
  for (const endpoint of inputs.endpoints) {
    const row = rowFor(endpoint.method, endpoint.path);
    row.routes.push(endpoint.route);
    row.answersKnown &&= endpoint.answersKnown;
    row.specCompared ||= endpoint.specCompared ?? true;
    for (const answer of endpoint.answers) row.add(answer.code, 'handler', answer.place);
  }
  for (const operation of inputs.operations) {
    const row = rowFor(operation.method, operation.path);
    row.operations.push(operation.place);
    for (const response of operation.responses) row.add(response.code, 'spec', response.place);
  }
  // Rows by method and segment count, their paths split once: a request is compared with those only (a project of
  // thousands of routes and requests).
  const candidates = new Map<string, { row: RowBuilder; segments: string[] }[]>();
  const addCandidate = (row: RowBuilder) => {
    const segments = row.path.split('/');
    const key = `${row.method} ${segments.length}`;
    const list = candidates.get(key);
    if (list) list.push({ row, segments });
    else candidates.set(key, [{ row, segments }]);
  };
  for (const row of rows.values()) addCandidate(row);
  for (const request of inputs.requests) {
    const got = canonicalPath(request.path).split('/');
    const matches = (candidates.get(`${request.method.toUpperCase()} ${got.length}`) ?? [])
      .filter(({ segments }) => segmentsMatch(segments, got))
      .map(({ row }) => row);
    if (matches.length === 0) {
      // A request no route or operation serves still shows what it expects, on a row of its own (which later
      // requests to the same path share).
      const known = rows.size;
      const row = rowFor(request.method, stripQuery(request.path));
      if (rows.size > known) addCandidate(row);
      matches.push(row);
    }
    for (const row of matches) for (const code of request.codes) row.add(code.code, request.kind, code.place);
  }

  const hasSpec = inputs.operations.length > 0;
  const codes = new Set<string>();
  for (const row of rows.values()) for (const code of row.cells.keys()) codes.add(code);
  const undocumented = (code: string) => /^\d{3}$/.test(code) && !table.entries.has(Number(code));
  const columns = [...codes].sort(compareCodes).map((code) => ({ code, undocumented: undocumented(code) }));
  const built = [...rows.values()].map((row) => row.build(table.successCodeByMethod.get(row.method) ?? null, hasSpec, undocumented));
  built.sort(
    (a, b) => templateKey(a.path).localeCompare(templateKey(b.path)) || methodRank(a.method) - methodRank(b.method) || a.method.localeCompare(b.method),
  );
  return { columns, rows: built, hasSpec };
}

class RowBuilder {
  readonly routes: MatrixPlace[] = [];
  readonly operations: MatrixPlace[] = [];
  answersKnown = true;
  specCompared = false;
  readonly cells = new Map<string, Record<MatrixSource, MatrixPlace[]>>();

  constructor(
    readonly method: string,
    readonly path: string,
  ) {}

  add(code: string, source: MatrixSource, place: MatrixPlace): void {
    const key = normalizeCode(code);
    if (key === undefined) return;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { spec: [], handler: [], tests: [], mocks: [] }));
    const places = cell[source];
    if (!places.some((p) => p.file === place.file && p.line === place.line && p.column === place.column)) places.push(place);
  }

  build(success: number | null, hasSpec: boolean, undocumented: (code: string) => boolean): MatrixRow {
    const hasRoute = this.routes.length > 0;
    const hasOperation = this.operations.length > 0;
    const specCodes = [...this.cells].filter(([, cell]) => cell.spec.length > 0).map(([code]) => code);
    const handlerCodes = new Set([...this.cells].filter(([, cell]) => cell.handler.length > 0).map(([code]) => code));
    const drift: RowDrift[] = [];
    if (hasOperation && !hasRoute) drift.push('operation-without-route');
    if (hasRoute && !hasOperation && hasSpec && this.specCompared) drift.push('route-not-in-spec');
    const cells = [...this.cells]
      .sort(([a], [b]) => compareCodes(a, b))
      .map(([code, places]): MatrixCell => {
        const cellDrift: CellDrift[] = [];
        if (hasOperation && places.handler.length > 0 && !specCovers(specCodes, code)) cellDrift.push('handler-not-in-spec');
        // "Never answered" needs every code of the handler known; a range or default in the spec is no promise.
        const answeredKnown = hasRoute && this.answersKnown;
        if (answeredKnown && places.spec.length > 0 && /^\d{3}$/.test(code) && !handlerCodes.has(code)) cellDrift.push('spec-not-in-handler');
        if (answeredKnown && places.tests.length > 0 && !handlerCodes.has(code)) cellDrift.push('tests-not-answered');
        return {
          code,
          ...places,
          documentedSuccess: success !== null && code === String(success),
          undocumented: undocumented(code),
          drift: cellDrift,
        };
      });
    return { method: this.method, path: this.path, routes: this.routes, operations: this.operations, documentedSuccess: success, drift, cells };
  }
}

/** Whether the spec's keys cover a code: the code itself, its class's range (`4XX`), or `default`. */
function specCovers(specCodes: readonly string[], code: string): boolean {
  return specCodes.some((key) => key === code || key === 'default' || (/^\dXX$/.test(key) && /^\d{3}$/.test(code) && key[0] === code[0]));
}

/** '201', '4XX' (any case), 'default'; anything else is not a status key. */
function normalizeCode(code: string): string | undefined {
  const text = String(code).trim();
  if (/^[1-5]\d\d$/.test(text)) return text;
  if (/^[1-5]xx$/i.test(text)) return `${text[0]}XX`;
  return text.toLowerCase() === 'default' ? 'default' : undefined;
}

function codeRank(code: string): number {
  if (/^\d{3}$/.test(code)) return 0;
  return code === 'default' ? 2 : 1;
}

/** Numeric codes ascending, then ranges, then `default`. */
export function compareCodes(a: string, b: string): number {
  return codeRank(a) - codeRank(b) || a.localeCompare(b);
}

function methodRank(method: string): number {
  const index = METHOD_ORDER.indexOf(method);
  return index === -1 ? METHOD_ORDER.length : index;
}

function stripQuery(path: string): string {
  return path.replace(/[?#].*$/, '');
}

const PARAMETER = /^(?::(\w+)\??|\{(\w*)\}|\[(?:\.\.\.)?(\w+)\])$/;

/** A path's parameters written `{name}`, one '/' between segments, no trailing '/'. */
function canonicalPath(path: string): string {
  const segments = stripQuery(path)
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const match = PARAMETER.exec(segment);
      return match ? `{${match[1] ?? match[2] ?? match[3]}}` : segment;
    });
  return `/${segments.join('/')}`;
}

/**
 * A row's identity: its method and its path's template, parameters unnamed (`POST /orders/{}`); what the matrix page
 * marks its rows with, so a link from elsewhere (a spec operation's code lens) can find one.
 */
export function matrixRowId(method: string, path: string): string {
  return `${method.toUpperCase()} ${templateKey(path)}`;
}

/** A template's identity: its literal segments, parameters unnamed (`/orders/{id}` and `/orders/:orderId` are one). */
function templateKey(path: string): string {
  return canonicalPath(path).replace(/\{\w*\}/g, '{}');
}

/** Whether a requested path (`/orders/42`, or a template) falls under a row's template (both canonical, split). */
function segmentsMatch(want: readonly string[], got: readonly string[]): boolean {
  return want.length === got.length && want.every((segment, i) => segment === got[i] || isParameter(segment) || isParameter(got[i]));
}

function isParameter(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}
