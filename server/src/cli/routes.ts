/** `statusdoc routes`: every route of the project with its full path and where its handler is, as text or JSON. */
import type { Endpoint, LineIndex } from '../core';
import type { BuiltIndex } from '../project/routeIndex';

export interface RouteRecord {
  method: string;
  /** Null where a part of the path is not a literal (built at run time). */
  path: string | null;
  registeredAt: { file: string; line: number };
  handler: { file: string; name: string; line: number | null } | null;
}

function lineOf(lines: ReadonlyMap<string, LineIndex>, file: string, offset: number | undefined): number | null {
  const index = lines.get(file);
  return index && offset !== undefined ? index.lineOf(offset) + 1 : null;
}

export function routeRecords({ index, lines }: BuiltIndex): RouteRecord[] {
  return index.endpoints().map((endpoint: Endpoint) => ({
    method: endpoint.method,
    path: endpoint.path ?? null,
    registeredAt: { file: endpoint.file, line: lineOf(lines, endpoint.file, endpoint.at) ?? 0 },
    handler: endpoint.handler
      ? { file: endpoint.handler.file, name: endpoint.handler.name, line: lineOf(lines, endpoint.handler.file, endpoint.handler.at) }
      : null,
  }));
}

export function formatRoutes(built: BuiltIndex, format: 'text' | 'json'): string {
  const records = routeRecords(built);
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  const width = Math.max(0, ...records.map((r) => r.method.length + 1 + (r.path ?? '(path not literal)').length));
  const lines = records.map((record) => {
    const endpoint = `${record.method} ${record.path ?? '(path not literal)'}`.padEnd(width);
    const handler = record.handler ? `${record.handler.file}:${record.handler.line ?? '?'} ${record.handler.name}` : 'inline';
    return `${endpoint}  ${handler}  (registered at ${record.registeredAt.file}:${record.registeredAt.line})`;
  });
  const count = records.length;
  lines.push(`${count} route${count === 1 ? '' : 's'} in ${built.index.fileCount} file${built.index.fileCount === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
