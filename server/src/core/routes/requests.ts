/**
 * The requests a file's tests and mocks make, read off its status sites: each site whose method names the path it
 * calls (SiteMethod.path) belongs to one request, and a request's codes are those its sites expect or mock
 * (`request(app).post('/v1/users').expect(201)`; `expect(res.status).toBe(409)` after it).
 */
import type { Site } from '../sites/types';

export interface RequestCall {
  readonly method: string;
  /** As SiteMethod.path: literal segments, `{}` where a template part stands. */
  readonly path: string;
  /** Offsets of the path as written: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Offset of the text that names the method (`post`, `method: 'POST'`). */
  readonly methodAt: number;
  /** The codes the test expects of it, or the mock answers with, in the order written, each once. */
  readonly codes: readonly number[];
  /** A mock's request (nock, msw): its codes are what it answers, not what a test expects. */
  readonly mock: boolean;
  /** As SiteMethod.app: the name of the app it is made on in-process, where that is written. */
  readonly app?: string;
}

/**
 * Whether a module's text may check or mock a request's status (an assertion, a mock's reply, msw): a cheap test on
 * the text, true whenever unsure; a file it clears has no request worth reading.
 */
export function mayCheckRequests(text: string): boolean {
  return REQUEST_TEXT.test(text);
}

const REQUEST_TEXT = /\b(?:expect|assert|should|reply|msw)\b/;

/** The requests with a known path among a file's sites, in the order their paths are written. */
export function requestsOf(sites: readonly Site[]): RequestCall[] {
  const byRequest = new Map<string, RequestCall & { codes: number[] }>();
  for (const site of sites) {
    const method = site.method;
    if (!method?.path || method.pathStart === undefined || method.pathEnd === undefined) continue;
    if (site.role !== 'expectation' && site.role !== 'mock') continue;
    const id = `${method.name} ${method.pathStart}`;
    const request = byRequest.get(id) ?? {
      method: method.name,
      path: method.path,
      start: method.pathStart,
      end: method.pathEnd,
      methodAt: method.at,
      codes: [],
      mock: site.role === 'mock',
      ...(method.app !== undefined && { app: method.app }),
    };
    if (!request.codes.includes(site.code)) request.codes.push(site.code);
    byRequest.set(id, request);
  }
  return [...byRequest.values()].sort((a, b) => a.start - b.start);
}
