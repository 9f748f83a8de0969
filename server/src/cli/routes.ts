/**
 * `statusdoc routes`: every route of the project with its full path, where its handler is, and the test requests that
 * call it, as text or JSON.
 */
import type { Endpoint } from '../core';
import type { WorkspaceRoutes } from '../project/workspaceRoutes';

export interface RouteRecord {
  method: string;
  /** Null where a part of the path is not a literal (built at run time). */
  path: string | null;
  registeredAt: { file: string; line: number };
  handler: { file: string; name: string; line: number | null } | null;
  /** The test requests that call it (mocks left out): where, the method and path as written, the codes expected. */
  tests: TestRecord[];
}

export interface TestRecord {
  file: string;
  line: number;
  method: string;
  /** The path as the request names it: literal segments, `{}` where a template part stands. */
  path: string;
  codes: number[];
}

export function routeRecords(routes: WorkspaceRoutes): RouteRecord[] {
  const lineOf = (file: string, offset: number | undefined) => (offset === undefined ? null : (routes.lineOf(file, offset) ?? null));
  return routes.endpoints().map((endpoint: Endpoint) => ({
    method: endpoint.method,
    path: endpoint.path ?? null,
    registeredAt: { file: endpoint.file, line: lineOf(endpoint.file, endpoint.at) ?? 0 },
    handler: endpoint.handler ? { file: endpoint.handler.file, name: endpoint.handler.name, line: lineOf(endpoint.handler.file, endpoint.handler.at) } : null,
    tests: routes
      .testsOf(endpoint)
      .map((request) => ({ file: request.file, line: request.line, method: request.method, path: request.path, codes: [...request.codes] })),
  }));
}

export function formatRoutes(routes: WorkspaceRoutes, format: 'text' | 'json'): string {
  const records = routeRecords(routes);
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  const width = Math.max(0, ...records.map((r) => r.method.length + 1 + (r.path ?? '(path not literal)').length));
  const lines = records.map((record) => {
    const endpoint = `${record.method} ${record.path ?? '(path not literal)'}`.padEnd(width);
    const handler = record.handler ? `${record.handler.file}:${record.handler.line ?? '?'} ${record.handler.name}` : 'inline';
    const tests = `${record.tests.length} test${record.tests.length === 1 ? '' : 's'}`;
    return `${endpoint}  ${handler}  (registered at ${record.registeredAt.file}:${record.registeredAt.line})  ${tests}`;
  });
  const count = records.length;
  lines.push(`${count} route${count === 1 ? '' : 's'} in ${routes.fileCount} file${routes.fileCount === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
