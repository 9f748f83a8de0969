/**
 * The project's routes across files: each TS/JS module's facts, read with the compiler's parser (loaded lazily, as
 * the TypeScript adapter is), and the index that links them.
 *
 *   moduleFacts.ts   one module: imports, exports (ES and CommonJS), route registrations, router mounts
 *   resolve.ts       module specifiers to project files (extensions, index files, tsconfig paths)
 *   paths.ts         project paths and route paths (prefix joining, one spelling for parameters)
 *   projectIndex.ts  the links: routers to their prefixes, routes to their handlers' definitions
 *   match.ts         which endpoints a request (its method and path) hits
 *   requests.ts      the requests a file's tests and mocks make, from its sites
 *   answers.ts       what a handler answers, and whether that is fully known
 */
import type { RouteMethodScope } from '../checks';
import type { SourceDocument } from '../document';
import type { ModuleFacts } from './moduleFacts';

export type { Binding, ModuleFacts, Ref, RouteRegistration, RouterMount } from './moduleFacts';
export { ANY_METHOD, ProjectIndex, type Definition, type Endpoint, type Handler, type HandlerScope } from './projectIndex';
export { endpointsMatching, routeMatcher } from './match';
export { mayCheckRequests, requestsOf, type RequestCall } from './requests';
export {
  answeredCodes,
  answerFactsOf,
  answersIn,
  handlerAnswers,
  type AnswerFacts,
  type AnsweredCode,
  type AnswerSource,
  type HandlerAnswers,
  type Span,
} from './answers';
export type { PathAliases } from './resolve';

let reader: typeof import('./moduleFacts') | undefined;

/**
 * Whether a module's text may register, mount or prefix a route (a route call, a mount, a NestJS controller, a
 * Next.js route file): a cheap test on the text, true whenever unsure. A module it clears is read only when a link
 * reaches it (ProjectIndex.setFile with a function).
 */
export function mayDeclareRoutes(text: string, fileName: string): boolean {
  return /(?:^|\/)(?:app|pages)\//.test(fileName) || ROUTE_CALL.test(text) || MOUNT_OR_PREFIX.test(text);
}

/**
 * A route call has a handler after its path (`app.get('/x', h)`) or follows `.route(path)`: a method call whose one
 * argument is a name or a string (`map.get(key)`, `params.get('id')`, `cache.delete(id)`), and `Promise.all(…)`, is no
 * route, and does not make a module worth reading up front (services are full of them).
 */
const ROUTE_CALL = /(?<!\bPromise)\.\s*(?:get|post|put|delete|del|patch|head|options|all)\s*\((?!\s*(?:[\w$.]+|'[^'\n]*'|"[^"\n]*")?\s*\))/;
const MOUNT_OR_PREFIX = /\.\s*(?:use|route|register|prefix|basePath|setGlobalPrefix)\s*\(|@Controller\b|\bprefix\s*:/;

/**
 * The same handlers' spans in a new text of the file (after `--fix` rewrote it): each scope follows its handler by
 * name; a handler no longer there loses its scope.
 */
export function rescopeRouteMethods(scopes: readonly RouteMethodScope[], text: string, fileName: string): RouteMethodScope[] {
  return rescopeByFacts(scopes, moduleFactsOf(text, fileName));
}

/** The same, with the new text's facts already read (`documentModuleFacts`). */
export function rescopeByFacts(scopes: readonly RouteMethodScope[], facts: ModuleFacts): RouteMethodScope[] {
  const locals = facts.locals;
  return scopes.flatMap((scope) => {
    const local = locals.get(scope.name);
    return local ? [{ ...scope, start: local.start, end: local.end, at: local.at }] : [];
  });
}

/**
 * A TS/JS document's module facts, once per version: read from the document's own parse while it holds one (a walk,
 * no second parse), else from its text.
 */
export function documentModuleFacts(document: SourceDocument, fileName: string): ModuleFacts {
  return document.derived((current) => {
    reader ??= require('./moduleFacts') as typeof import('./moduleFacts'); // eslint-disable-line @typescript-eslint/no-require-imports -- lazy, as above
    const state = current.parse;
    const sourceFile = state && state.language !== 'yaml' && state.language !== 'json' ? state.parse?.sourceFile : undefined;
    return sourceFile ? reader.readModuleFacts(sourceFile) : reader.moduleFactsOfText(current.text, fileName);
  });
}

/** One module's facts from its text; `fileName` picks the script kind (.ts, .tsx, .js, .jsx). */
export function moduleFactsOf(text: string, fileName: string): ModuleFacts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load of a core module, no I/O of our own
  reader ??= require('./moduleFacts') as typeof import('./moduleFacts');
  return reader.moduleFactsOfText(text, fileName);
}
