/**
 * The matrix's inputs from a folder, for the CLI and the server alike: the route index's endpoints with what their
 * handlers answer (`WorkspaceRoutes.answersOf`: implicit answers included, and whether that is all they can answer),
 * the operations of the folder's specs as the linker matched them to those endpoints (`WorkspaceSpecs.links`: YAML
 * and JSON, `apis` prefixes and code folders, the nearest spec), and the requests tests and mocks make (an index
 * built with `{ requests: true }`).
 */
import * as fs from 'node:fs';
import {
  LineIndex,
  operationRowPaths,
  type CodeAt,
  type Endpoint,
  type EndpointInput,
  type MatrixInputs,
  type MatrixPlace,
  type OperationInput,
  type RequestInput,
  type SpecLinks,
} from '../core';
import type { WorkspaceRoutes } from './workspaceRoutes';
import type { WorkspaceSpecs } from './workspaceSpecs';

export interface MatrixReadOptions {
  /** The text of a file (absolute path) where it is newer than the disk (an editor's); undefined: read the disk. */
  readonly textOf?: (file: string) => string | undefined;
}

/** Files that could not be read, with why: the matrix names them rather than showing them empty. */
export interface MatrixGathered {
  readonly inputs: MatrixInputs;
  readonly leftOut: { file: string; reason: string }[];
}

export function gatherMatrixInputs(routes: WorkspaceRoutes, specs: WorkspaceSpecs, options: MatrixReadOptions = {}): MatrixGathered {
  const leftOut = new Map<string, string>();
  const all = routes.endpoints();
  const links = specs.links(all);

  const endpoints: EndpointInput[] = [];
  for (const endpoint of all) {
    if (endpoint.path === undefined) continue; // a path built at run time has no row to go in
    const route = { file: endpoint.file, ...(routes.positionOf(endpoint.file, endpoint.at) ?? { line: 1, column: 1 }) };
    const answered = routes.answersOf(endpoint);
    const answers: CodeAt[] = (answered?.codes ?? []).map((answer) => ({
      code: String(answer.code),
      place: { file: answer.file, ...(routes.positionOf(answer.file, answer.start) ?? { line: 1, column: 1 }) },
    }));
    endpoints.push({
      method: endpoint.method,
      path: endpoint.path,
      route,
      answers,
      answersKnown: answered?.known ?? false,
      specCompared: comparedWithSpec(links, endpoint),
    });
  }

  const operations: OperationInput[] = [];
  const specLines = new Map<string, LineIndex | undefined>();
  const placeIn = (spec: string, offset: number): MatrixPlace | undefined => {
    if (!specLines.has(spec))
      specLines.set(
        spec,
        readLines(routes.absolute(spec), options, (reason) => leftOut.set(spec, reason)),
      );
    const position = specLines.get(spec)?.positionAt(offset);
    return position && { file: spec, line: position.line + 1, column: position.character + 1 };
  };
  for (const linked of links.operations) {
    const place = placeIn(linked.spec, linked.operation.methodStart);
    if (!place) continue;
    const responses = linked.operation.responses.flatMap((response) => {
      const at = placeIn(linked.spec, response.start);
      return at ? [{ code: response.key, place: at }] : [];
    });
    for (const rowPath of operationRowPaths(linked)) operations.push({ method: linked.operation.method, path: rowPath, place, responses });
  }

  // Test and mock requests, on the routes the index's matcher says they hit (HEAD on a GET, a base URL dropped);
  // one that hits none keeps its own path. A code's place is its request's path: the request says what it expects.
  const requests: RequestInput[] = [];
  for (const request of routes.requests()) {
    const place = { file: request.file, ...(routes.positionOf(request.file, request.start) ?? { line: request.line, column: 1 }) };
    const codes = request.codes.map((code) => ({ code: String(code), place }));
    const kind = request.mock ? 'mocks' : 'tests';
    const hit = (routes.endpointsAt(routes.absolute(request.file), request.start)?.endpoints ?? []).filter((endpoint) => endpoint.path !== undefined);
    if (hit.length === 0) requests.push({ kind, method: request.method, path: request.path, codes });
    for (const endpoint of hit) requests.push({ kind, method: endpoint.method, path: endpoint.path!, codes });
  }
  return { inputs: { endpoints, operations, requests }, leftOut: [...leftOut].map(([file, reason]) => ({ file, reason })) };
}

/** Whether some spec describes the endpoint's code: only then is a route no operation lists drift. */
function comparedWithSpec(links: SpecLinks, endpoint: Endpoint): boolean {
  if (links.operationsOf(endpoint).length > 0) return true;
  const name = `${endpoint.method} ${endpoint.path}`;
  return links.driftIn(endpoint.file).some((fact) => fact.rule === 'route-not-in-spec' && fact.start === endpoint.at && fact.endpoint === name);
}

function readLines(file: string, options: MatrixReadOptions, failed: (reason: string) => void): LineIndex | undefined {
  try {
    const text = options.textOf?.(file) ?? fs.readFileSync(file, 'utf8');
    // The spec reader reads past a byte-order mark: its offsets start after it.
    return new LineIndex(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    failed((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    return undefined;
  }
}
