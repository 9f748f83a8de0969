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
  return routeMatcher(endpoints)(method, path);
}

/**
 * `endpointsMatching` over the same endpoints for many requests: the routes are read once into a tree of segments, so
 * each request walks only the branches its segments can take.
 */
export function routeMatcher<E extends Endpoint>(endpoints: readonly E[]): (method: string, path: string) => E[] {
  const root = new SegmentNode<E>();
  for (const endpoint of endpoints) if (endpoint.path !== undefined) root.add(endpoint, segmentsOf(endpoint.path), 0);
  const order = new Map(endpoints.map((endpoint, index) => [endpoint, index]));
  return (method, path) => {
    const wanted = method.toUpperCase();
    const onPath: { endpoint: E; score: number[] }[] = [];
    root.match(segmentsOf(path), 0, [], onPath);
    const serves = (name: string) => onPath.filter(({ endpoint }) => endpoint.method === name || endpoint.method === ANY_METHOD);
    let hits = serves(wanted);
    if (wanted === 'HEAD' && !hits.some(({ endpoint }) => endpoint.method === 'HEAD')) hits = serves('GET');
    let best: number[] | undefined;
    for (const { score } of hits) if (!best || compareScores(score, best) > 0) best = score;
    return hits
      .filter(({ score }) => best && compareScores(score, best) === 0)
      .map(({ endpoint }) => endpoint)
      .sort((a, b) => order.get(a)! - order.get(b)!);
  };
}

/** The routes below one segment of a path: by the next literal segment, a parameter, `*`, or ending here. */
class SegmentNode<E> {
  private readonly literals = new Map<string, SegmentNode<E>>();
  private parameter: SegmentNode<E> | undefined;
  /** Routes whose path ends with `*` here: they match one or more further segments. */
  private readonly rest: E[] = [];
  /** Routes whose path ends here. */
  private readonly ends: E[] = [];

  add(endpoint: E, segments: readonly string[], index: number): void {
    if (index === segments.length) return void this.ends.push(endpoint);
    const segment = segments[index];
    if (segment === '*') return void this.rest.push(endpoint);
    let child: SegmentNode<E> | undefined;
    if (isParameter(segment)) child = this.parameter ??= new SegmentNode();
    else {
      child = this.literals.get(segment);
      if (!child) this.literals.set(segment, (child = new SegmentNode()));
    }
    child.add(endpoint, segments, index + 1);
  }

  match(request: readonly string[], index: number, score: number[], out: { endpoint: E; score: number[] }[]): void {
    if (index === request.length) {
      for (const endpoint of this.ends) out.push({ endpoint, score: [...score] });
      return;
    }
    for (const endpoint of this.rest) out.push({ endpoint, score: [...score, REST] });
    const asked = request[index];
    const next = (child: SegmentNode<E>, matched: number) => {
      score.push(matched);
      child.match(request, index + 1, score, out);
      score.pop();
    };
    if (this.parameter) next(this.parameter, PARAMETER);
    if (isParameter(asked)) for (const child of this.literals.values()) next(child, PARAMETER);
    else if (!asked.includes('{}')) {
      const child = this.literals.get(asked);
      if (child) next(child, LITERAL);
    } else {
      // A template part inside a segment (`img-${id}.png`): the literal parts around it must match.
      const pattern = new RegExp(`^${asked.split('{}').map(escapeRegExp).join('[^/]+')}$`);
      for (const [literal, child] of this.literals) if (pattern.test(literal)) next(child, PARAMETER);
    }
  }
}

/** A path's segments, parameters in one spelling; no empty segment (a trailing or doubled slash). */
function segmentsOf(path: string): string[] {
  return joinRoutePath(path).split('/').filter(Boolean);
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
