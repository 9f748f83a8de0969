/**
 * The project's routes: every module's facts (moduleFacts.ts), linked across files. A registration's router and
 * handler are followed through imports, `require`, re-exports and barrel files to where they are defined; mounts
 * (`app.use('/v1', routes)`) give each router its prefixes, so each route gets its full path. What cannot be followed
 * (a package, a path built at run time) stays unknown: never guessed.
 */
import type { Binding, ModuleFacts, Ref } from './moduleFacts';
import { joinRoutePath } from './paths';
import { resolveModule, type PathAliases } from './resolve';

/** A value where it is defined: a local of `file`, or the module itself (`name` '*'). */
export interface Definition {
  readonly file: string;
  readonly name: string;
  /** Offset of the name where it is declared (a local). */
  readonly at?: number;
  /** Whether the local is a function (undefined: not known from its declaration). */
  readonly callable?: boolean;
}

export interface Endpoint {
  readonly method: string;
  /** The full path with parameters as `{name}`; undefined where a part of it is not a literal. */
  readonly path: string | undefined;
  /** Where the route is registered: the file and the offset of its method's name. */
  readonly file: string;
  readonly at: number;
  readonly handler: Definition | undefined;
  /** A handler written inline in the registration (no name to follow): its span in `file`. */
  readonly inlineHandler?: { readonly start: number; readonly end: number };
  /** Middleware written before the handler in the registration, in `file`: it may answer before the handler does. */
  readonly middleware?: { readonly start: number; readonly end: number };
  /**
   * The files of the routers that serve it: its own router's, and those of every router its mounts lead up to, to
   * the app. A test's request made on an app is matched against the routes of the app's file.
   */
  readonly apps: readonly string[];
  /**
   * Express error-handling middleware (`(err, req, res, next)`) given to `use` of those routers: where an error the
   * handler passes on (`next(err)`) is answered. Absent where there is none.
   */
  readonly errorHandlers?: readonly ErrorHandlerSpan[];
}

/** A function that handles errors, where it is: a file (project path) and its span there. */
export interface ErrorHandlerSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** A handler defined in a file (a top-level function, a controller's method) and the routes that name it. */
export interface Handler {
  /** '' for a handler written inline in its route's registration. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Offset of the handler's name. */
  readonly at: number;
  readonly routes: readonly Endpoint[];
}

/** A handler named by a route in another file, and the one method its routes agree on. */
export interface HandlerScope extends Handler {
  readonly method: string;
}

const MAX_DEPTH = 24;

/** A route that answers whatever method comes (a Next.js pages-router API route): it judges no method. */
export const ANY_METHOD = 'ANY';

/**
 * Routes the file's place gives: Next.js app router `app/**\/route.ts` (its exported GET, POST…; route groups `(x)`
 * and parallel slots `@x` left out of the path, `[id]` and `[...slug]` as parameters) and pages router `pages/api/**`.
 */
function fileRoutes(file: string, facts: ModuleFacts): Endpoint[] {
  const app = /(?:^|\/)app\/((?:[^/]+\/)*?)route\.[cm]?[jt]sx?$/.exec(file);
  if (app && facts.methodExports.length > 0) {
    const segments = app[1].split('/').filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
    if (segments.some((segment) => segment.startsWith('_'))) return []; // a private folder is not routed
    const path = joinRoutePath(...segments);
    return facts.methodExports.map(({ method, at }) => ({ method, path, file, at, handler: { file, name: method, at, callable: true }, apps: [] }));
  }
  const pages = /(?:^|\/)pages\/(api\/(?:[^/]+\/)*[^/]+?)\.[cm]?[jt]sx?$/.exec(file);
  if (pages && facts.defaultExportAt !== undefined) {
    const path = joinRoutePath(...pages[1].split('/').filter((segment, i, all) => !(i === all.length - 1 && segment === 'index')));
    return [{ method: ANY_METHOD, path, file, at: facts.defaultExportAt, handler: undefined, apps: [] }];
  }
  return [];
}

export class ProjectIndex {
  /** Facts, or how to read them: a module that declares no route is parsed only when a link reaches it. */
  private readonly modules = new Map<string, ModuleFacts | (() => ModuleFacts)>();
  private linked: Linked | undefined;

  constructor(private readonly aliases?: PathAliases) {}

  /**
   * A file's facts, new or changed (project-relative, '/'-separated path). A function is called the first time the
   * facts are needed: it must be given only for a module that registers, mounts and prefixes nothing (see
   * `mayDeclareRoutes`), read only to follow an import through it.
   */
  setFile(file: string, facts: ModuleFacts | (() => ModuleFacts)): void {
    const before = this.modules.get(file);
    this.modules.set(file, facts);
    // Typing in a handler's body moves its functions, and nothing the links are made of: the links stand (only the
    // places of the handlers' names move with the text). Anything else links the project again when next asked.
    if (this.linked && typeof before === 'object' && typeof facts === 'object' && linkKey(before) === linkKey(facts)) {
      this.moveHandlerNames(file, facts);
      return;
    }
    this.linked = undefined;
  }

  /** The linked routes' handlers defined in `file`, given where their names are in its new facts. */
  private moveHandlerNames(file: string, facts: ModuleFacts): void {
    for (const [name, routes] of this.linked?.byHandlerFile.get(file) ?? []) {
      const at = facts.locals.get(name)?.at;
      for (const route of routes) if (at !== undefined) (route.handler as { at?: number }).at = at;
    }
  }

  removeFile(file: string): void {
    if (this.modules.delete(file)) this.linked = undefined;
  }

  get fileCount(): number {
    return this.modules.size;
  }

  endpoints(): readonly Endpoint[] {
    return this.link().endpoints;
  }

  /** The handler a route registration at `offset` of `file` names (go to definition from a route file). */
  handlerAt(file: string, offset: number): Definition | undefined {
    const registration = this.factsOf(file)?.registrations.find(
      (r) => r.handler && r.handlerSpan && r.handlerSpan.start <= offset && offset <= r.handlerSpan.end,
    );
    const found = registration?.handler && this.resolveRef(file, registration.handler);
    return found && found.name !== '*' && found.at !== undefined ? found : undefined;
  }

  /**
   * The file a name read in `file` is defined in, its imports and re-exports followed, and for a variable a function
   * made (`const app = buildApp()`), that function's file; undefined outside the project.
   */
  definingFile(file: string, name: string): string | undefined {
    const found = this.resolveName(file, name, 0);
    const madeBy = found && this.factsOf(found.file)?.locals.get(found.name)?.madeBy;
    return (madeBy !== undefined ? this.resolveName(found!.file, madeBy, 0)?.file : undefined) ?? found?.file;
  }

  /** The project's files that `file` takes a name from, by an import or a require (its app under test, say). */
  importedFiles(file: string): string[] {
    const specifiers = new Set([...(this.factsOf(file)?.imports.values() ?? [])].map((binding) => binding.specifier));
    return [...specifiers].flatMap((specifier) => resolveModule(file, specifier, this.exists, this.aliases) ?? []);
  }

  /** Where a handler is in its file (a function, a variable given one, a class method): what it answers is read there. */
  handlerSpan(definition: Definition): { start: number; end: number } | undefined {
    const local = definition.name === '*' ? undefined : this.factsOf(definition.file)?.locals.get(definition.name);
    return local && { start: local.start, end: local.end };
  }

  /** The routes a handler defined in `file` as `name` is registered under. */
  routesOfHandler(file: string, name: string): readonly Endpoint[] {
    return this.link().byHandlerFile.get(file)?.get(name) ?? [];
  }

  /**
   * The handlers of `file` that routes in other files name, each with the text it spans and the method its routes
   * agree on (none where they disagree: a handler under POST and PUT is judged on neither).
   */
  handlerScopes(file: string): HandlerScope[] {
    return this.handlers(file)
      .filter(({ routes }) => {
        const methods = new Set(routes.map((route) => route.method));
        return methods.size === 1 && !methods.has(ANY_METHOD) && routes.some((route) => route.file !== file);
      })
      .map((handler) => ({ ...handler, method: handler.routes[0].method }));
  }

  /**
   * Every handler defined in `file` that some route names (in any file), and every handler written inline in a route
   * registration of `file` (name '', `at` the route's method), with its span and routes, in text order.
   */
  handlers(file: string): Handler[] {
    const facts = this.factsOf(file);
    if (!facts) return [];
    const found: Handler[] = [];
    for (const [name, routes] of this.handlersIn(file)) {
      const local = facts.locals.get(name);
      if (local) found.push({ name, start: local.start, end: local.end, at: local.at, routes });
    }
    const inline = new Map<number, Endpoint[]>();
    for (const endpoint of this.link().inlineByFile.get(file) ?? []) {
      const start = endpoint.inlineHandler!.start;
      inline.set(start, [...(inline.get(start) ?? []), endpoint]);
    }
    for (const routes of inline.values()) {
      const { start, end } = routes[0].inlineHandler!;
      found.push({ name: '', start, end, at: routes[0].at, routes });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** The handlers of `file` that some route names, with their routes. */
  handlersIn(file: string): ReadonlyMap<string, readonly Endpoint[]> {
    return this.link().byHandlerFile.get(file) ?? NO_HANDLERS;
  }

  private link(): Linked {
    if (this.linked) return this.linked;
    const mounts = new Map<string, { parent: Definition; path: string | undefined }[]>();
    for (const [file, facts] of this.eagerModules()) {
      for (const mount of facts.mounts) {
        const parent = this.resolveRef(file, { name: mount.router });
        const child = this.asValue(this.resolveRef(file, mount.target));
        if (!parent || !child || child.name === '*') continue;
        const list = mounts.get(key(child)) ?? [];
        list.push({ parent, path: mount.path });
        mounts.set(key(child), list);
      }
    }
    const globalPrefix = [...this.eagerModules()].find(([, facts]) => facts.globalPrefix !== undefined)?.[1].globalPrefix;
    const ownPrefix = (router: Definition): string => {
      const facts = this.factsOf(router.file);
      const own = facts?.routerPrefixes.get(router.name) ?? '';
      return globalPrefix !== undefined && facts?.controllers.includes(router.name) ? joinRoutePath(globalPrefix, own) : own;
    };
    // A router's prefixes: each mount's (its parent's prefixes and the mount path), then its own prefix.
    const prefixes = new Map<string, (string | undefined)[]>();
    const prefixesOf = (router: Definition, seen: Set<string>): (string | undefined)[] => {
      const id = key(router);
      const known = prefixes.get(id);
      if (known) return known;
      const parents = mounts.get(id);
      let result: (string | undefined)[] = [''];
      if (parents && !seen.has(id)) {
        seen.add(id);
        result = parents.flatMap((mount) =>
          prefixesOf(mount.parent, seen).map((prefix) => (prefix === undefined || mount.path === undefined ? undefined : joinRoutePath(prefix, mount.path))),
        );
        seen.delete(id);
      }
      const own = ownPrefix(router);
      result = result.map((prefix) => (prefix === undefined ? undefined : joinRoutePath(prefix, own)));
      prefixes.set(id, result);
      return result;
    };

    // A router and every router its mounts lead up to, by key.
    const chains = new Map<string, Definition[]>();
    const chainOf = (router: Definition, seen: Set<string>): Definition[] => {
      const id = key(router);
      const known = chains.get(id);
      if (known) return known;
      const parents = mounts.get(id);
      let result = [router];
      if (parents && !seen.has(id)) {
        seen.add(id);
        const byKey = new Map([[id, router]]);
        for (const mount of parents) for (const up of chainOf(mount.parent, seen)) byKey.set(key(up), up);
        result = [...byKey.values()];
        seen.delete(id);
      }
      chains.set(id, result);
      return result;
    };
    const errorHandlers = this.errorHandlersByRouter();

    const endpoints: Endpoint[] = [];
    const byHandlerFile = new Map<string, Map<string, Endpoint[]>>();
    const inlineByFile = new Map<string, Endpoint[]>();
    const add = (endpoint: Endpoint) => {
      endpoints.push(endpoint);
      if (endpoint.inlineHandler) inlineByFile.set(endpoint.file, [...(inlineByFile.get(endpoint.file) ?? []), endpoint]);
      if (!endpoint.handler) return;
      const inFile = byHandlerFile.get(endpoint.handler.file) ?? new Map<string, Endpoint[]>();
      inFile.set(endpoint.handler.name, [...(inFile.get(endpoint.handler.name) ?? []), endpoint]);
      byHandlerFile.set(endpoint.handler.file, inFile);
    };
    for (const [file, facts] of this.eagerModules()) {
      for (const registration of facts.registrations) {
        const router = this.resolveRef(file, { name: registration.router }) ?? { file, name: registration.router };
        const handler = registration.handler && this.resolveRef(file, registration.handler);
        // Inside a wrapper call only what is known to be a function is the handler (`swaggerUi.setup(specs)` is not `specs`).
        const defined = handler && handler.name !== '*' && !(registration.handler?.wrapped && handler.callable !== true) ? handler : undefined;
        const chain = chainOf(router, new Set());
        const servedBy = [...new Set(chain.map((up) => up.file))];
        const handlesErrors = [...new Set(chain.flatMap((up) => errorHandlers.get(key(up)) ?? []))];
        // One endpoint per full path: a router mounted twice at the same place (by the app, and again by a test's
        // own app) serves the same route, once.
        const paths = new Set(
          prefixesOf(router, new Set()).map((prefix) =>
            prefix === undefined || registration.path === undefined ? undefined : joinRoutePath(prefix, registration.path),
          ),
        );
        for (const path of paths) {
          add({
            method: registration.method,
            path,
            file,
            at: registration.at,
            handler: defined,
            ...(registration.inlineHandler && { inlineHandler: registration.inlineHandler }),
            ...(registration.middleware && { middleware: registration.middleware }),
            apps: servedBy,
            ...(handlesErrors.length > 0 && { errorHandlers: handlesErrors }),
          });
        }
      }
      for (const endpoint of fileRoutes(file, facts)) add(endpoint);
    }
    endpoints.sort((a, b) => (a.path ?? '~').localeCompare(b.path ?? '~') || a.method.localeCompare(b.method) || a.file.localeCompare(b.file) || a.at - b.at);
    this.linked = { endpoints, byHandlerFile, inlineByFile };
    return this.linked;
  }

  /** Each router's error-handling middleware (by router key): written in its `use`, or the function a name there leads to. */
  private errorHandlersByRouter(): Map<string, ErrorHandlerSpan[]> {
    const byRouter = new Map<string, ErrorHandlerSpan[]>();
    for (const [file, facts] of this.eagerModules()) {
      for (const middleware of facts.errorMiddleware) {
        const router = this.resolveRef(file, { name: middleware.router }) ?? { file, name: middleware.router };
        const found = middleware.inline ? { file, ...middleware.inline } : middleware.ref && this.errorMiddlewareAt(file, middleware.ref);
        if (!found) continue;
        const list = byRouter.get(key(router)) ?? [];
        if (!list.some((known) => known.file === found.file && known.start === found.start)) list.push(found);
        byRouter.set(key(router), list);
      }
    }
    return byRouter;
  }

  /** The function of four parameters a name given to `use` leads to, if it is one. */
  private errorMiddlewareAt(file: string, ref: Ref): ErrorHandlerSpan | undefined {
    const definition = this.asValue(this.resolveRef(file, ref));
    const local = definition && definition.name !== '*' ? this.factsOf(definition.file)?.locals.get(definition.name) : undefined;
    return local?.errorMiddleware ? { file: definition!.file, start: local.start, end: local.end } : undefined;
  }

  private exists = (file: string): boolean => this.modules.has(file);

  private factsOf(file: string): ModuleFacts | undefined {
    const entry = this.modules.get(file);
    if (typeof entry !== 'function') return entry;
    let facts: ModuleFacts;
    try {
      facts = entry();
    } catch {
      this.modules.delete(file); // cannot be read: nothing is known through it
      return undefined;
    }
    this.modules.set(file, facts);
    return facts;
  }

  /** The modules read up front: every one that may register, mount or prefix a route. */
  private *eagerModules(): Iterable<[string, ModuleFacts]> {
    for (const [file, entry] of this.modules) if (typeof entry !== 'function') yield [file, entry];
  }

  /** Where `ref`, read in `file`, is defined. */
  private resolveRef(file: string, ref: Ref, depth = 0): Definition | undefined {
    const base = this.resolveName(file, ref.name, depth);
    if (!base || ref.member === undefined) return base;
    return base.name === '*' ? this.resolveExport(base.file, ref.member, depth + 1) : undefined;
  }

  private resolveName(file: string, name: string, depth: number): Definition | undefined {
    const facts = this.factsOf(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    const imported = facts.imports.get(name);
    if (imported) return this.resolveBinding(file, imported, depth + 1);
    const local = facts.locals.get(name);
    return local === undefined ? undefined : { file, name, at: local.at, callable: local.callable };
  }

  private resolveBinding(file: string, binding: Binding, depth: number): Definition | undefined {
    if (binding.kind === 'local') return this.resolveRef(file, binding.ref, depth + 1);
    const target = resolveModule(file, binding.specifier, this.exists, this.aliases);
    if (!target) return undefined;
    return binding.name === '*' ? { file: target, name: '*' } : this.resolveExport(target, binding.name, depth + 1);
  }

  private resolveExport(file: string, name: string, depth: number): Definition | undefined {
    const facts = this.factsOf(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    const binding = facts.exports.get(name);
    if (binding) return this.resolveBinding(file, binding, depth + 1);
    for (const specifier of facts.exportAll) {
      const found = this.resolveBinding(file, { kind: 'module', specifier, name }, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** A module used as a value (`app.use('/v1', require('./routes'))`) is what it exports as a whole. */
  private asValue(definition: Definition | undefined): Definition | undefined {
    if (definition?.name !== '*') return definition;
    return this.resolveExport(definition.file, 'default', 0) ?? definition;
  }
}

/**
 * What linking reads of a module's facts, as one string: all of them but where its functions and variables are
 * (their names, kinds and what made them count; an error handler's span counts, as endpoints hold it).
 */
function linkKey(facts: ModuleFacts): string {
  const known = linkKeys.get(facts);
  if (known !== undefined) return known;
  const locals = [...facts.locals].map(([name, local]) => [name, local.callable, local.madeBy, local.errorMiddleware && [local.start, local.end]]);
  const made = JSON.stringify([
    [...facts.imports],
    [...facts.exports],
    facts.exportAll,
    facts.registrations,
    facts.mounts,
    facts.errorMiddleware,
    [...facts.routerPrefixes],
    facts.globalPrefix,
    facts.controllers,
    facts.methodExports,
    facts.defaultExportAt,
    locals,
  ]);
  linkKeys.set(facts, made);
  return made;
}

/** Each module's facts' `linkKey`, made once (a keystroke compares the last version's with the new one's). */
const linkKeys = new WeakMap<ModuleFacts, string>();

/** The project's endpoints once linked, and the lookups made with them. */
interface Linked {
  endpoints: Endpoint[];
  /** Handler file -> handler name -> its routes. */
  byHandlerFile: Map<string, Map<string, Endpoint[]>>;
  /** Route file -> its routes whose handler is written inline. */
  inlineByFile: Map<string, Endpoint[]>;
}

const NO_HANDLERS: ReadonlyMap<string, readonly Endpoint[]> = new Map();

function key(definition: Definition): string {
  return `${definition.file}#${definition.name}`;
}
