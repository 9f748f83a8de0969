/**
 * `statusdoc routes`: every route of the project with its full path, where its handler is, the codes it answers (with
 * "unknown" where that is not all it can answer) and the test requests that call it, as text or JSON.
 */
import { answeredCodes, type Endpoint, type OpenEndReason } from '../core';
import type { EndpointAnswers, WorkspaceRoutes } from '../project/workspaceRoutes';

export interface RouteRecord {
  method: string;
  /** Null where a part of the path is not a literal (built at run time). */
  path: string | null;
  registeredAt: { file: string; line: number };
  handler: { file: string; name: string; line: number | null } | null;
  /** What the handler answers; nothing known (no codes, not known) where the handler is not found. */
  answers: AnswersRecord;
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

export interface AnswersRecord {
  /**
   * Each place it answers, by line of the handler's file (the route file for an inline handler), or of `file`: an
   * error handler's, where the errors the handler passes on are answered.
   */
  codes: { code: number; line: number | null; file?: string; implicit?: true }[];
  /** Whether the codes are all it can answer. */
  known: boolean;
  openEnds: { reason: OpenEndReason; line: number | null }[];
  /** Middleware before the handler in the route's registration: it may answer first. */
  middleware?: { file: string; line: number | null };
}

const NOTHING_KNOWN: AnswersRecord = { codes: [], known: false, openEnds: [] };

export function routeRecords(routes: WorkspaceRoutes): RouteRecord[] {
  const lineOf = (file: string, offset: number | undefined) => (offset === undefined ? null : (routes.lineOf(file, offset) ?? null));
  return routes.endpoints().map((endpoint: Endpoint) => ({
    method: endpoint.method,
    path: endpoint.path ?? null,
    registeredAt: { file: endpoint.file, line: lineOf(endpoint.file, endpoint.at) ?? 0 },
    handler: endpoint.handler ? { file: endpoint.handler.file, name: endpoint.handler.name, line: lineOf(endpoint.handler.file, endpoint.handler.at) } : null,
    answers: answersRecord(routes.answersOf(endpoint), lineOf),
    tests: routes
      .testsOf(endpoint)
      .map((request) => ({ file: request.file, line: request.line, method: request.method, path: request.path, codes: [...request.codes] })),
  }));
}

function answersRecord(answers: EndpointAnswers | undefined, lineOf: (file: string, offset: number) => number | null): AnswersRecord {
  if (!answers) return NOTHING_KNOWN;
  const { file, middleware } = answers;
  return {
    codes: answers.codes.map((answer) => ({
      code: answer.code,
      line: lineOf(answer.file, answer.start),
      ...(answer.file !== file && { file: answer.file }),
      ...(answer.implicit && { implicit: true as const }),
    })),
    known: answers.known,
    openEnds: answers.openEnds.map((open) => ({ reason: open.reason, line: lineOf(file, open.start) })),
    ...(middleware && { middleware: { file: middleware.file, line: lineOf(middleware.file, middleware.start) } }),
  };
}

/** `answers 201, 400`, `answers 201, 400 and unknown`, `answers unknown`. */
function answersText(answers: AnswersRecord): string {
  const codes = answeredCodes(answers).join(', ');
  if (answers.known) return `answers ${codes}`;
  return codes ? `answers ${codes} and unknown` : 'answers unknown';
}

export function formatRoutes(routes: WorkspaceRoutes, format: 'text' | 'json'): string {
  const records = routeRecords(routes);
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  const width = Math.max(0, ...records.map((r) => r.method.length + 1 + (r.path ?? '(path not literal)').length));
  const lines = records.map((record) => {
    const endpoint = `${record.method} ${record.path ?? '(path not literal)'}`.padEnd(width);
    const handler = record.handler ? `${record.handler.file}:${record.handler.line ?? '?'} ${record.handler.name}` : 'inline';
    const tests = `${record.tests.length} test${record.tests.length === 1 ? '' : 's'}`;
    return `${endpoint}  ${handler}  ${answersText(record.answers)}  (registered at ${record.registeredAt.file}:${record.registeredAt.line})  ${tests}`;
  });
  const count = records.length;
  lines.push(`${count} route${count === 1 ? '' : 's'} in ${routes.fileCount} file${routes.fileCount === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
