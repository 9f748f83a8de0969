/**
 * Which HTTP method is in force at a site: the handler around it (route registration, NestJS decorator, route
 * object, Next.js export, a handler registered by name), the request chain it ends, or the request whose response
 * it checks.
 */
import ts from 'typescript';
import { normalizeMethod } from '../../table/methods';
import { namesBoundBy } from '../imports';
import { INTERCEPT, REQUEST_FUNCTIONS, RESPONSE_CALLBACKS, ROUTE_CALLS, ROUTE_ON, STATUS_MEMBERS } from '../../vocabulary';
import type { ImportFact, SiteMethod } from '../types';
import { isRouteExportName } from './frameworks/fetch';
import { koaSwaggerMethod } from './frameworks/koaSwaggerDecorator';
import { nestRouteMethod } from './frameworks/nestjs';
import { caseMethods, exits, isMethodExpression, methodTest, type MethodTest } from './methodTests';
import type { MethodStrategy } from './pattern';
import { requestPathOf } from './requestPaths';
import { calleeName, isExported, isStatusCall, methodProperty, stringValue, unwrap } from './syntax';

// Read once: every `ts.X` is a getter on the compiler's exports; these run at every call of a file.
const { forEachChild, isFunctionLike, isIdentifier, isPropertyAccessExpression, isVariableDeclaration } = ts;
const { CallExpression } = ts.SyntaxKind;

/** Wrapping calls looked through between a handler and its registration: asyncHandler(…), wrap(auth(…)). */
const MAX_WRAPPERS = 3;

/** `post` -> POST, and Express's old `del` -> DELETE. */
function routeCallMethod(name: string): string {
  return name === 'del' ? 'DELETE' : name.toUpperCase();
}

/** A handler registered by name (`app.post('/x', createOrder)`): the name and the route's method. */
export type Registration = readonly [name: string, method: SiteMethod];

/**
 * What a site's method may read beyond its own top-level statement: the handlers registered by name anywhere in the
 * file, and the variables of the top level. The scope is told of each such read, so that a cached statement's sites
 * can be trusted after an edit elsewhere only while what they read is unchanged (see incremental.ts).
 */
export interface FileScope {
  /** Handlers registered by name in the whole file -> the route's method (the last registration wins). */
  namedHandlers(): ReadonlyMap<string, SiteMethod>;
  /** A name was looked up among the handlers registered by name. */
  readHandler(name: string): void;
  /** An identifier was looked up among the variables of the top level. */
  readTopLevel(name: string): void;
  /** The module a top-level import binds `name` from; a scope that reads the file's imports also records the read. */
  importedFrom(name: string): string | undefined;
}

/** Local name -> module, of a file's imports and requires. */
export function importedModules(facts: readonly ImportFact[]): Map<string, string> {
  const modules = new Map<string, string>();
  for (const fact of facts) {
    for (const binding of fact.names) modules.set(binding.local, fact.module);
    if (fact.defaultName) modules.set(fact.defaultName, fact.module);
    if (fact.namespaceName) modules.set(fact.namespaceName, fact.module);
  }
  return modules;
}

export class MethodResolver {
  constructor(
    readonly sourceFile: ts.SourceFile,
    private readonly scope: FileScope,
  ) {}

  methodBy(strategy: MethodStrategy, from: ts.Node): SiteMethod | undefined {
    switch (strategy.by) {
      case 'enclosing':
        return this.enclosingMethod(from);
      case 'chain':
        return this.chainMethod(strategy.call.expression);
      case 'subject':
        return this.subjectMethod(strategy.expr, 0);
      case 'known':
        return strategy.method;
      case 'none':
        return undefined;
    }
  }

  /** The module a top-level import binds `name` from (`import { Post } from 'routing-controllers'`, or a require). */
  importedFrom(name: string): string | undefined {
    return this.scope.importedFrom(name);
  }

  /** A method read from a route object's `method` property. */
  routeObjectMethod(method: { name: string; node: ts.Node }): SiteMethod {
    return { name: method.name, source: 'route-object', at: method.node.getStart(this.sourceFile) };
  }

  /**
   * The method in force around a node. Walking outwards, the innermost place that says its method for certain wins:
   * a decorated method (`@Post()`), a route object, a Next.js export, a test of the method (`if (req.method ===
   * 'POST')`). Route registrations are weaker: the outermost wins, because a callback nested in a handler can sit in
   * a call that looks like a route (`db.get(sql, (err, row) => ...)`, `client.get(key, cb)`) and must not lend it
   * its GET. Innermost-certain keeps every rule on one method (a NestJS class inside an Express callback).
   */
  enclosingMethod(node: ts.Node | undefined): SiteMethod | undefined {
    let route: SiteMethod | undefined;
    let child = node;
    for (let current = node?.parent; current && child; child = current, current = current.parent) {
      const tested = this.testedMethod(current, child);
      if (tested !== undefined) return tested ?? undefined;
      if (isFunctionLike(current)) {
        const found = this.methodOfHandler(current);
        if (found && found.source !== 'route') return found;
        route = found ?? route;
      } else if (isVariableDeclaration(current)) {
        const exported = this.exportedWrapperMethod(current);
        if (exported) return exported;
      }
    }
    return route;
  }

  /**
   * What a test of the method says at `child` inside `parent`: a method (its branch), null (a branch where it is
   * not known: the else of \`=== 'GET'\`, a \`default:\`), or undefined (no test here).
   */
  private testedMethod(parent: ts.Node, child: ts.Node): SiteMethod | null | undefined {
    if (ts.isIfStatement(parent)) {
      if (child === parent.expression) return undefined;
      const test = methodTest(parent.expression);
      if (!test) return undefined;
      // then: holds when the test holds; else: when it does not.
      const holds = child === parent.thenStatement ? !test.negated : test.negated;
      return holds ? this.testMethod(test) : null;
    }
    if ((ts.isCaseClause(parent) || ts.isDefaultClause(parent)) && isMethodExpression(parent.parent.parent.expression)) {
      if (child === (parent as ts.CaseClause).expression) return undefined;
      const test = caseMethods(parent);
      return test ? this.testMethod(test) : null;
    }
    // Inside a function's blocks only: a top-level statement must not read another's (see incremental.ts).
    if (ts.isBlock(parent) || ts.isCaseClause(parent)) {
      // if (req.method !== 'POST') return res.status(405).end(); — what follows is POST.
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (!ts.isIfStatement(statement) || statement.elseStatement || !exits(statement.thenStatement)) continue;
        const test = methodTest(statement.expression);
        if (test?.negated) return this.testMethod(test);
      }
    }
    return undefined;
  }

  private testMethod(test: MethodTest): SiteMethod {
    const [name, ...others] = test.names;
    const method: SiteMethod = { name, source: 'method-test', at: test.at.getStart(this.sourceFile) };
    if (others.length > 0) method.others = others;
    return method;
  }

  private methodOfHandler(fn: ts.SignatureDeclaration): SiteMethod | undefined {
    if (ts.isMethodDeclaration(fn)) {
      const method = nestRouteMethod(fn, this.sourceFile) ?? koaSwaggerMethod(fn, this.sourceFile);
      if (method) return method;
    }
    // The handler, or the call that wraps it: asyncHandler(async (req, res) => …), catchAsync(fn), wrap(fn).
    let holder: ts.Node = fn;
    let parent = fn.parent;
    for (let depth = 0; ts.isCallExpression(parent) && parent.arguments.includes(holder as ts.Expression); depth++) {
      const method = this.routeMethod(parent);
      if (method) return method;
      if (depth === MAX_WRAPPERS) return undefined;
      holder = parent;
      parent = parent.parent;
    }
    const object = ts.isPropertyAssignment(parent) ? parent.parent : ts.isMethodDeclaration(fn) ? fn.parent : undefined;
    if (object && ts.isObjectLiteralExpression(object)) {
      const method = methodProperty(object, this.sourceFile);
      if (method) return this.routeObjectMethod(method);
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left)) {
      // exports.create = async function (req, res) {...}, registered elsewhere as app.post('/x', exports.create)
      return this.namedHandlerMethod(parent.left.name.text);
    }
    if (holder !== fn && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) {
      // module.exports = { create: catchAsync(async (req, res) => …) }, registered as wrap(controller.create)
      return this.namedHandlerMethod(parent.name.text);
    }
    const named = ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) ? fn : ts.isVariableDeclaration(parent) ? parent : undefined;
    if (named?.name && ts.isIdentifier(named.name)) {
      const name = named.name.text;
      if (isExported(named) && isRouteExportName(name)) {
        return { name, source: 'export', at: named.name.getStart(this.sourceFile) };
      }
      return this.namedHandlerMethod(name);
    }
    return undefined;
  }

  private namedHandlerMethod(name: string): SiteMethod | undefined {
    this.scope.readHandler(name);
    return this.scope.namedHandlers().get(name);
  }

  /** `export const POST = withAuth(async (req) => …)`: a wrapped Next.js route handler. */
  private exportedWrapperMethod(declaration: ts.VariableDeclaration): SiteMethod | undefined {
    if (!ts.isIdentifier(declaration.name) || !isExported(declaration)) return undefined;
    const name = declaration.name.text;
    if (!isRouteExportName(name)) return undefined;
    return { name, source: 'export', at: declaration.name.getStart(this.sourceFile) };
  }

  /** app.post('/x', ...), router.route('/x').post(...), http.post('/x', resolver): the route's method. */
  routeMethod(call: ts.CallExpression): SiteMethod | undefined {
    const callee = call.expression;
    if (!isPropertyAccessExpression(callee)) return undefined;
    if (callee.name.text === ROUTE_ON) return this.routeOnMethod(call);
    if (!ROUTE_CALLS.has(callee.name.text)) return undefined;
    const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    // router.route('/x').get(h).post(h2): other method calls may stand between `route('/x')` and this one.
    let base = callee.expression;
    while (ts.isCallExpression(base) && isPropertyAccessExpression(base.expression) && ROUTE_CALLS.has(base.expression.name.text)) {
      base = base.expression.expression;
    }
    const onRoute = ts.isCallExpression(base) && calleeName(base) === 'route';
    const pathLike = first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first) || ts.isRegularExpressionLiteral(first) || isIdentifier(first));
    if (!pathLike && !onRoute) return undefined;
    const method: SiteMethod = { name: routeCallMethod(callee.name.text), source: 'route', at: callee.name.getStart(this.sourceFile) };
    // msw's `http.post('/orders', resolver)` mocks a request to that path: the mocked request's path is known.
    const receiver = callee.expression;
    if (isIdentifier(receiver) && MSW_RECEIVERS.has(receiver.text) && this.scope.importedFrom(receiver.text) === 'msw') {
      return withPath(method, requestPathOf(call.arguments[0], this.sourceFile));
    }
    return method;
  }

  /** Hono `app.on('POST', '/x', h)`, `app.on(['PUT', 'DELETE'], '/x', h)`: every entry a method, then a path. */
  private routeOnMethod(call: ts.CallExpression): SiteMethod | undefined {
    const [first, path] = call.arguments;
    if (!first || !path || !ts.isStringLiteralLike(unwrap(path))) return undefined;
    const list = unwrap(first);
    const entries = ts.isArrayLiteralExpression(list) ? [...list.elements] : [list];
    const names = entries.map((entry) => normalizeMethod(stringValue(entry) ?? ''));
    if (names.length === 0 || names.some((name) => !name)) return undefined;
    const [name, ...others] = [...new Set(names as string[])];
    const method: SiteMethod = { name, source: 'route', at: entries[0].getStart(this.sourceFile) };
    if (others.length > 0) method.others = others;
    return method;
  }

  /** The handlers registered by name in a subtree, in the order they are written. */
  registrationsIn(root: ts.Node): Registration[] {
    const found: Registration[] = [];
    const visit = (node: ts.Node): void => {
      if (node.kind === CallExpression) {
        const call = node as ts.CallExpression;
        const method = this.routeMethod(call);
        if (method) {
          // app.post('/x', auth, create): after the path; router.route('/x').post(create): every argument;
          // app.on('POST', '/x', create): after the methods and the path.
          const onCall = calleeName(call) === ROUTE_ON;
          const pathFirst = (call.arguments.length > 0 && !isIdentifier(unwrap(call.arguments[0]))) || call.arguments.length > 1;
          const handlers = call.arguments.slice(onCall ? 2 : pathFirst ? 1 : 0);
          handlers.forEach((arg, index) => {
            let handler = unwrap(arg);
            // The handler (last) may be wrapped: asyncHandler(create), wrap(controller.create).
            for (let depth = 0; index === handlers.length - 1 && ts.isCallExpression(handler) && depth < MAX_WRAPPERS; depth++) {
              const inner = handler.arguments.length === 1 ? unwrap(handler.arguments[0]) : undefined;
              if (!inner) break;
              handler = inner;
            }
            if (isIdentifier(handler)) found.push([handler.text, method]);
            else if (isPropertyAccessExpression(handler)) found.push([handler.name.text, method]);
          });
        }
      }
      forEachChild(node, visit);
    };
    visit(root);
    return found;
  }

  /** Walks a call chain down from its receiver: request(app).post('/x').send(b) -> POST. */
  private chainMethod(expr: ts.Expression): SiteMethod | undefined {
    for (let current = unwrap(expr); ;) {
      if (ts.isCallExpression(current)) {
        const callee = current.expression;
        if (ts.isPropertyAccessExpression(callee)) {
          const name = callee.name.text;
          if (ROUTE_CALLS.has(name) && current.arguments.length >= 1) {
            const method: SiteMethod = { name: routeCallMethod(name), source: 'request-builder', at: callee.name.getStart(this.sourceFile) };
            return withApp(withPath(method, this.chainPath(current)), this.requesterApp(callee.expression, 0));
          }
          if (name === INTERCEPT) {
            // nock(base).intercept('/x', 'PATCH')
            const method = normalizeMethod(stringValue(current.arguments[1]) ?? '');
            if (method) {
              return withPath({ name: method, source: 'request-builder', at: current.arguments[1].getStart(this.sourceFile) }, this.chainPath(current));
            }
          }
        }
        current = unwrap(current.expression);
      } else if (ts.isPropertyAccessExpression(current)) {
        current = unwrap(current.expression);
      } else {
        return undefined;
      }
    }
  }

  /**
   * The path a chain's request call names (`.post('/x')`), unless the chain starts at another host:
   * `nock('https://api.example.com')`, `request('https://other.example')` mock or call another service.
   */
  private chainPath(call: ts.CallExpression): ReturnType<typeof requestPathOf> {
    let root: ts.Expression = unwrap(call.expression);
    while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) {
      if (ts.isCallExpression(root) && !isPropertyAccessExpression(root.expression)) break;
      root = unwrap(root.expression);
    }
    if (ts.isCallExpression(root) && root.arguments[0] && !requestPathOf(root.arguments[0], this.sourceFile)) {
      const base = stringValue(root.arguments[0]);
      if (base !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(base)) return undefined; // a URL, but not to this machine
    }
    return requestPathOf(call.arguments[0], this.sourceFile);
  }

  /** The method of the request whose response is checked: `res` traced to `await request(app).post(...)`, fetch, axios. */
  private subjectMethod(expr: ts.Expression, depth: number): SiteMethod | undefined {
    if (depth > 4) return undefined;
    expr = unwrap(expr);
    if (ts.isPropertyAccessExpression(expr) && STATUS_MEMBERS.has(expr.name.text)) return this.subjectMethod(expr.expression, depth + 1);
    // Playwright's `res.status()`.
    if (isStatusCall(expr)) return this.subjectMethod(expr.expression.expression, depth + 1);
    if (ts.isIdentifier(expr)) {
      const initializer = this.initializerOf(expr);
      if (initializer) return this.subjectMethod(initializer, depth + 1);
      const chain = this.callbackChain(expr);
      return chain ? this.subjectMethod(chain, depth + 1) : undefined;
    }
    if (!ts.isCallExpression(expr)) return undefined;
    const name = calleeName(expr);
    if (name === 'fetch') {
      // fetch(new Request(url, init)), or fetch(request) after `const request = new Request(url, init)`
      let input = expr.arguments[0] ? unwrap(expr.arguments[0]) : undefined;
      if (input && ts.isIdentifier(input)) input = this.initializerOf(input) ?? input;
      if (input && ts.isNewExpression(input) && calleeName(input) === 'Request' && !expr.arguments[1]) {
        return this.requestInitMethod(input.arguments?.[1], input);
      }
      return this.requestInitMethod(expr.arguments[1], expr);
    }
    if (name !== undefined && REQUEST_FUNCTIONS.has(name)) {
      // axios({ method: 'post' }), axios(url, { method }), fastify.inject({ method: 'POST' })
      for (const arg of expr.arguments) {
        const object = unwrap(arg);
        const method = ts.isObjectLiteralExpression(object) ? methodProperty(object, this.sourceFile) : undefined;
        if (!method) continue;
        const found = withPath({ name: method.name, source: 'request-builder', at: method.node.getStart(this.sourceFile) }, this.urlArgumentPath(expr));
        // `app.inject(…)` (Fastify), `app.request(…)` (Hono): the request is made on that app.
        const callee = unwrap(expr.expression);
        return isPropertyAccessExpression(callee) ? withApp(found, this.appName(callee.expression, 0)) : found;
      }
    }
    return this.chainMethod(expr) ?? this.helperMethod(expr);
  }

  /**
   * The request chain a response parameter comes from: `.then((res) => …)`, `.end((err, res) => …)`, `.expect((res)
   * => …)` hand the response of the chain they end to their callback. Undefined when the name is bound otherwise.
   */
  private callbackChain(id: ts.Identifier): ts.Expression | undefined {
    for (let current: ts.Node | undefined = id.parent; current; current = current.parent) {
      if (!isFunctionLike(current)) continue;
      const index = current.parameters.findIndex((parameter) => bindsName(parameter.name, id.text));
      if (index === -1) continue;
      const call = current.parent;
      if (!ts.isCallExpression(call) || !call.arguments.includes(current as unknown as ts.Expression)) return undefined;
      if (!isPropertyAccessExpression(call.expression) || RESPONSE_CALLBACKS.get(call.expression.name.text) !== index) return undefined;
      return call.expression.expression;
    }
    return undefined;
  }

  /**
   * A helper that wraps a request builder and takes the method: `injectWithLogin(user, { method: 'POST', url })`,
   * `api('POST', url)`, `call('post', '/orders')`. A lower-case method counts only before a path.
   */
  private helperMethod(call: ts.CallExpression): SiteMethod | undefined {
    const [first, second] = call.arguments;
    const written = stringValue(first);
    const name = normalizeMethod(written ?? '');
    if (name && (written === name || (stringValue(second) ?? '').startsWith('/') || (second && ts.isTemplateExpression(unwrap(second))))) {
      return { name, source: 'request-builder', at: first.getStart(this.sourceFile) };
    }
    for (const arg of call.arguments) {
      const object = unwrap(arg);
      const method = ts.isObjectLiteralExpression(object) ? methodProperty(object, this.sourceFile) : undefined;
      if (method) return { name: method.name, source: 'request-builder', at: method.node.getStart(this.sourceFile) };
    }
    return undefined;
  }

  /** The method of a fetch-style init object: its `method`, GET when there is none, unknown when it may hide one. */
  private requestInitMethod(initArg: ts.Expression | undefined, call: ts.CallExpression | ts.NewExpression): SiteMethod | undefined {
    const init = initArg ? unwrap(initArg) : undefined;
    if (init && !ts.isObjectLiteralExpression(init)) return undefined;
    const method = init ? methodProperty(init, this.sourceFile) : undefined;
    // A `method` we cannot read, or a spread that may carry one: unknown, not GET.
    if (init && !method && init.properties.some((p) => p.name?.getText(this.sourceFile) === 'method' || ts.isSpreadAssignment(p))) return undefined;
    const found: SiteMethod = method
      ? { name: method.name, source: 'request-builder', at: method.node.getStart(this.sourceFile) }
      : { name: 'GET', source: 'request-builder', at: call.getStart(this.sourceFile) };
    return withPath(found, this.urlArgumentPath(call));
  }

  /**
   * The path of a call that takes the URL first or in its options: `fetch(url, init)`, `new Request(url)`,
   * `axios(url, { method })`, `axios({ method, url })`, `app.inject({ method, url })` (Fastify also takes `path`).
   */
  private urlArgumentPath(call: ts.CallExpression | ts.NewExpression): ReturnType<typeof requestPathOf> {
    const first = call.arguments?.[0] && unwrap(call.arguments[0]);
    if (!first) return undefined;
    if (!ts.isObjectLiteralExpression(first)) return requestPathOf(first, this.sourceFile);
    for (const property of first.properties) {
      if (!ts.isPropertyAssignment(property) || !URL_PROPERTY.test(property.name.getText(this.sourceFile))) continue;
      return requestPathOf(property.initializer, this.sourceFile);
    }
    return undefined;
  }

  /**
   * The app a request chain is made on, from the receiver of its method call: `request(app)`, `supertest(server)`,
   * `request.agent(app)`, and a variable holding one (`const api = request(app)`). Undefined where not written there.
   */
  private requesterApp(receiver: ts.Expression, depth: number): string | undefined {
    const expr = unwrap(receiver);
    if (depth > MAX_APP_STEPS) return undefined;
    if (isIdentifier(expr)) {
      const initializer = this.initializerOf(expr, false);
      return initializer && this.requesterApp(initializer, depth + 1);
    }
    if (!ts.isCallExpression(expr)) return undefined;
    const callee = unwrap(expr.expression);
    if (isIdentifier(callee)) return this.appName(expr.arguments[0], depth + 1); // request(app)
    if (!isPropertyAccessExpression(callee)) return undefined;
    if (callee.name.text === 'agent') return this.appName(expr.arguments[0], depth + 1); // request.agent(app)
    if (callee.name.text === 'inject') return this.appName(callee.expression, depth + 1); // app.inject().post(…)
    return this.requesterApp(callee.expression, depth + 1); // request(app).set(…).post(…)
  }

  /**
   * The name an app is known by in this file, for the route index to find its module: `app`; the function that made
   * it (`const app = buildApp()` -> `buildApp`); the app under a server made of it (`app.getHttpServer()`,
   * `http.createServer(app.callback())`, `app.server` -> `app`).
   */
  private appName(arg: ts.Expression | undefined, depth: number): string | undefined {
    if (!arg || depth > MAX_APP_STEPS) return undefined;
    const expr = unwrap(arg);
    if (isIdentifier(expr)) {
      // `const app = buildApp()`: the function that made it; `const { app } = require('./app')`: the name itself. A
      // variable of the top level is the route index's to follow (ModuleFacts `madeBy`), so that a statement's sites
      // read nothing of the others'.
      const made = this.initializerOf(expr, false);
      const call = made && unwrap(made);
      if (!call || !ts.isCallExpression(call) || calleeName(call) === 'require') return expr.text;
      return this.appName(call, depth + 1) ?? expr.text;
    }
    if (isPropertyAccessExpression(expr)) return this.appName(expr.expression, depth + 1);
    if (!ts.isCallExpression(expr)) return undefined;
    const callee = unwrap(expr.expression);
    if (isIdentifier(callee)) return callee.text;
    if (!isPropertyAccessExpression(callee)) return undefined;
    return this.appName(expr.arguments[0] ?? callee.expression, depth + 1);
  }

  /**
   * The initializer of the variable an identifier names, looked up in the enclosing blocks (or its destructuring
   * source), and at the top level unless `topLevel` is false.
   */
  private initializerOf(id: ts.Identifier, topLevel = true): ts.Expression | undefined {
    for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
      if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isCaseClause(scope) && !ts.isModuleBlock(scope)) continue;
      if (ts.isSourceFile(scope) && !topLevel) return undefined;
      if (ts.isSourceFile(scope)) this.scope.readTopLevel(id.text);
      for (const statement of scope.statements) {
        if (statement.pos > id.pos) break;
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (declaration.initializer && declaresName(declaration, id.text, this.sourceFile)) return declaration.initializer;
        }
      }
    }
    return undefined;
  }
}

/** msw's request handler namespaces: `http.post(path, resolver)` (v2), `rest.post(path, resolver)` (v1). */
const MSW_RECEIVERS: ReadonlySet<string> = new Set(['http', 'rest']);

/** The option that names a request's URL: axios and fetch-like `url`, Fastify inject's `url` or `path`. */
const URL_PROPERTY = /^['"]?(?:url|path)['"]?$/;

/** Steps followed from a request back to the app it is made on. */
const MAX_APP_STEPS = 4;

/** The method with the app its request is made on, where that is written. */
function withApp(method: SiteMethod, app: string | undefined): SiteMethod {
  return app && method.path !== undefined ? { ...method, app } : method;
}

/** The method with the path its request names, where that is known. */
function withPath(method: SiteMethod, path: ReturnType<typeof requestPathOf>): SiteMethod {
  return path ? { ...method, path: path.path, pathStart: path.start, pathEnd: path.end } : method;
}

/** `const name = …` or `const { name } = …`: the bindings whose initializer a status subject is traced to. */
function declaresName(declaration: ts.VariableDeclaration, name: string, sourceFile: ts.SourceFile): boolean {
  if (ts.isIdentifier(declaration.name)) return declaration.name.text === name;
  return ts.isObjectBindingPattern(declaration.name) && declaration.name.elements.some((e) => e.name.getText(sourceFile) === name);
}

/** A parameter that binds `name`, itself or destructured: `res`, `{ status }`. */
function bindsName(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && bindsName(element.name, name));
}

/**
 * The names a top-level statement binds that a site may look up beyond its statement (a superset): variables
 * `initializerOf` can trace a subject to, and imports (which module a decorator comes from).
 */
export function tracedNames(statement: ts.Statement, sourceFile: ts.SourceFile): string[] {
  if (ts.isImportDeclaration(statement)) return namesBoundBy(statement);
  if (!ts.isVariableStatement(statement)) return [];
  const names: string[] = [];
  for (const declaration of statement.declarationList.declarations) {
    if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    else if (ts.isObjectBindingPattern(declaration.name)) for (const e of declaration.name.elements) names.push(e.name.getText(sourceFile));
  }
  return names;
}
