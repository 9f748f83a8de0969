/** `statusdoc routes`: every route of the project with its full path and where its handler is, as text or JSON. */
import type { Endpoint } from '../core';
import type { WorkspaceRoutes } from '../project/workspaceRoutes';

export interface RouteRecord {
  method: string;
  /** Null where a part of the path is not a literal (built at run time). */
  path: string | null;
  registeredAt: { file: string; line: number };
  handler: { file: string; name: string; line: number | null } | null;
}

export function routeRecords(routes: WorkspaceRoutes): RouteRecord[] {
  const lineOf = (file: string, offset: number | undefined) => (offset === undefined ? null : (routes.lineOf(file, offset) ?? null));
  return routes.endpoints().map((endpoint: Endpoint) => ({
    method: endpoint.method,
    path: endpoint.path ?? null,
    registeredAt: { file: endpoint.file, line: lineOf(endpoint.file, endpoint.at) ?? 0 },
    handler: endpoint.handler ? { file: endpoint.handler.file, name: endpoint.handler.name, line: lineOf(endpoint.handler.file, endpoint.handler.at) } : null,
  }));
}

export function formatRoutes(routes: WorkspaceRoutes, format: 'text' | 'json'): string {
  const records = routeRecords(routes);
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  const width = Math.max(0, ...records.map((r) => r.method.length + 1 + (r.path ?? '(path not literal)').length));
  const lines = records.map((record) => {
    const endpoint = `${record.method} ${record.path ?? '(path not literal)'}`.padEnd(width);
    const handler = record.handler ? `${record.handler.file}:${record.handler.line ?? '?'} ${record.handler.name}` : 'inline';
    return `${endpoint}  ${handler}  (registered at ${record.registeredAt.file}:${record.registeredAt.line})`;
  });
  const count = records.length;
  lines.push(`${count} route${count === 1 ? '' : 's'} in ${routes.fileCount} file${routes.fileCount === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
