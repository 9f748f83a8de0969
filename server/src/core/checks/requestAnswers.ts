/**
 * What a test's request is judged by: the endpoints its method and path hit (the project's route index) and what
 * each one's handler answers. The shell works this out (it reads other files); the core only judges from it, so
 * `test-expects-unanswered-code` and the hover stay pure.
 */
import type { OpenEndReason, Site } from '../sites/types';

/** A place as people read it: a project path and a 1-based line. */
export interface Place {
  readonly file: string;
  readonly line: number;
}

/** One endpoint a request hits, and what its handler answers. */
export interface EndpointAnswer {
  /** `GET /v1/users/{userId}`. */
  readonly endpoint: string;
  /** The handler's name (`getUser`, `UsersController.findOne`); undefined for a handler written inline or not found. */
  readonly handler?: string;
  /** Where the handler is defined (or the route registered, for an inline handler); undefined where not found. */
  readonly handlerAt?: Place;
  /** Every place the handler answers a code, in order. */
  readonly codes: readonly { readonly code: number; readonly at: Place }[];
  /** Whether `codes` are all the handler can answer (core/routes/answers.ts says what that takes). */
  readonly known: boolean;
  /** Why not known: the first open end, or middleware before the handler; undefined where the handler was not found. */
  readonly openEnd?: { readonly reason: OpenEndReason; readonly at: Place };
}

/** A request a test makes (its method and path, as `SiteMethod`), and the endpoints it hits. */
export interface RequestAnswers {
  readonly method: string;
  /** As `SiteMethod.path`: literal segments, `{}` where a template part stands. */
  readonly path: string;
  /** As `SiteMethod.app`: the app the request is made on, where that is written (its routes are the ones matched). */
  readonly app?: string;
  readonly endpoints: readonly EndpointAnswer[];
}

/** The answers of the request a test's expected code belongs to, if the shell gave them (a mock's codes are its own). */
export function requestAnswersOf(site: Site, all: readonly RequestAnswers[] | undefined): RequestAnswers | undefined {
  const method = site.method;
  if (!all || !method?.path || site.role !== 'expectation') return undefined;
  return all.find((request) => request.method === method.name && request.path === method.path && request.app === method.app);
}

/**
 * The endpoints a test expecting `code` is wrong about: every endpoint the request hits, when each one's answers are
 * known and none answers the code; else none. 500 is never judged: any handler answers it when something it awaits
 * throws, which "known" does not count (every call may throw).
 */
export function unansweredBy(request: RequestAnswers, code: number): readonly EndpointAnswer[] {
  if (code === 500 || request.endpoints.length === 0) return [];
  if (!request.endpoints.every((endpoint) => endpoint.known)) return [];
  if (request.endpoints.some((endpoint) => endpoint.codes.some((answered) => answered.code === code))) return [];
  return request.endpoints;
}

/** The distinct codes an endpoint answers, in order. */
export function codesOf(endpoint: EndpointAnswer): number[] {
  return [...new Set(endpoint.codes.map((answered) => answered.code))].sort((a, b) => a - b);
}

/** `src/controllers/user.controller.js:20`. */
export function placeText(place: Place): string {
  return `${place.file}:${place.line}`;
}
