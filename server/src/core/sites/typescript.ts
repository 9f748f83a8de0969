/**
 * Finds status-code sites in TypeScript/JavaScript with the TypeScript compiler's parser.
 * Only numbers in status positions count (res.status(201), .expect(201), ...): 200 in setTimeout(f, 200) is not a site.
 * Named constants (HttpStatus.OK, StatusCodes.OK, constants.HTTP_STATUS_OK, status.OK) are sites wherever they stand.
 */
import ts from 'typescript';
import { isStatusCodeNumber } from '../httpStatus';
import { normalizeMethod } from '../table/methods';
import { codeOfConstant } from './constants';
import { readImports, readTopLevelNames } from './imports';
import type { CodeForm, DocumentFacts, DocumentLanguage, Site, SiteMethod, SiteRole } from './types';

const SCRIPT_KINDS: Record<Exclude<DocumentLanguage, 'yaml'>, ts.ScriptKind> = {
  typescript: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  javascript: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
};

/** Lower-case names of route registrations and request builders: app.post(...), request(app).post(...). */
const ROUTE_CALLS = new Set(['get', 'post', 'put', 'delete', 'del', 'patch', 'head', 'options']);
/** NestJS method decorators. */
const DECORATORS = new Set(['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options']);
const STATUS_MEMBERS = new Set(['status', 'statusCode']);
/** Object properties that hold a status: status, statusCode, httpStatus, errorHttpStatusCode, status_code. */
const STATUS_PROPERTY = /^(status|statusCode|status_code)$|[a-z](Status|StatusCode)$/;
const RESPONSE_CLASSES = new Set(['Response', 'NextResponse', 'HttpResponse']);
const HONO_BODIES = new Set(['json', 'text', 'body', 'html']);
const MATCHERS = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'eq']);
const ASSERTIONS = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'notEqual', 'notStrictEqual', 'is', 'not']);
const ERROR_FACTORIES = new Set(['createError', 'createHttpError', 'httpError']);

type Code = { code: number; form: CodeForm; node: ts.Node };
/** How a pattern learns its method: from the handler around it, the call chain it ends, or the response it checks. */
type MethodStrategy = { by: 'enclosing' } | { by: 'chain'; call: ts.CallExpression } | { by: 'subject'; expr: ts.Expression } | { by: 'none' };

/** NestJS parameter decorators that hand the response to the handler, which then sets its own status. */
const RESPONSE_PARAMETERS = new Set(['Res', 'Response', 'Next']);

export function analyzeTypeScript(text: string, language: Exclude<DocumentLanguage, 'yaml'>): DocumentFacts {
  const sourceFile = ts.createSourceFile('document', text, ts.ScriptTarget.Latest, true, SCRIPT_KINDS[language]);
  return {
    language,
    sites: new TypeScriptSiteFinder(sourceFile).find(),
    imports: readImports(sourceFile),
    topLevelNames: readTopLevelNames(sourceFile),
  };
}

/** The name of a decorator written as a call: `@Post()` -> 'Post'. */
function decoratorName(decorator: ts.Decorator): string | undefined {
  const call = decorator.expression;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? call.expression.text : undefined;
}

/** Next.js route-handler export names: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS. */
function isRouteExportName(name: string): boolean {
  return name === name.toUpperCase() && DECORATORS.has(name[0] + name.slice(1).toLowerCase());
}

function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
}

function unwrap(expr: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) ||
    ts.isNonNullExpression(expr) || ts.isTypeAssertionExpression(expr) || ts.isAwaitExpression(expr)
  ) {
    expr = expr.expression;
  }
  return expr;
}

function stringValue(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  expr = unwrap(expr);
  return ts.isStringLiteralLike(expr) ? expr.text : undefined;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** `res.status`, `response.statusCode`, or a destructured `status`. */
function isStatusMember(expr: ts.Expression): boolean {
  expr = unwrap(expr);
  if (ts.isPropertyAccessExpression(expr)) return STATUS_MEMBERS.has(expr.name.text);
  return ts.isIdentifier(expr) && STATUS_MEMBERS.has(expr.text);
}

/** The `method` property of an object literal: 'POST', or ['POST'] with one entry. */
function methodProperty(object: ts.ObjectLiteralExpression): { name: string; node: ts.Node } | undefined {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || property.name.getText() !== 'method') continue;
    let value = unwrap(property.initializer);
    if (ts.isArrayLiteralExpression(value) && value.elements.length === 1) value = value.elements[0];
    const name = normalizeMethod(stringValue(value) ?? '');
    return name ? { name, node: value } : undefined;
  }
  return undefined;
}

class TypeScriptSiteFinder {
  private readonly sites: Site[] = [];
  private readonly covered = new Set<ts.Node>();
  /** Handlers registered by name (app.post('/x', createOrder)) -> the route's method. Built on first need. */
  private handlerMethods: Map<string, SiteMethod> | undefined;

  constructor(private readonly sourceFile: ts.SourceFile) {}

  find(): Site[] {
    this.visit(this.sourceFile);
    return this.sites.sort((a, b) => a.start - b.start);
  }

  // ---- codes ----

  private readCode(expr: ts.Expression | undefined): Code | undefined {
    if (!expr) return undefined;
    const node = unwrap(expr);
    if (ts.isNumericLiteral(node)) {
      // The source text, not node.text: the scanner normalises 0x1F4 to "500" and 1e2 to "100".
      const raw = node.getText(this.sourceFile);
      const code = Number(raw);
      return /^\d{3}$/.test(raw) && isStatusCodeNumber(code) ? { code, form: { kind: 'literal' }, node } : undefined;
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      // Only the last segment of the receiver matters (`http2.constants` -> constants); no getText on the hot path.
      const receiver = node.expression;
      const last = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
      const found = last === undefined ? undefined : codeOfConstant(last, node.name.text);
      if (found) return { code: found.code, form: { kind: 'constant', library: found.library, text: node.getText(this.sourceFile) }, node };
    }
    if (ts.isIdentifier(node)) {
      const found = codeOfConstant(undefined, node.text);
      if (found) return { code: found.code, form: { kind: 'constant', library: found.library, text: node.text }, node };
    }
    return undefined;
  }

  private add(code: Code | undefined, role: SiteRole, idiom: string, strategy: MethodStrategy): void {
    if (!code || this.covered.has(code.node)) return;
    this.cover(code.node);
    this.sites.push({
      start: code.node.getStart(this.sourceFile),
      end: code.node.getEnd(),
      code: code.code,
      form: code.form,
      role,
      idiom,
      method: this.methodBy(strategy, code.node),
    });
  }

  private cover(node: ts.Node): void {
    this.covered.add(node);
    // The name of `constants.HTTP_STATUS_OK` would otherwise read as a second, bare HTTP_STATUS_OK.
    if (ts.isPropertyAccessExpression(node)) this.covered.add(node.name);
  }

  // ---- patterns ----

  private visit(node: ts.Node): void {
    if (ts.isCallExpression(node)) this.visitCall(node);
    else if (ts.isNewExpression(node)) this.visitNew(node);
    else if (ts.isBinaryExpression(node)) this.visitBinary(node);
    else if (ts.isSwitchStatement(node)) this.visitSwitch(node);
    else if (ts.isObjectLiteralExpression(node)) this.visitObject(node);
    else if (ts.isMethodDeclaration(node)) this.visitNestHandler(node);
    else if ((ts.isPropertyAccessExpression(node) || ts.isIdentifier(node)) && !this.covered.has(node)) {
      const code = this.readCode(node);
      if (code?.form.kind === 'constant') this.add(code, 'reference', 'constant', { by: 'none' });
    }
    ts.forEachChild(node, (child) => this.visit(child));
  }

  /**
   * A NestJS handler with no @HttpCode answers with the framework's default: 201 for @Post(), 200 for the rest.
   * That unwritten code is a site too (on the method decorator), unless the handler takes the response itself.
   */
  private visitNestHandler(method: ts.MethodDeclaration): void {
    const decorators = decoratorsOf(method);
    const route = decorators.find((decorator) => DECORATORS.has(decoratorName(decorator) ?? ''));
    if (!route) return;
    if (decorators.some((decorator) => decoratorName(decorator) === 'HttpCode' || decoratorName(decorator) === 'Redirect')) return;
    // @Res({ passthrough: true }) leaves the status to Nest, so its default still applies.
    const takesResponse = method.parameters.some((parameter) =>
      decoratorsOf(parameter).some(
        (decorator) => RESPONSE_PARAMETERS.has(decoratorName(decorator) ?? '') && !/passthrough\s*:\s*true/.test(decorator.getText(this.sourceFile)),
      ),
    );
    if (takesResponse) return;
    const name = decoratorName(route)!;
    const start = route.getStart(this.sourceFile);
    this.sites.push({
      start,
      end: route.getEnd(),
      code: name === 'Post' ? 201 : 200,
      form: { kind: 'implicit', framework: 'nestjs' },
      role: 'response',
      idiom: `@${name}() default`,
      method: { name: name.toUpperCase(), source: 'decorator', at: start },
    });
  }

  private visitCall(call: ts.CallExpression): void {
    const name = calleeName(call);
    const args = call.arguments;
    const callee = call.expression;
    if (!name) return;

    if (ts.isIdentifier(callee)) {
      if (name === 'HttpCode') this.add(this.readCode(args[0]), 'response', '@HttpCode()', { by: 'enclosing' });
      else if (name === 'Redirect') this.add(this.readCode(args[1]), 'response', '@Redirect()', { by: 'enclosing' });
      else if (ERROR_FACTORIES.has(name)) this.add(this.readCode(args[0]), 'response', `${name}()`, { by: 'enclosing' });
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const receiver = unwrap(callee.expression);
    const receiverName = ts.isIdentifier(receiver) ? receiver.text : undefined;

    if (receiverName && RESPONSE_CLASSES.has(receiverName)) {
      // Response.json(x, { status }), NextResponse.json(...), msw HttpResponse.json/text/html(...), Response.redirect(url, 301)
      const role: SiteRole = receiverName === 'HttpResponse' ? 'mock' : 'response';
      if (name === 'redirect') this.add(this.readCode(args[1]), role, `${receiverName}.redirect()`, { by: 'enclosing' });
      else this.visitInit(args[1], role, `${receiverName}.${name}()`);
      return;
    }
    const expectSubject = this.expectSubject(receiver);
    if ((name === 'status' || MATCHERS.has(name)) && expectSubject) {
      // chai `expect(res).to.have.status(201)`, jest `expect(res.status).toBe(201)`, `res.status.should.equal(201)`
      if (name === 'status' || isStatusMember(expectSubject)) {
        const subject = name === 'status' ? expectSubject : unwrap(expectSubject);
        this.add(this.readCode(args[0]), 'expectation', name === 'status' ? 'expect().status()' : `expect(status).${name}()`, {
          by: 'subject',
          expr: subject,
        });
      }
      return;
    }
    if (args.length === 1 && (name === 'status' || name === 'sendStatus' || name === 'code')) {
      this.add(this.readCode(args[0]), 'response', `.${name}()`, { by: 'enclosing' });
    } else if (name === 'assert' && args.length >= 2 && (receiverName === 'ctx' || receiver.kind === ts.SyntaxKind.ThisKeyword)) {
      // Koa: ctx.assert(condition, 422, message)
      this.add(this.readCode(args[1]), 'response', 'ctx.assert()', { by: 'enclosing' });
    } else if (name === 'writeHead' || name === 'throw') {
      this.add(this.readCode(args[0]), 'response', `.${name}()`, { by: 'enclosing' });
    } else if (name === 'redirect' && args.length === 2) {
      this.add(this.readCode(args[0]) ?? this.readCode(args[1]), 'response', '.redirect()', { by: 'enclosing' });
    } else if (HONO_BODIES.has(name) && args.length >= 2 && !(args[2] && ts.isNumericLiteral(unwrap(args[2])))) {
      // Hono's third argument is headers; a number there is a coordinate (pdfkit doc.text('Title', 100, 150)).
      this.add(this.readCode(args[1]), 'response', `.${name}()`, { by: 'enclosing' });
    } else if (name === 'expect' && args.length >= 1) {
      this.add(this.readCode(args[0]), 'expectation', '.expect()', { by: 'chain', call });
    } else if (name === 'reply' && args.length >= 1) {
      this.add(this.readCode(args[0]), 'mock', '.reply()', { by: 'chain', call });
    } else if (ASSERTIONS.has(name) && args.length >= 2) {
      // assert.equal(res.status, 201), t.is(res.status, 201)
      const [a, b] = args;
      if (isStatusMember(a)) this.add(this.readCode(b), 'expectation', `assert.${name}()`, { by: 'subject', expr: unwrap(a) });
      else if (isStatusMember(b)) this.add(this.readCode(a), 'expectation', `assert.${name}()`, { by: 'subject', expr: unwrap(b) });
    }
  }

  private visitNew(expr: ts.NewExpression): void {
    const name = calleeName(expr);
    const args = expr.arguments ?? ts.factory.createNodeArray();
    if (name === 'HttpException') this.add(this.readCode(args[1]), 'response', 'new HttpException()', { by: 'enclosing' });
    else if (name === 'HTTPException') this.add(this.readCode(args[0]), 'response', 'new HTTPException()', { by: 'enclosing' });
    else if (name && RESPONSE_CLASSES.has(name)) this.visitInit(args[1], name === 'HttpResponse' ? 'mock' : 'response', `new ${name}()`);
  }

  /** The init object of the fetch-style Response classes: `{ status: 201 }`. */
  private visitInit(init: ts.Expression | undefined, role: SiteRole, idiom: string): void {
    if (!init || !ts.isObjectLiteralExpression(unwrap(init))) return;
    for (const property of (unwrap(init) as ts.ObjectLiteralExpression).properties) {
      if (ts.isPropertyAssignment(property) && property.name.getText() === 'status') {
        this.add(this.readCode(property.initializer), role, idiom, { by: 'enclosing' });
      }
    }
  }

  private visitBinary(expr: ts.BinaryExpression): void {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      // ctx.status = 201 (Koa), res.statusCode = 201 (Express / node:http)
      const left = unwrap(expr.left);
      if (ts.isPropertyAccessExpression(left) && STATUS_MEMBERS.has(left.name.text)) {
        this.add(this.readCode(expr.right), 'response', `.${left.name.text} =`, { by: 'enclosing' });
      }
      return;
    }
    const comparisons = [
      ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
    ];
    if (!comparisons.includes(op)) return;
    if (isStatusMember(expr.left)) this.add(this.readCode(expr.right), 'expectation', 'status comparison', { by: 'subject', expr: unwrap(expr.left) });
    else if (isStatusMember(expr.right)) this.add(this.readCode(expr.left), 'expectation', 'status comparison', { by: 'subject', expr: unwrap(expr.right) });
  }

  private visitSwitch(statement: ts.SwitchStatement): void {
    if (!isStatusMember(statement.expression)) return;
    for (const clause of statement.caseBlock.clauses) {
      if (ts.isCaseClause(clause)) {
        this.add(this.readCode(clause.expression), 'expectation', 'switch (status)', { by: 'subject', expr: unwrap(statement.expression) });
      }
    }
  }

  /**
   * `{ status: 201 }`, `{ statusCode: 201 }`, `{ errorHttpStatusCode: … }` objects: Lambda results, route tables
   * with `method`, options naming a status. And Fastify's `schema: { response: { 201: … } }` keys.
   */
  private visitObject(object: ts.ObjectLiteralExpression): void {
    if (this.isFastifyResponseSchema(object)) this.visitResponseSchema(object);
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property) || !STATUS_PROPERTY.test(property.name.getText())) continue;
      const code = this.readCode(property.initializer);
      if (!code || this.covered.has(code.node)) continue;
      const method = methodProperty(object);
      this.cover(code.node);
      this.sites.push({
        start: code.node.getStart(this.sourceFile),
        end: code.node.getEnd(),
        code: code.code,
        form: code.form,
        role: 'response',
        idiom: `{ ${property.name.getText()}: … }`,
        method: method ? { name: method.name, source: 'route-object', at: method.node.getStart(this.sourceFile) } : this.methodBy({ by: 'enclosing' }, object),
      });
    }
  }

  /** `response` inside `schema` inside route options: the keys are the route's declared status codes. */
  private isFastifyResponseSchema(object: ts.ObjectLiteralExpression): boolean {
    const property = object.parent;
    if (!ts.isPropertyAssignment(property) || property.name.getText() !== 'response') return false;
    const schema = property.parent.parent;
    return ts.isPropertyAssignment(schema) && schema.name.getText() === 'schema';
  }

  private visitResponseSchema(object: ts.ObjectLiteralExpression): void {
    // schema's owner: the route options object, passed to app.post(path, options, handler) or fastify.route(options).
    const options = (object.parent.parent.parent as ts.PropertyAssignment).parent;
    const call = options.parent;
    const fromObject = methodProperty(options);
    const method = fromObject
      ? { name: fromObject.name, source: 'route-object' as const, at: fromObject.node.getStart(this.sourceFile) }
      : ts.isCallExpression(call) ? this.routeMethod(call) : undefined;
    for (const property of object.properties) {
      const key = property.name;
      if (!key || !(ts.isNumericLiteral(key) || ts.isStringLiteral(key)) || !/^\d{3}$/.test(key.text)) continue;
      const code = Number(key.text);
      if (!isStatusCodeNumber(code)) continue;
      this.sites.push({
        start: key.getStart(this.sourceFile),
        end: key.getEnd(),
        code,
        form: { kind: 'literal' },
        role: 'spec',
        idiom: 'schema.response',
        method,
      });
    }
  }

  /** The `x` of an `expect(x)...` chain that ends in the receiver, or the status member a `.should` chain starts from. */
  private expectSubject(receiver: ts.Expression): ts.Expression | undefined {
    let expr = receiver;
    for (;;) {
      expr = unwrap(expr);
      if (ts.isCallExpression(expr)) {
        if (ts.isIdentifier(expr.expression) && expr.expression.text === 'expect') return expr.arguments[0];
        expr = expr.expression;
      } else if (ts.isPropertyAccessExpression(expr)) {
        if (expr.name.text === 'should' && isStatusMember(expr.expression)) return expr.expression;
        expr = expr.expression;
      } else {
        return undefined;
      }
    }
  }

  // ---- methods ----

  private methodBy(strategy: MethodStrategy, from?: ts.Node): SiteMethod | undefined {
    switch (strategy.by) {
      case 'enclosing':
        return this.enclosingMethod(from);
      case 'chain':
        return this.chainMethod(strategy.call.expression);
      case 'subject':
        return this.subjectMethod(strategy.expr, 0);
      case 'none':
        return undefined;
    }
  }

  /**
   * Outermost handler around the node that says its method: a route callback, a decorated method, a route object, an export.
   * Outermost, because a callback nested in a handler can sit in a call that looks like a route
   * (`db.get(sql, (err, row) => ...)`, `client.get(key, cb)`) and must not lend it its GET.
   */
  private enclosingMethod(node: ts.Node | undefined): SiteMethod | undefined {
    let found: SiteMethod | undefined;
    for (let current = node?.parent; current; current = current.parent) {
      if (ts.isFunctionLike(current)) found = this.methodOfHandler(current) ?? found;
      else if (ts.isVariableDeclaration(current)) found = this.exportedWrapperMethod(current) ?? found;
    }
    return found;
  }

  private methodOfHandler(fn: ts.SignatureDeclaration): SiteMethod | undefined {
    if (ts.isMethodDeclaration(fn)) {
      for (const decorator of decoratorsOf(fn)) {
        const name = decoratorName(decorator);
        if (name && DECORATORS.has(name)) return { name: name.toUpperCase(), source: 'decorator', at: decorator.getStart(this.sourceFile) };
      }
    }
    const parent = fn.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(fn as unknown as ts.Expression)) {
      const method = this.routeMethod(parent);
      if (method) return method;
    }
    const object = ts.isPropertyAssignment(parent) ? parent.parent : ts.isMethodDeclaration(fn) ? fn.parent : undefined;
    if (object && ts.isObjectLiteralExpression(object)) {
      const method = methodProperty(object);
      if (method) return { name: method.name, source: 'route-object', at: method.node.getStart(this.sourceFile) };
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left)) {
      // exports.create = async function (req, res) {...}, registered elsewhere as app.post('/x', exports.create)
      return this.namedHandlerMethod(parent.left.name.text);
    }
    const named = ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) ? fn : ts.isVariableDeclaration(parent) ? parent : undefined;
    if (named?.name && ts.isIdentifier(named.name)) {
      const name = named.name.text;
      const exported = this.isExported(named);
      if (exported && isRouteExportName(name)) {
        return { name, source: 'export', at: named.name.getStart(this.sourceFile) };
      }
      return this.namedHandlerMethod(name);
    }
    return undefined;
  }

  private namedHandlerMethod(name: string): SiteMethod | undefined {
    if (!this.handlerMethods) {
      this.handlerMethods = new Map();
      this.collectNamedHandlers(this.sourceFile);
    }
    return this.handlerMethods.get(name);
  }

  /** `export const POST = withAuth(async (req) => …)`: a wrapped Next.js route handler. */
  private exportedWrapperMethod(declaration: ts.VariableDeclaration): SiteMethod | undefined {
    if (!ts.isIdentifier(declaration.name) || !this.isExported(declaration)) return undefined;
    const name = declaration.name.text;
    if (!isRouteExportName(name)) return undefined;
    return { name, source: 'export', at: declaration.name.getStart(this.sourceFile) };
  }

  private isExported(node: ts.Node): boolean {
    const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
    return ts.canHaveModifiers(holder) && (ts.getModifiers(holder) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  }

  /** app.post('/x', ...), router.route('/x').post(...), http.post('/x', resolver): the route's method. */
  private routeMethod(call: ts.CallExpression): SiteMethod | undefined {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ROUTE_CALLS.has(callee.name.text)) return undefined;
    const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    // router.route('/x').get(h).post(h2): other method calls may stand between `route('/x')` and this one.
    let base = callee.expression;
    while (ts.isCallExpression(base) && ts.isPropertyAccessExpression(base.expression) && ROUTE_CALLS.has(base.expression.name.text)) {
      base = base.expression.expression;
    }
    const onRoute = ts.isCallExpression(base) && calleeName(base) === 'route';
    const pathLike = first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first) || ts.isRegularExpressionLiteral(first) || ts.isIdentifier(first));
    if (!pathLike && !onRoute) return undefined;
    const name = callee.name.text === 'del' ? 'DELETE' : callee.name.text.toUpperCase();
    return { name, source: 'route', at: callee.name.getStart(this.sourceFile) };
  }

  private collectNamedHandlers(node: ts.Node): void {
    if (ts.isCallExpression(node)) {
      const method = this.routeMethod(node);
      if (method) {
        // app.post('/x', auth, create): after the path; router.route('/x').post(create): every argument.
        const pathFirst = node.arguments.length > 0 && !ts.isIdentifier(unwrap(node.arguments[0])) || node.arguments.length > 1;
        for (const arg of node.arguments.slice(pathFirst ? 1 : 0)) {
          const handler = unwrap(arg);
          if (ts.isIdentifier(handler)) this.handlerMethods!.set(handler.text, method);
          else if (ts.isPropertyAccessExpression(handler)) this.handlerMethods!.set(handler.name.text, method);
        }
      }
    }
    ts.forEachChild(node, (child) => this.collectNamedHandlers(child));
  }

  /** Walks a call chain down from its receiver: request(app).post('/x').send(b) -> POST. */
  private chainMethod(expr: ts.Expression): SiteMethod | undefined {
    for (let current = unwrap(expr); ; ) {
      if (ts.isCallExpression(current)) {
        const callee = current.expression;
        if (ts.isPropertyAccessExpression(callee)) {
          const name = callee.name.text;
          if (ROUTE_CALLS.has(name) && current.arguments.length >= 1) {
            return { name: name === 'del' ? 'DELETE' : name.toUpperCase(), source: 'request-builder', at: callee.name.getStart(this.sourceFile) };
          }
          if (name === 'intercept') {
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
    if (name === 'axios' || name === 'request' || name === 'inject') {
      // axios({ method: 'post' }), axios(url, { method }), fastify.inject({ method: 'POST' })
      for (const arg of expr.arguments) {
        const object = unwrap(arg);
        const method = ts.isObjectLiteralExpression(object) ? methodProperty(object) : undefined;
        if (method) return { name: method.name, source: 'request-builder', at: method.node.getStart(this.sourceFile) };
      }
    }
    return this.chainMethod(expr);
  }

  /** The method of a fetch-style init object: its `method`, GET when there is none, unknown when it may hide one. */
  private requestInitMethod(initArg: ts.Expression | undefined, call: ts.Node): SiteMethod | undefined {
    const init = initArg ? unwrap(initArg) : undefined;
    if (init && !ts.isObjectLiteralExpression(init)) return undefined;
    const method = init ? methodProperty(init) : undefined;
    // A `method` we cannot read, or a spread that may carry one: unknown, not GET.
    if (init && !method && init.properties.some((p) => p.name?.getText() === 'method' || ts.isSpreadAssignment(p))) return undefined;
    return method
      ? { name: method.name, source: 'request-builder', at: method.node.getStart(this.sourceFile) }
      : { name: 'GET', source: 'request-builder', at: call.getStart(this.sourceFile) };
  }

  /** The initializer of the variable an identifier names, looked up in the enclosing blocks (or its destructuring source). */
  private initializerOf(id: ts.Identifier): ts.Expression | undefined {
    for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
      if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isCaseClause(scope) && !ts.isModuleBlock(scope)) continue;
      for (const statement of scope.statements) {
        if (statement.pos > id.pos) break;
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (!declaration.initializer) continue;
          if (ts.isIdentifier(declaration.name) && declaration.name.text === id.text) return declaration.initializer;
          if (ts.isObjectBindingPattern(declaration.name) && declaration.name.elements.some((e) => e.name.getText() === id.text)) {
            return declaration.initializer;
          }
        }
      }
    }
    return undefined;
  }
}
