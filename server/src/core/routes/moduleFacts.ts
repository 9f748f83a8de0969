/**
 * What one TS/JS module tells the project index: what it imports and exports (ES modules and CommonJS alike), the
 * routes it registers (`router.post('/x', …, handler)`, `router.route('/x').post(…)`), and the routers it mounts under
 * a prefix (`app.use('/v1', routes)`). Names only: linking them across files is the index's job (projectIndex.ts).
 */
import ts from 'typescript';
import { ROUTE_CALLS, ROUTE_DECORATORS } from '../vocabulary';
import { PARSE_OPTIONS } from '../sites/typescript/parseOptions';
import { stringValue, unwrap } from '../sites/typescript/syntax';

/** A value named in a module: a local binding, or a member of one (`userController.createUser`). */
export interface Ref {
  readonly name: string;
  readonly member?: string;
  /** Found inside a call (`catchAsync(create)`): only a function is a handler there, not any argument. */
  readonly wrapped?: boolean;
}

/** What a local name or an export stands for. */
export type Binding =
  | { readonly kind: 'local'; readonly ref: Ref }
  /** `name` of the module at `specifier`: an export name, 'default', or '*' for the module itself (`require`, `import * as`). */
  | { readonly kind: 'module'; readonly specifier: string; readonly name: string };

export interface RouteRegistration {
  /** The local name of the app or router the route is registered on. */
  readonly router: string;
  readonly method: string;
  /** The literal path, '' for `router.post(handler)`; undefined where the path is not a literal. */
  readonly path: string | undefined;
  /** The handler, unwrapped from calls around it (`catchAsync(create)`); undefined when written inline. */
  readonly handler: Ref | undefined;
  /** Offset of the method's name (`post`), where the registration is reported. */
  readonly at: number;
  /** Where the handler is written in the registration (`userController.createUser`): go to definition starts there. */
  readonly handlerSpan?: { readonly start: number; readonly end: number };
  /** A handler written inline (`router.get('/', async (req, res) => …)`): the function, or the wrapper call around it. */
  readonly inlineHandler?: { readonly start: number; readonly end: number };
  /** Middleware before the handler (`auth()`, `validate(schema)`, Fastify's `preHandler`): it may answer first. */
  readonly middleware?: { readonly start: number; readonly end: number };
}

export interface RouterMount {
  readonly router: string;
  readonly path: string | undefined;
  readonly target: Ref;
  readonly at: number;
}

export interface Local {
  readonly at: number;
  /** The top-level statement that declares it: the sites inside belong to it. */
  readonly start: number;
  readonly end: number;
  /** A function, or a call given one (`catchAsync(async (req, res) => …)`); false for other values; undefined: unknown. */
  readonly callable: boolean | undefined;
  /** A variable a call to a function by name made (`const app = buildApp()`, awaited or not): that name. */
  readonly madeBy?: string;
  /** A function of four parameters: Express's signature of error-handling middleware, `(err, req, res, next)`. */
  readonly errorMiddleware?: true;
}

/** Middleware given to a router's `use` that may handle errors: written there, or a name to follow. */
export interface ErrorMiddleware {
  readonly router: string;
  /** A name (`app.use(errorHandler)`): it handles errors if it names a function of four parameters. */
  readonly ref?: Ref;
  /** Written in the call, with four parameters: its span. */
  readonly inline?: { readonly start: number; readonly end: number };
}

export interface ModuleFacts {
  /** Local name -> the module binding it was imported or required from. */
  readonly imports: ReadonlyMap<string, Binding & { kind: 'module' }>;
  /** Export name ('default' for `export default` and `module.exports = x`) -> what it stands for. */
  readonly exports: ReadonlyMap<string, Binding>;
  /** `export * from './x'`. */
  readonly exportAll: readonly string[];
  /** Top-level functions, classes and variables of the module -> where their name is, and whether it is a function. */
  readonly locals: ReadonlyMap<string, Local>;
  readonly registrations: readonly RouteRegistration[];
  readonly mounts: readonly RouterMount[];
  /** What `use` gives routers that may handle the errors their routes pass on (`next(err)`). */
  readonly errorMiddleware: readonly ErrorMiddleware[];
  /** A router's own prefix: koa-router `new Router({ prefix })`, Hono `new Hono().basePath('/api')`. */
  readonly routerPrefixes: ReadonlyMap<string, string>;
  /** NestJS `app.setGlobalPrefix('api')`. */
  readonly globalPrefix?: string;
  /** NestJS controller classes: the global prefix applies to their routes. */
  readonly controllers: readonly string[];
  /** Exported functions named by an HTTP method (`export async function POST`): Next.js route handlers. */
  readonly methodExports: readonly { method: string; at: number }[];
  /** `export default function handler` / `export default handler`: a Next.js pages-router API route. */
  readonly defaultExportAt?: number;
}

// Read once: every `ts.X` is a getter on the compiler's exports.
const { isIdentifier, isPropertyAccessExpression, isCallExpression, isStringLiteralLike, isObjectLiteralExpression } = ts;

/** `require('x')` -> 'x'. */
function requiredSpecifier(expr: ts.Expression): string | undefined {
  expr = unwrap(expr);
  if (!isCallExpression(expr) || !isIdentifier(expr.expression) || expr.expression.text !== 'require') return undefined;
  const [argument] = expr.arguments;
  return argument && isStringLiteralLike(argument) ? argument.text : undefined;
}

/** An identifier or `a.b` as a Ref; a call around one (`catchAsync(create)`, `wrap(c.create)`) is looked through. */
export function refOf(expr: ts.Expression | undefined, depth = 0): Ref | undefined {
  if (!expr || depth > 4) return undefined;
  expr = unwrap(expr);
  if (isIdentifier(expr)) return { name: expr.text };
  if (isPropertyAccessExpression(expr) && isIdentifier(expr.expression)) return { name: expr.expression.text, member: expr.name.text };
  if (isCallExpression(expr)) {
    // A wrapper: its first argument that names a value is the handler (`asyncHandler(controller.create)`).
    for (const argument of expr.arguments) {
      const inner = refOf(argument, depth + 1);
      if (inner) return { ...inner, wrapped: true };
    }
  }
  return undefined;
}

/** Whether a variable's initializer is a function: written as one, or a call given one (a wrapper). */
function callableValue(init: ts.Expression | undefined): boolean | undefined {
  if (!init) return false;
  const value = unwrap(init);
  if (ts.isFunctionLike(value)) return true;
  if (isCallExpression(value)) return value.arguments.some((a) => ts.isFunctionLike(unwrap(a))) || undefined;
  if (isIdentifier(value) || isPropertyAccessExpression(value)) return undefined;
  return false;
}

/** A function of four parameters: Express tells error-handling middleware by that count. */
function handlesErrors(value: ts.Node): value is ts.SignatureDeclaration {
  return ts.isFunctionLike(value) && value.parameters.length === 4;
}

/** `router` of `router.routes()` / `router.middleware()` (koa-router's mount form). */
function routesCallTarget(expr: ts.Expression): Ref | undefined {
  const value = unwrap(expr);
  if (!isCallExpression(value) || !isPropertyAccessExpression(value.expression)) return undefined;
  const method = value.expression.name.text;
  if (method !== 'routes' && method !== 'middleware') return undefined;
  const base = unwrap(value.expression.expression);
  return isIdentifier(base) ? { name: base.text } : undefined;
}

/** `new Router({ prefix: '/users' })`, `new Hono().basePath('/api')`: a router created with its own prefix. */
function routerPrefixOf(init: ts.Expression): string | undefined {
  const value = unwrap(init);
  if (ts.isNewExpression(value)) {
    const [options] = value.arguments ?? [];
    return options && isObjectLiteralExpression(unwrap(options))
      ? stringValue(propertyValue(unwrap(options) as ts.ObjectLiteralExpression, 'prefix'))
      : undefined;
  }
  if (isCallExpression(value) && isPropertyAccessExpression(value.expression) && value.expression.name.text === 'basePath') {
    return stringValue(value.arguments[0]);
  }
  return undefined;
}

function propertyValue(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (isIdentifier(property.name) || isStringLiteralLike(property.name)) && property.name.text === key) {
      return property.initializer;
    }
  }
  return undefined;
}

function decoratorCall(node: ts.Node, name: string): ts.CallExpression | undefined {
  for (const decorator of ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []) {
    const call = decorator.expression;
    if (isCallExpression(call) && isIdentifier(call.expression) && call.expression.text === name) return call;
  }
  return undefined;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `module.exports` or `exports`, and `module.exports.name` / `exports.name`: the export name ('default' for the whole). */
function exportTarget(expr: ts.Expression): string | undefined {
  const isModuleExports = (e: ts.Expression) =>
    isPropertyAccessExpression(e) && isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
  if (isModuleExports(expr)) return 'default';
  if (isPropertyAccessExpression(expr)) {
    const base = expr.expression;
    if (isModuleExports(base) || (isIdentifier(base) && base.text === 'exports')) return expr.name.text;
  }
  return undefined;
}

function bindingOf(expr: ts.Expression): Binding | undefined {
  const specifier = requiredSpecifier(expr);
  if (specifier !== undefined) return { kind: 'module', specifier, name: '*' };
  const ref = refOf(expr);
  return ref && isIdentifierOrMember(unwrap(expr)) ? { kind: 'local', ref } : undefined;
}

function isIdentifierOrMember(expr: ts.Expression): boolean {
  return isIdentifier(expr) || (isPropertyAccessExpression(expr) && isIdentifier(expr.expression));
}

class FactsReader {
  readonly imports = new Map<string, Binding & { kind: 'module' }>();
  readonly exports = new Map<string, Binding>();
  readonly exportAll: string[] = [];
  readonly locals = new Map<string, Local>();
  readonly registrations: RouteRegistration[] = [];
  readonly mounts: RouterMount[] = [];
  readonly errorMiddleware: ErrorMiddleware[] = [];
  readonly routerPrefixes = new Map<string, string>();
  globalPrefix?: string;
  readonly controllers: string[] = [];
  readonly methodExports: { method: string; at: number }[] = [];
  defaultExportAt?: number;
  /** Top-level `const list = [{ path: '/a', route: a }, …]`: for mounts made in `list.forEach(…)`. */
  private readonly arrays = new Map<string, ts.ArrayLiteralExpression>();
  /** The nodes around the call being read, outermost first: the parse is made without parent pointers (faster). */
  private readonly ancestors: ts.Node[] = [];

  constructor(private readonly sourceFile: ts.SourceFile) {}

  read(): ModuleFacts {
    for (const statement of this.sourceFile.statements) this.topLevel(statement);
    const visit = (node: ts.Node): void => {
      if (isCallExpression(node)) this.call(node);
      this.ancestors.push(node);
      ts.forEachChild(node, visit);
      this.ancestors.pop();
    };
    visit(this.sourceFile);
    // The facts alone: returning the reader would keep the whole syntax tree alive with them.
    const { imports, exports, exportAll, locals, mounts, errorMiddleware, routerPrefixes, globalPrefix, controllers, methodExports, defaultExportAt } = this;
    // msw's `http.post('/orders', resolver)` mocks a request in a test; it serves no route of the project.
    const registrations = this.registrations.filter((registration) => imports.get(registration.router)?.specifier !== 'msw');
    return {
      imports,
      exports,
      exportAll,
      locals,
      registrations,
      mounts,
      errorMiddleware,
      routerPrefixes,
      globalPrefix,
      controllers,
      methodExports,
      defaultExportAt,
    };
  }

  private span(declaration: ts.Node, name: ts.Node): { at: number; start: number; end: number } {
    return { at: name.getStart(this.sourceFile), start: declaration.getStart(this.sourceFile), end: declaration.end };
  }

  private topLevel(statement: ts.Statement): void {
    if (ts.isImportDeclaration(statement)) return this.importDeclaration(statement);
    if (ts.isExportDeclaration(statement)) return this.exportDeclaration(statement);
    if (ts.isExportAssignment(statement)) {
      const binding = bindingOf(statement.expression);
      if (binding) this.exports.set('default', binding);
      if (!statement.isExportEquals) this.defaultExportAt = statement.expression.getStart(this.sourceFile);
      return;
    }
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = exported && (ts.getModifiers(statement as ts.HasModifiers) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && (statement.name || isDefault)) {
      const name = statement.name;
      if (name) {
        const errorMiddleware = ts.isFunctionDeclaration(statement) && handlesErrors(statement);
        this.locals.set(name.text, {
          ...this.span(statement, name),
          callable: ts.isFunctionDeclaration(statement),
          ...(errorMiddleware && { errorMiddleware }),
        });
      }
      if (exported && name) this.exports.set(isDefault ? 'default' : name.text, { kind: 'local', ref: { name: name.text } });
      if (isDefault) this.defaultExportAt = (name ?? statement).getStart(this.sourceFile);
      if (exported && !isDefault && name && ts.isFunctionDeclaration(statement)) this.methodExport(name);
      if (ts.isClassDeclaration(statement)) this.nestController(statement);
      return;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) this.variable(declaration, exported);
      return;
    }
    if (ts.isExpressionStatement(statement)) this.assignment(statement.expression);
  }

  /** `export async function POST` / `export const GET = …`: a Next.js route handler. */
  private methodExport(name: ts.Identifier): void {
    if (ROUTE_DECORATORS.has(capitalized(name.text)) && name.text === name.text.toUpperCase()) {
      this.methodExports.push({ method: name.text, at: name.getStart(this.sourceFile) });
    }
  }

  /**
   * A NestJS controller: `@Controller('orders')` (or `{ path, version }`) on the class, `@Post(':id')` on its methods.
   * Each route method is a handler named `Class.method`; the class is the router, its path the router's prefix.
   */
  private nestController(declaration: ts.ClassDeclaration): void {
    const controller = decoratorCall(declaration, 'Controller');
    if (!controller || !declaration.name) return;
    const router = declaration.name.text;
    const [argument] = controller.arguments;
    const options = argument && isObjectLiteralExpression(unwrap(argument)) ? (unwrap(argument) as ts.ObjectLiteralExpression) : undefined;
    const path = options ? stringValue(propertyValue(options, 'path')) : argument ? stringValue(argument) : '';
    const version = options ? stringValue(propertyValue(options, 'version')) : undefined;
    if (path === undefined) return; // a path not literal: the controller's routes are not known
    this.routerPrefixes.set(router, version ? `/v${version}/${path}` : path);
    this.controllers.push(router);
    for (const member of declaration.members) {
      if (!ts.isMethodDeclaration(member) || !member.name || !isIdentifier(member.name)) continue;
      for (const decorator of ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : []) {
        const call = decorator.expression;
        if (!isCallExpression(call) || !isIdentifier(call.expression) || !ROUTE_DECORATORS.has(call.expression.text)) continue;
        const name = `${router}.${member.name.text}`;
        this.locals.set(name, { ...this.span(member, member.name), callable: true });
        const routePath = call.arguments.length === 0 ? '' : stringValue(call.arguments[0]);
        this.registrations.push({
          router,
          method: call.expression.text.toUpperCase(),
          path: routePath,
          handler: { name },
          at: call.expression.getStart(this.sourceFile),
        });
      }
    }
  }

  private importDeclaration(statement: ts.ImportDeclaration): void {
    if (!isStringLiteralLike(statement.moduleSpecifier)) return;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause) return;
    if (clause.name) this.imports.set(clause.name.text, { kind: 'module', specifier, name: 'default' });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.imports.set(bindings.name.text, { kind: 'module', specifier, name: '*' });
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        this.imports.set(element.name.text, { kind: 'module', specifier, name: (element.propertyName ?? element.name).text });
      }
    }
  }

  private exportDeclaration(statement: ts.ExportDeclaration): void {
    const specifier = statement.moduleSpecifier && isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    const clause = statement.exportClause;
    if (!clause) {
      if (specifier !== undefined) this.exportAll.push(specifier);
      return;
    }
    if (ts.isNamespaceExport(clause)) {
      if (specifier !== undefined) this.exports.set(clause.name.text, { kind: 'module', specifier, name: '*' });
      return;
    }
    for (const element of clause.elements) {
      const local = (element.propertyName ?? element.name).text;
      this.exports.set(element.name.text, specifier !== undefined ? { kind: 'module', specifier, name: local } : { kind: 'local', ref: { name: local } });
    }
  }

  private variable(declaration: ts.VariableDeclaration, exported: boolean): void {
    const init = declaration.initializer;
    if (isIdentifier(declaration.name)) {
      const name = declaration.name.text;
      const made = init && unwrap(init);
      const madeBy = made && isCallExpression(made) && isIdentifier(made.expression) && made.expression.text !== 'require' ? made.expression.text : undefined;
      const errorMiddleware = made !== undefined && handlesErrors(made);
      this.locals.set(name, {
        ...this.span(declaration, declaration.name),
        callable: callableValue(init),
        ...(madeBy !== undefined && { madeBy }),
        ...(errorMiddleware && { errorMiddleware }),
      });
      if (exported) this.exports.set(name, { kind: 'local', ref: { name } });
      if (exported && callableValue(init)) this.methodExport(declaration.name);
      if (!init) return;
      const prefix = routerPrefixOf(init);
      if (prefix !== undefined) this.routerPrefixes.set(name, prefix);
      const specifier = requiredSpecifier(init);
      if (specifier !== undefined) this.imports.set(name, { kind: 'module', specifier, name: '*' });
      else {
        // `const x = require('./m').x` / `require('./m').default`
        const value = unwrap(init);
        if (isPropertyAccessExpression(value)) {
          const inner = requiredSpecifier(value.expression);
          if (inner !== undefined) this.imports.set(name, { kind: 'module', specifier: inner, name: value.name.text });
        }
      }
      if (ts.isArrayLiteralExpression(unwrap(init))) this.arrays.set(name, unwrap(init) as ts.ArrayLiteralExpression);
      return;
    }
    // `const { a, b: c } = require('./m')`
    const specifier = init && requiredSpecifier(init);
    if (specifier === undefined || !ts.isObjectBindingPattern(declaration.name)) return;
    for (const element of declaration.name.elements) {
      if (!isIdentifier(element.name)) continue;
      const imported = element.propertyName && isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      this.locals.set(element.name.text, { ...this.span(element, element.name), callable: undefined });
      this.imports.set(element.name.text, { kind: 'module', specifier, name: imported });
    }
  }

  /** `module.exports = …`, `module.exports = { a, b: c }`, `exports.a = …`, `module.exports.a = require('./a')`. */
  private assignment(expr: ts.Expression): void {
    if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const target = exportTarget(expr.left);
    if (target === undefined) return;
    const value = unwrap(expr.right);
    if (target === 'default' && isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        if (ts.isShorthandPropertyAssignment(property)) this.exports.set(property.name.text, { kind: 'local', ref: { name: property.name.text } });
        else if (ts.isPropertyAssignment(property) && (isIdentifier(property.name) || isStringLiteralLike(property.name))) {
          const binding = bindingOf(property.initializer);
          if (binding) this.exports.set(property.name.text, binding);
        }
      }
      return;
    }
    const binding = bindingOf(value);
    if (binding) this.exports.set(target, binding);
    // `module.exports = require('./app')`: the module is that one, each of its exports too (`const { app } = require('.')`).
    if (target === 'default' && binding?.kind === 'module' && binding.name === '*') this.exportAll.push(binding.specifier);
    else if (!binding && callableValue(value)) {
      // `exports.login = async function (req, res) {…}`: a handler with no local name; it is known by what it exports.
      const name = expr.left.getText(this.sourceFile);
      const errorMiddleware = handlesErrors(value);
      this.locals.set(name, { ...this.span(expr, expr.left), callable: true, ...(errorMiddleware && { errorMiddleware }) });
      this.exports.set(target, { kind: 'local', ref: { name } });
    }
  }

  private call(call: ts.CallExpression): void {
    const callee = call.expression;
    if (!isPropertyAccessExpression(callee)) return;
    const name = callee.name.text;
    if (name === 'use') return this.mount(call, callee);
    if (name === 'route' && call.arguments.length === 2) return this.mount(call, callee); // Hono app.route('/books', books)
    if (name === 'register') return this.fastifyRegister(call, callee);
    if (name === 'setGlobalPrefix') {
      const prefix = stringValue(call.arguments[0]);
      if (prefix !== undefined) this.globalPrefix = prefix;
      return;
    }
    if (name === 'prefix' && isIdentifier(unwrap(callee.expression))) {
      const prefix = stringValue(call.arguments[0]);
      if (prefix !== undefined) this.routerPrefixes.set((unwrap(callee.expression) as ts.Identifier).text, prefix);
      return;
    }
    if (name !== 'all' && !ROUTE_CALLS.has(name)) return;
    const router = this.routeBase(callee.expression);
    if (!router) return;
    const args = call.arguments;
    // `app.get('title')` reads a setting: a route has a handler after its path (or after `.route(path)`).
    const viaRoute = router.path !== undefined;
    if (args.length === 0 || (!viaRoute && args.length < 2)) return;
    const path = viaRoute ? (router.path ?? undefined) : stringValue(args[0]);
    const last = args[args.length - 1];
    const inline =
      ts.isFunctionLike(unwrap(last)) ||
      (isCallExpression(unwrap(last)) && (unwrap(last) as ts.CallExpression).arguments.some((a) => ts.isFunctionLike(unwrap(a))));
    const middleware = args.slice(viaRoute ? 0 : 1, -1).filter(isMiddleware);
    this.registrations.push({
      router: this.pluginOf(router.name) ?? router.name,
      method: name === 'del' ? 'DELETE' : name.toUpperCase(),
      path,
      handler: inline ? undefined : refOf(last),
      at: callee.name.getStart(this.sourceFile),
      handlerSpan: inline ? undefined : { start: last.getStart(this.sourceFile), end: last.end },
      ...(inline && { inlineHandler: { start: last.getStart(this.sourceFile), end: last.end } }),
      ...(middleware.length > 0 && { middleware: { start: middleware[0].getStart(this.sourceFile), end: middleware[middleware.length - 1].end } }),
    });
  }

  /**
   * The router a route call is made on, and the path a `.route(path)` before it gives: `router` for `router.post`,
   * `router` and '/x' for `router.route('/x').get(…).post(…)`. Path null: `.route(x)` with a path not literal.
   */
  private routeBase(expr: ts.Expression): { name: string; path?: string | null } | undefined {
    expr = unwrap(expr);
    if (isIdentifier(expr)) return { name: expr.text };
    if (isPropertyAccessExpression(expr) && expr.expression.kind === ts.SyntaxKind.ThisKeyword) return { name: `this.${expr.name.text}` };
    if (!isCallExpression(expr) || !isPropertyAccessExpression(expr.expression)) return undefined;
    const inner = expr.expression;
    if (inner.name.text === 'route') {
      const base = unwrap(inner.expression);
      if (!isIdentifier(base)) return undefined;
      return { name: base.text, path: stringValue(expr.arguments[0]) ?? null };
    }
    // A chain: `router.route('/').post(…).get(…)` — the call before is itself a route call on the same base.
    if (ROUTE_CALLS.has(inner.name.text) || inner.name.text === 'all') return this.routeBase(inner.expression);
    return undefined;
  }

  /** `app.use('/v1', routes)`, `router.use(routes)`, and `list.forEach((r) => router.use(r.path, r.route))`. */
  private mount(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    const receiver = unwrap(callee.expression);
    if (!isIdentifier(receiver)) return;
    const args = call.arguments;
    if (args.length === 0) return;
    const at = callee.name.getStart(this.sourceFile);
    // Express error-handling middleware: `app.use((err, req, res, next) => …)`, `app.use(errorConverter, errorHandler)`.
    for (const arg of args) {
      const value = unwrap(arg);
      if (handlesErrors(value)) this.errorMiddleware.push({ router: receiver.text, inline: { start: value.getStart(this.sourceFile), end: value.end } });
      else if (isIdentifier(value) || isPropertyAccessExpression(value)) {
        const ref = refOf(value);
        if (ref) this.errorMiddleware.push({ router: receiver.text, ref });
      }
    }
    const path = args.length > 1 && !routesCallTarget(args[0]) ? stringValue(args[0]) : '';
    const last = args[args.length - 1];
    const fromList = this.listMounts(receiver.text, args.length > 1 ? args[0] : undefined, last, at);
    if (fromList) return;
    // koa-router: `app.use(router.routes())`, `parent.use('/x', child.routes(), child.allowedMethods())`.
    const routes = args.find((a) => routesCallTarget(a) !== undefined);
    const target = routes ? routesCallTarget(routes) : refOf(last);
    // A mount of a middleware call (`app.use(cors())`) names no router; the index keeps only targets it can link.
    if (target && (routes || !isCallExpression(unwrap(last)))) this.mounts.push({ router: receiver.text, path, target, at });
  }

  /** Fastify: `app.register(usersRoutes, { prefix: '/users' })` mounts the plugin's routes under the prefix. */
  private fastifyRegister(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    const receiver = unwrap(callee.expression);
    const [plugin, options] = call.arguments;
    const target = plugin && !isCallExpression(unwrap(plugin)) ? refOf(plugin) : undefined;
    if (!isIdentifier(receiver) || !target) return;
    const object = options && unwrap(options);
    const prefix = object && isObjectLiteralExpression(object) ? propertyValue(object, 'prefix') : undefined;
    const path = prefix ? stringValue(prefix) : '';
    const router = this.pluginOf(receiver.text) ?? receiver.text;
    this.mounts.push({ router, path, target, at: callee.name.getStart(this.sourceFile) });
  }

  /**
   * The plugin a Fastify-style call is made in: `name` is the first parameter of a function declared at the top level
   * (`async function usersRoutes(fastify, opts) { fastify.post(…) }`), whose name then stands for the router.
   */
  private pluginOf(name: string): string | undefined {
    const up = this.ancestors;
    for (let i = up.length - 1; i > 0; i--) {
      const current = up[i];
      if (!ts.isFunctionLike(current)) continue;
      const [first] = current.parameters;
      if (!first || !isIdentifier(first.name) || first.name.text !== name) continue;
      if (ts.isFunctionDeclaration(current) && current.name && i === 1) return current.name.text;
      // sourceFile > VariableStatement > VariableDeclarationList > VariableDeclaration > the function
      const holder = up[i - 1];
      if (i === 4 && ts.isVariableDeclaration(holder) && isIdentifier(holder.name)) return holder.name.text;
      return undefined;
    }
    return undefined;
  }

  /** Mounts made for each element of a top-level array of `{ path, route }` objects. */
  private listMounts(router: string, pathArg: ts.Expression | undefined, targetArg: ts.Expression, at: number): boolean {
    const pathRef = pathArg && refOf(pathArg);
    const targetRef = refOf(targetArg);
    if (!targetRef?.member || (pathArg && pathRef?.name !== targetRef.name)) return false;
    const callback = this.enclosingForEach(targetRef.name);
    const list = callback && this.arrays.get(callback);
    if (!list) return false;
    for (const element of list.elements) {
      if (!isObjectLiteralExpression(element)) continue;
      const property = (key: string | undefined) =>
        key === undefined
          ? undefined
          : element.properties.find(
              (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment => !!p.name && ts.isIdentifier(p.name) && p.name.text === key,
            );
      const valueOf = (p: ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined) =>
        p && (ts.isShorthandPropertyAssignment(p) ? p.name : p.initializer);
      const path = pathRef?.member ? stringValue(valueOf(property(pathRef.member))) : '';
      const target = refOf(valueOf(property(targetRef.member)));
      if (target) this.mounts.push({ router, path, target, at });
    }
    return true;
  }

  /** The array `list` when the call being read sits in `list.forEach((param) => …)`. */
  private enclosingForEach(param: string): string | undefined {
    const up = this.ancestors;
    for (let i = up.length - 1; i > 0; i--) {
      const current = up[i];
      if (!ts.isFunctionLike(current)) continue;
      const [first] = current.parameters;
      const call = up[i - 1];
      if (
        first &&
        isIdentifier(first.name) &&
        first.name.text === param &&
        isCallExpression(call) &&
        isPropertyAccessExpression(call.expression) &&
        call.expression.name.text === 'forEach' &&
        isIdentifier(call.expression.expression)
      ) {
        return call.expression.expression.text;
      }
      return undefined;
    }
    return undefined;
  }
}

/** Fastify's route options may hold hooks that answer before the handler. */
const ROUTE_HOOKS = /^(?:preHandler|onRequest|preValidation|preParsing)$/;

/** An argument between a route's path and its handler that may answer: anything but options without hooks. */
function isMiddleware(arg: ts.Expression): boolean {
  const value = unwrap(arg);
  if (!isObjectLiteralExpression(value)) return true;
  return value.properties.some((property) => property.name !== undefined && isIdentifier(property.name) && ROUTE_HOOKS.test(property.name.text));
}

export function readModuleFacts(sourceFile: ts.SourceFile): ModuleFacts {
  return new FactsReader(sourceFile).read();
}

/** Parses `text` on its own (without parent pointers: the reader keeps its own ancestors) and reads its facts. */
export function moduleFactsOfText(text: string, fileName: string): ModuleFacts {
  const kind = /\.tsx$/.test(fileName)
    ? ts.ScriptKind.TSX
    : /\.(jsx)$/.test(fileName)
      ? ts.ScriptKind.JSX
      : /\.[cm]?js$/.test(fileName)
        ? ts.ScriptKind.JS
        : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(fileName, text, PARSE_OPTIONS, false, kind);
  return readModuleFacts(sourceFile);
}
