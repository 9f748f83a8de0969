/**
 * Which routes a request hits: its method and the path it names (SiteMethod.path: literal segments, `{}` where a
 * template part stands) against the endpoints' full paths (parameters as `{name}`).
 *
 * - `:id`, `{id}` and `[id]` are the same parameter; a parameter matches any one segment, and so does a template part
 *   of the request (`/users/${id}`); a trailing slash is tolerated; a `*` segment of a route matches the rest.
 * - Where a literal segment of the request could hit a literal route and a parameter route (`/users/me` and
 *   `/users/{id}`), the literal one wins, segment by segment from the left, as Fastify's, Koa's and Hono's routers
 *   decide (Express tries routes in registration order, which the index does not keep across files). A template part
 *   could be anything: `/users/${x}` hits both.
 * - A route registered for any method (`ANY_METHOD`) matches every method; HEAD matches GET where no route serves HEAD.
 * - A request may hit several endpoints (the same path registered twice, or one router mounted twice): all are given.
 */
import { joinRoutePath } from './paths';
import { ANY_METHOD, type Endpoint } from './projectIndex';

/** How a route's segment matched a request's: a literal, a parameter (or a template part), the rest (`*`). */
const LITERAL = 2;
const PARAMETER = 1;
const REST = 0;

/** The endpoints a request with `method` to `path` hits: all of the most specific that match. */
export function endpointsMatching<E extends Endpoint>(endpoints: readonly E[], method: string, path: string): E[] {
  const wanted = method.toUpperCase();
  const request = segmentsOf(path);
  const byPath = endpoints.map((endpoint) => ({ endpoint, score: endpoint.path === undefined ? undefined : pathScore(segmentsOf(endpoint.path), request) }));
  const onPath = byPath.filter((entry): entry is { endpoint: E; score: number[] } => entry.score !== undefined);
  const serves = (name: string) => onPath.filter(({ endpoint }) => endpoint.method === name || endpoint.method === ANY_METHOD);
  let hits = serves(wanted);
  if (wanted === 'HEAD' && !hits.some(({ endpoint }) => endpoint.method === 'HEAD')) hits = serves('GET');
  let best: number[] | undefined;
  for (const { score } of hits) if (!best || compareScores(score, best) > 0) best = score;
  return hits.filter(({ score }) => best && compareScores(score, best) === 0).map(({ endpoint }) => endpoint);
}

/** A path's segments, parameters in one spelling; no empty segment (a trailing or doubled slash). */
function segmentsOf(path: string): string[] {
  return joinRoutePath(path).split('/').filter(Boolean);
}

/** How well a route's segments match a request's, segment by segment; undefined where they do not match. */
function pathScore(route: readonly string[], request: readonly string[]): number[] | undefined {
  const score: number[] = [];
  for (let i = 0; i < route.length; i++) {
    const segment = route[i];
    if (segment === '*') {
      if (i >= request.length) return undefined;
      return [...score, REST];
    }
    const asked = request[i];
    if (asked === undefined) return undefined;
    const matched = segmentScore(segment, asked);
    if (matched === undefined) return undefined;
    score.push(matched);
  }
  return score.length === request.length ? score : undefined;
}

function segmentScore(route: string, request: string): number | undefined {
  if (isParameter(route) || isParameter(request)) return PARAMETER;
  if (!request.includes('{}')) return route === request ? LITERAL : undefined;
  // A template part inside a segment (`img-${id}.png`): the literal parts around it must match.
  const pattern = new RegExp(`^${request.split('{}').map(escapeRegExp).join('[^/]+')}$`);
  return pattern.test(route) ? PARAMETER : undefined;
}

/** A whole-segment parameter (`{id}`), or a template part of the request (`{}`). */
function isParameter(segment: string): boolean {
  return /^\{[^{}]*\}$/.test(segment);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lexicographic, left to right: the first segment that differs decides. */
function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
