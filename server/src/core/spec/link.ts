/**
 * Operations of the project's specs linked to the endpoints of its route index: an operation describes an endpoint
 * when their methods are equal and the spec's path, with the spec's prefix in front, is the endpoint's path
 * (parameters equal whatever their names). From the links come the two drift findings' facts: operations no route
 * serves, routes no spec lists. What cannot be compared is left out, never guessed: routes whose path is not known,
 * routes of any method (a Next.js pages route), operations of a spec whose prefix is not known.
 */
import type { Endpoint } from '../routes/projectIndex';
import { joinRoutePath } from '../routes/paths';
import type { SpecFacts, SpecOperation } from './types';

/** A spec as the shell found or was told of it. */
export interface SpecSource {
  /** Project path of the spec file ('/'-separated). */
  readonly file: string;
  readonly facts: SpecFacts;
  /** What the code's paths have in front of the spec's (`.statusdoc.json` `apis[].prefix`); replaces the servers' prefixes. */
  readonly prefix?: string;
  /**
   * The folders (project paths) whose routes the spec describes; undefined: all code, except tests (files under
   * `test/`, `tests/`, `__tests__/`, or named `*.test.*` / `*.spec.*`).
   */
  readonly code?: readonly string[];
  /**
   * Found among the files rather than configured: with several such specs, a route is compared with the one(s)
   * nearest to it in the folder tree (fewest steps up and down between their folders), so each service of a monorepo
   * meets its own spec.
   */
  readonly discovered?: boolean;
}

/** One operation of one spec, with the endpoints it describes. */
export interface LinkedOperation {
  readonly spec: string;
  readonly operation: SpecOperation;
  /** The full paths the operation stands for (its path under each prefix), parameters as `{name}`. */
  readonly paths: readonly string[];
  readonly endpoints: readonly Endpoint[];
}

/** What the drift rules are told about one file: the place and the words, the rule's severity is the checks'. */
export type DriftFact = EndpointDrift | ResponseNotInSpec | SpecResponseUnanswered;

/** An endpoint in the spec and not in the code, or the other way round (found by the links alone). */
export type EndpointDrift =
  | { readonly rule: 'operation-without-route'; readonly start: number; readonly end: number; readonly endpoint: string }
  | { readonly rule: 'route-not-in-spec'; readonly start: number; readonly endpoint: string; readonly specs: readonly string[] };

/** A handler's status site answering a code its operation does not list (nor covers by a range or `default`). */
export interface ResponseNotInSpec {
  readonly rule: 'response-not-in-spec';
  readonly start: number;
  readonly end: number;
  readonly code: number;
  /** The operation as people read it: `POST /users` (its path as the spec writes it). */
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** The spec (project path) and the 1-based line of the operation's method key. */
  readonly spec: string;
  readonly line: number | undefined;
}

/** A response key of an operation that no site of its handler(s) answers, every handler's answers being known. */
export interface SpecResponseUnanswered {
  readonly rule: 'spec-response-unanswered';
  readonly start: number;
  readonly end: number;
  readonly code: number;
  readonly operation: string;
  /** Where its handlers are, as people read them: `src/controllers/user.js:12`. */
  readonly handlers: readonly string[];
}

export interface SpecLinks {
  readonly operations: readonly LinkedOperation[];
  /** The operations that describe an endpoint (usually one). */
  operationsOf(endpoint: Endpoint): readonly LinkedOperation[];
  /** The operation of a spec file (project path) whose method key or one of whose response keys is at `offset`. */
  operationAt(spec: string, offset: number): LinkedOperation | undefined;
  /** The drift facts that land in a file (a spec's or a route file's), by project path. */
  driftIn(file: string): readonly EndpointDrift[];
  /** The files that hold drift facts. */
  readonly driftFiles: readonly string[];
}

const COMPARED_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);

/** `/users/{userId}` and `/users/{id}` compare equal. */
function shapeOf(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

export function isTestFile(file: string): boolean {
  return /(?:^|\/)(?:test|tests|__tests__|e2e)\//.test(file) || /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/.test(file);
}

function serves(source: SpecSource, file: string): boolean {
  if (!source.code) return !isTestFile(file);
  return source.code.some((folder) => {
    const dir = folder.replace(/^\.\/?/, '').replace(/\/+$/, '');
    return dir === '' || file === dir || file.startsWith(`${dir}/`);
  });
}

/** Whether an endpoint can be compared with a spec at all. */
function comparable(endpoint: Endpoint): endpoint is Endpoint & { path: string } {
  return endpoint.path !== undefined && COMPARED_METHODS.has(endpoint.method);
}

/** Steps in the folder tree from one project path's folder to the other's (up to their common folder, then down). */
function folderDistance(a: string, b: string): number {
  const left = a.split('/').slice(0, -1);
  const right = b.split('/').slice(0, -1);
  let n = 0;
  while (n < left.length && n < right.length && left[n] === right[n]) n++;
  return left.length - n + (right.length - n);
}

/** The discovered specs nearest to a file in the folder tree (ties: all of them). */
function nearest(file: string, discovered: readonly SpecSource[]): SpecSource[] {
  const scores = discovered.map((source) => folderDistance(file, source.file));
  const best = Math.min(...scores);
  return discovered.filter((_, i) => scores[i] === best);
}

export function linkSpecs(endpoints: readonly Endpoint[], specs: readonly SpecSource[]): SpecLinks {
  const discovered = specs.filter((source) => source.discovered);
  const nearestOf = new Map<string, SpecSource[]>();
  const describes = (source: SpecSource, file: string): boolean => {
    if (!serves(source, file)) return false;
    if (!source.discovered || discovered.length < 2) return true;
    let near = nearestOf.get(file);
    if (!near) nearestOf.set(file, (near = nearest(file, discovered)));
    return near.includes(source);
  };
  const operations: LinkedOperation[] = [];
  const byEndpoint = new Map<Endpoint, LinkedOperation[]>();
  const drift = new Map<string, EndpointDrift[]>();
  const addDrift = (file: string, fact: EndpointDrift) => {
    const list = drift.get(file);
    if (list) list.push(fact);
    else drift.set(file, [fact]);
  };
  const coveredBy = new Map<Endpoint, SpecSource[]>();

  for (const source of specs) {
    const prefixes = source.prefix !== undefined ? [source.prefix] : source.facts.prefixes;
    // A prefix that is not known (a server variable in its path): nothing of this spec can be compared for sure.
    if (prefixes.some((prefix) => prefix === undefined)) continue;
    const served = endpoints.filter((endpoint) => comparable(endpoint) && describes(source, endpoint.file));
    const byShape = new Map<string, Endpoint[]>();
    for (const endpoint of served) {
      coveredBy.set(endpoint, [...(coveredBy.get(endpoint) ?? []), source]);
      const shape = shapeOf(endpoint.method, endpoint.path!);
      const same = byShape.get(shape);
      if (same) same.push(endpoint);
      else byShape.set(shape, [endpoint]);
    }
    for (const operation of source.facts.operations) {
      const paths = [...new Set((prefixes as string[]).map((prefix) => joinRoutePath(prefix, operation.path)))];
      const found = [...new Set(paths.flatMap((path) => byShape.get(shapeOf(operation.method, path)) ?? []))];
      const linked: LinkedOperation = { spec: source.file, operation, paths, endpoints: found };
      operations.push(linked);
      for (const endpoint of found) byEndpoint.set(endpoint, [...(byEndpoint.get(endpoint) ?? []), linked]);
      // Only where the code it describes has routes at all: a spec of an API this code calls is not drift.
      if (found.length === 0 && served.length > 0) {
        addDrift(source.file, {
          rule: 'operation-without-route',
          start: operation.methodStart,
          end: operation.methodEnd,
          endpoint: `${operation.method} ${paths[0]}`,
        });
      }
    }
  }
  for (const [endpoint, sources] of coveredBy) {
    if (byEndpoint.has(endpoint)) continue;
    addDrift(endpoint.file, {
      rule: 'route-not-in-spec',
      start: endpoint.at,
      endpoint: `${endpoint.method} ${endpoint.path}`,
      specs: sources.map((s) => s.file),
    });
  }
  return {
    operations,
    operationsOf: (endpoint) => byEndpoint.get(endpoint) ?? [],
    operationAt: (spec, offset) =>
      operations.find(
        ({ spec: file, operation }) =>
          file === spec &&
          ((operation.methodStart <= offset && offset <= operation.methodEnd) || operation.responses.some((r) => r.start <= offset && offset <= r.end)),
      ),
    driftIn: (file) => drift.get(file) ?? [],
    driftFiles: [...drift.keys()].sort(),
  };
}
