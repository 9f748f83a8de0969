/**
 * Which HTTP method is in force at a site: the handler around it (route registration, NestJS decorator, route
 * object, Next.js export, a handler registered by name), the request chain it ends, or the request whose response
 * it checks.
 */
import ts from 'typescript';
import { normalizeMethod } from '../../table/methods';
import { INTERCEPT, REQUEST_FUNCTIONS, ROUTE_CALLS, STATUS_MEMBERS } from '../../vocabulary';
import type { SiteMethod } from '../types';
import { isRouteExportName } from './frameworks/fetch';
import { nestRouteMethod } from './frameworks/nestjs';
import type { MethodStrategy } from './pattern';
import { calleeName, isExported, methodProperty, stringValue, unwrap } from './syntax';

// Read once: every `ts.X` is a getter on the compiler's exports; these run at every call of a file.
const { forEachChild, isFunctionLike, isIdentifier, isPropertyAccessExpression, isVariableDeclaration } = ts;
const { CallExpression } = ts.SyntaxKind;

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

  /** A method read from a route object's `method` property. */
  routeObjectMethod(method: { name: string; node: ts.Node }): SiteMethod {
    return { name: method.name, source: 'route-object', at: method.node.getStart(this.sourceFile) };
  }

  /**
   * Outermost handler around the node that says its method: a route callback, a decorated method, a route object, an export.
   * Outermost, because a callback nested in a handler can sit in a call that looks like a route
   * (`db.get(sql, (err, row) => ...)`, `client.get(key, cb)`) and must not lend it its GET.
   */
  enclosingMethod(node: ts.Node | undefined): SiteMethod | undefined {
    let found: SiteMethod | undefined;
    for (let current = node?.parent; current; current = current.parent) {
      if (isFunctionLike(current)) found = this.methodOfHandler(current) ?? found;
      else if (isVariableDeclaration(current)) found = this.exportedWrapperMethod(current) ?? found;
    }
    return found;
  }

  private methodOfHandler(fn: ts.SignatureDeclaration): SiteMethod | undefined {
    if (ts.isMethodDeclaration(fn)) {
      const method = nestRouteMethod(fn, this.sourceFile);
      if (method) return method;
    }
    const parent = fn.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(fn as unknown as ts.Expression)) {
      const method = this.routeMethod(parent);
      if (method) return method;
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
    if (!isPropertyAccessExpression(callee) || !ROUTE_CALLS.has(callee.name.text)) return undefined;
    const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    // router.route('/x').get(h).post(h2): other method calls may stand between `route('/x')` and this one.
    let base = callee.expression;
    while (ts.isCallExpression(base) && isPropertyAccessExpression(base.expression) && ROUTE_CALLS.has(base.expression.name.text)) {
      base = base.expression.expression;
    }
    const onRoute = ts.isCallExpression(base) && calleeName(base) === 'route';
    const pathLike = first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first) || ts.isRegularExpressionLiteral(first) || isIdentifier(first));
    if (!pathLike && !onRoute) return undefined;
    return { name: routeCallMethod(callee.name.text), source: 'route', at: callee.name.getStart(this.sourceFile) };
  }

  /** The handlers registered by name in a subtree, in the order they are written. */
  registrationsIn(root: ts.Node): Registration[] {
    const found: Registration[] = [];
    const visit = (node: ts.Node): void => {
      if (node.kind === CallExpression) {
        const call = node as ts.CallExpression;
        const method = this.routeMethod(call);
        if (method) {
          // app.post('/x', auth, create): after the path; router.route('/x').post(create): every argument.
          const pathFirst = (call.arguments.length > 0 && !isIdentifier(unwrap(call.arguments[0]))) || call.arguments.length > 1;
          for (const arg of call.arguments.slice(pathFirst ? 1 : 0)) {
            const handler = unwrap(arg);
            if (isIdentifier(handler)) found.push([handler.text, method]);
            else if (isPropertyAccessExpression(handler)) found.push([handler.name.text, method]);
          }
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
            return { name: routeCallMethod(name), source: 'request-builder', at: callee.name.getStart(this.sourceFile) };
          }
          if (name === INTERCEPT) {
            // nock(base).intercept('/x', 'PATCH')
            const method = normalizeMethod(stringValue(current.arguments[1]) ?? '');
            if (method) return { name: method, source: 'request-builder', at: current.arguments[1].getStart(this.sourceFile) };
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

  /** The method of the request whose response is checked: `res` traced to `await request(app).post(...)`, fetch, axios. */
  private subjectMethod(expr: ts.Expression, depth: number): SiteMethod | undefined {
    if (depth > 4) return undefined;
    expr = unwrap(expr);
    if (ts.isPropertyAccessExpression(expr) && STATUS_MEMBERS.has(expr.name.text)) return this.subjectMethod(expr.expression, depth + 1);
    if (ts.isIdentifier(expr)) {
      const initializer = this.initializerOf(expr);
      return initializer ? this.subjectMethod(initializer, depth + 1) : undefined;
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
        if (method) return { name: method.name, source: 'request-builder', at: method.node.getStart(this.sourceFile) };
      }
    }
    return this.chainMethod(expr);
  }

  /** The method of a fetch-style init object: its `method`, GET when there is none, unknown when it may hide one. */
  private requestInitMethod(initArg: ts.Expression | undefined, call: ts.Node): SiteMethod | undefined {
    const init = initArg ? unwrap(initArg) : undefined;
    if (init && !ts.isObjectLiteralExpression(init)) return undefined;
    const method = init ? methodProperty(init, this.sourceFile) : undefined;
    // A `method` we cannot read, or a spread that may carry one: unknown, not GET.
    if (init && !method && init.properties.some((p) => p.name?.getText(this.sourceFile) === 'method' || ts.isSpreadAssignment(p))) return undefined;
    return method
      ? { name: method.name, source: 'request-builder', at: method.node.getStart(this.sourceFile) }
      : { name: 'GET', source: 'request-builder', at: call.getStart(this.sourceFile) };
  }

  /** The initializer of the variable an identifier names, looked up in the enclosing blocks (or its destructuring source). */
  private initializerOf(id: ts.Identifier): ts.Expression | undefined {
    for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
      if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isCaseClause(scope) && !ts.isModuleBlock(scope)) continue;
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

/** `const name = …` or `const { name } = …`: the bindings whose initializer a status subject is traced to. */
function declaresName(declaration: ts.VariableDeclaration, name: string, sourceFile: ts.SourceFile): boolean {
  if (ts.isIdentifier(declaration.name)) return declaration.name.text === name;
  return ts.isObjectBindingPattern(declaration.name) && declaration.name.elements.some((e) => e.name.getText(sourceFile) === name);
}

/** The names a top-level statement binds that `initializerOf` can trace a subject to (a superset: with or without an initializer). */
export function tracedNames(statement: ts.Statement, sourceFile: ts.SourceFile): string[] {
  if (!ts.isVariableStatement(statement)) return [];
  const names: string[] = [];
  for (const declaration of statement.declarationList.declarations) {
    if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    else if (ts.isObjectBindingPattern(declaration.name)) for (const e of declaration.name.elements) names.push(e.name.getText(sourceFile));
  }
  return names;
}
