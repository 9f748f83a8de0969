/**
 * The matrix's inputs from a folder, for the CLI and the server alike: the route index's endpoints with the status
 * sites of their handlers (the handler's span in its file's parse; an inline handler's sites carry its route's
 * method), the operations of the OpenAPI/Swagger YAML files given, and the requests tests and mocks make (an index
 * built with `{ requests: true }`). Whether a handler's codes are all known comes with the answers resolver.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  documentModuleFacts,
  languageOfFile,
  SourceDocument,
  specOperations,
  type CodeAt,
  type EndpointInput,
  type MatrixInputs,
  type MatrixPlace,
  type OperationInput,
  type RequestInput,
} from '../core';
import { projectPath } from './routeIndex';
import type { WorkspaceRoutes } from './workspaceRoutes';

export interface MatrixReadOptions {
  readonly maxChars: number;
  /** The text of a file (absolute path) where it is newer than the disk (an editor's); undefined: read the disk. */
  readonly textOf?: (file: string) => string | undefined;
}

/** Files that could not be read, with why: the matrix names them rather than showing them empty. */
export interface MatrixGathered {
  readonly inputs: MatrixInputs;
  readonly leftOut: { file: string; reason: string }[];
}

export function gatherMatrixInputs(routes: WorkspaceRoutes, files: readonly string[], options: MatrixReadOptions): MatrixGathered {
  const leftOut = new Map<string, string>();
  const documents = new Map<string, SourceDocument | undefined>();
  const documentOf = (relative: string): SourceDocument | undefined => {
    if (documents.has(relative)) return documents.get(relative);
    const file = path.join(routes.root, ...relative.split('/'));
    let document: SourceDocument | undefined;
    const language = languageOfFile(file);
    try {
      const text = options.textOf?.(file) ?? fs.readFileSync(file, 'utf8');
      if (text.length > options.maxChars) leftOut.set(relative, 'too large');
      else if (language) document = new SourceDocument(text, language, 0, { maxChars: options.maxChars });
    } catch (error) {
      leftOut.set(relative, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
    documents.set(relative, document);
    return document;
  };
  const placeOf = (relative: string, document: SourceDocument, offset: number): MatrixPlace => {
    const position = document.lines.positionAt(offset);
    return { file: relative, line: position.line + 1, column: position.character + 1 };
  };

  const endpoints: EndpointInput[] = [];
  for (const endpoint of routes.endpoints()) {
    if (endpoint.path === undefined) continue; // a path built at run time has no row to go in
    const route = { file: endpoint.file, ...(routes.positionOf(endpoint.file, endpoint.at) ?? { line: 1, column: 1 }) };
    const answers: CodeAt[] = [];
    // An inline handler: the sites its route's method is read from. A route file that names its handlers is not
    // parsed for this (most route files of a boilerplate).
    const routeDocument = endpoint.handler ? undefined : documentOf(endpoint.file);
    for (const site of routeDocument?.facts.sites ?? []) {
      if (site.role === 'response' && site.method?.source === 'route' && site.method.at === endpoint.at) {
        answers.push({ code: String(site.code), place: placeOf(endpoint.file, routeDocument!, site.start) });
      }
    }
    const handler = endpoint.handler;
    const handlerDocument = handler && documentOf(handler.file);
    if (handler && handlerDocument && handlerDocument.language !== 'yaml') {
      const local = safeFacts(handlerDocument, path.join(routes.root, ...handler.file.split('/')))?.locals.get(handler.name);
      for (const site of local ? handlerDocument.facts.sites : []) {
        if (site.role === 'response' && site.start >= local!.start && site.end <= local!.end) {
          answers.push({ code: String(site.code), place: placeOf(handler.file, handlerDocument, site.start) });
        }
      }
    }
    endpoints.push({ method: endpoint.method, path: endpoint.path, route, answers, answersKnown: false });
  }

  const operations: OperationInput[] = [];
  for (const file of files) {
    if (languageOfFile(file) !== 'yaml') continue;
    const relative = projectPath(routes.root, path.resolve(file));
    const document = documentOf(relative);
    if (!document) continue;
    for (const operation of specOperations(document.text)) {
      operations.push({
        method: operation.method,
        path: operation.path,
        place: placeOf(relative, document, operation.at),
        responses: operation.responses.map((response) => ({ code: response.code, place: placeOf(relative, document, response.at) })),
      });
    }
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

/** A module's facts, or none where the compiler's parser could not read it (too deep): its handlers show no codes. */
function safeFacts(document: SourceDocument, file: string) {
  try {
    return documentModuleFacts(document, file);
  } catch {
    return undefined;
  }
}
