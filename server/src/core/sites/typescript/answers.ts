/**
 * What a handler answers beyond its sites, read during the finder's one walk (it hands over the calls, assignments,
 * throws and returns it visits): the places where the answer is not known (open ends) and the answers a framework
 * gives with no code written (implicit answers). Names are tested first; scopes are walked only on a match.
 *
 * The response is a parameter by its name and place: `res`/`response`/`reply` after the first parameter (Express
 * `(req, res)`, `(err, req, res, next)`, Fastify `(request, reply)`, NestJS `@Res() res`), `ctx`/`context`/`c` first
 * (Koa `(ctx, next)`, Hono `(c)`). `fetch(…).then((res) => res.json())` is not a response: `res` is first there.
 *
 * Not open ends: `await` of something that may throw (every service call may; counting them would leave no handler
 * known), and `next()` with no argument (a middleware's way to go on).
 */
import ts from 'typescript';
import { ERROR_FACTORIES, HONO_BODIES, HONO_EXCEPTION, NEST_EXCEPTION, NEST_MODULE } from '../../vocabulary';
import type { ImplicitAnswer, ImplicitIdiom, OpenEnd, OpenEndReason } from '../types';
import { bindingOf, NO_TOP_LEVEL } from './bindings';
import type { CodeReader } from './codes';
import { calleeName, unwrap } from './syntax';

const { isIdentifier, isPropertyAccessExpression, isCallExpression, isFunctionLike, isNewExpression } = ts;
const { ExpressionStatement, EqualsToken, SourceFile, Decorator, Block } = ts.SyntaxKind;

/** Names of the response after the first parameter, and of a context that comes first. */
const RESPONSE_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'rep']);
const CONTEXT_NAMES: ReadonlySet<string> = new Set(['ctx', 'context', 'c']);
/** Express calls that answer 200 when no status was set: `res.json(x)`, `res.send(x)`, `res.end()`, `res.render(view)`. */
const EXPRESS_BODIES: ReadonlySet<string> = new Set(['json', 'send', 'end', 'render', 'sendFile', 'download', 'jsonp']);
const FASTIFY_REPLY: ReadonlySet<string> = new Set(['reply', 'rep']);
/** NestJS decorators whose guards, pipes, interceptors and filters may answer before (or instead of) the handler. */
const NEST_ENHANCERS: ReadonlySet<string> = new Set(['UseGuards', 'UsePipes', 'UseInterceptors', 'UseFilters']);
/** Calls and assignments that set the status apart from the answer (`res.status(201); res.json(x)`). */
const STATUS_SETTERS: ReadonlySet<string> = new Set(['status', 'code']);

/** @nestjs/common's built-in exceptions and the code each answers. */
const NEST_BUILT_IN: ReadonlyMap<string, number> = new Map([
  ['BadRequestException', 400],
  ['UnauthorizedException', 401],
  ['ForbiddenException', 403],
  ['NotFoundException', 404],
  ['MethodNotAllowedException', 405],
  ['NotAcceptableException', 406],
  ['RequestTimeoutException', 408],
  ['ConflictException', 409],
  ['GoneException', 410],
  ['PreconditionFailedException', 412],
  ['PayloadTooLargeException', 413],
  ['UnsupportedMediaTypeException', 415],
  ['ImATeapotException', 418],
  ['MisdirectedException', 421],
  ['UnprocessableEntityException', 422],
  ['InternalServerErrorException', 500],
  ['NotImplementedException', 501],
  ['BadGatewayException', 502],
  ['ServiceUnavailableException', 503],
  ['GatewayTimeoutException', 504],
  ['HttpVersionNotSupportedException', 505],
]);

interface ResponseParameter {
  /** The function that takes it: an implicit answer and a status set apart meet in the same one. */
  fn: ts.SignatureDeclaration;
  /** `res`/`reply` after the first parameter, or a context first. */
  kind: 'response' | 'context';
}

export class AnswerReader {
  private openEnds: OpenEnd[] = [];
  /** Implicit answers, each with the function and response it answers through (`fn@res`): dropped if a status is set apart there. */
  private candidates: { answer: ImplicitAnswer; through?: string }[] = [];
  /**
   * Where a status is set apart for certain (`res.status(201);` as a statement of the handler's own body, not in a
   * branch), by `fn@res`: an implicit answer after it answers that status. One in a branch drops nothing: 200 stays
   * among the answers, which then may be more than the handler gives, never fewer.
   */
  private readonly setApart = new Map<string, number>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly codes: CodeReader,
    private readonly importedFrom: (name: string) => string | undefined,
  ) {}

  /** What the subtree just walked told: open ends and implicit answers, by offset. Resets for the next one. */
  take(): { openEnds: OpenEnd[]; implicitAnswers: ImplicitAnswer[] } {
    const implicitAnswers = this.candidates
      .filter((candidate) => candidate.through === undefined || !((this.setApart.get(candidate.through) ?? Infinity) < candidate.answer.start))
      .map((candidate) => candidate.answer)
      .sort((a, b) => a.start - b.start);
    const openEnds = this.openEnds.sort((a, b) => a.start - b.start);
    this.openEnds = [];
    this.candidates = [];
    this.setApart.clear();
    return { openEnds, implicitAnswers };
  }

  /**
   * A status a pattern reads (`res.status(x)`, `new HttpException(body, x)`): an open end unless every value it can
   * take is a code. With a `subject` (the receiver), only where that is a handler's response: `job.status(x)` is not.
   */
  statusValue(expr: ts.Expression | undefined, subject?: ts.Expression): void {
    if (!expr || this.codes.whollyKnown(expr)) return;
    if (subject) {
      const root = rootIdentifier(subject);
      if (!root || !this.responseParameter(root)) return;
    }
    this.open(expr, 'status-from-value');
  }

  call(call: ts.CallExpression): void {
    const callee = call.expression;
    const args = call.arguments;
    if (isIdentifier(callee) && NEST_ENHANCERS.has(callee.text) && call.parent.kind === Decorator) return this.open(call.parent, 'middleware');
    if (args.length > 0) {
      // next(err), next(new Error()): the error handlers answer.
      if (isIdentifier(callee) && callee.text === 'next' && bindingOf(callee, NO_TOP_LEVEL)?.kind === 'other') return this.open(call, 'error-passed-on');
      for (const arg of args) {
        if (isIdentifier(arg) && (RESPONSE_NAMES.has(arg.text) || CONTEXT_NAMES.has(arg.text)) && this.responseParameter(arg) && !isConsole(callee)) {
          return this.open(call, 'response-handed-off');
        }
      }
    }
    if (isPropertyAccessExpression(callee)) this.memberCall(call, callee);
  }

  /** `res.json(x)` answers 200, unless a status is in its chain (`res.status(201).json(x)`: the receiver is a call). */
  private memberCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    const receiver = unwrap(callee.expression);
    if (!isIdentifier(receiver)) return;
    const name = callee.name.text;
    const setter = STATUS_SETTERS.has(name) && call.parent.kind === ExpressionStatement;
    const answers = EXPRESS_BODIES.has(name) || name === 'redirect' || HONO_BODIES.has(name);
    if (!setter && !answers) return;
    const response = this.responseParameter(receiver);
    if (!response) return;
    const through = throughKey(response.fn, receiver.text);
    if (setter) {
      this.setStatusApart(call.parent, response.fn, through);
      return;
    }
    const args = call.arguments.length;
    if (response.kind === 'context') {
      if (HONO_BODIES.has(name) && args === 1) this.implicit(call, 200, 'hono.body');
      return;
    }
    if (FASTIFY_REPLY.has(receiver.text)) {
      if (name === 'send') this.implicit(call, 200, 'fastify.send', through);
    } else if (name === 'redirect') {
      if (args === 1) this.implicit(call, 302, 'express.redirect', through);
    } else if (EXPRESS_BODIES.has(name)) this.implicit(call, 200, 'express.body', through);
  }

  /** `ctx.body = x` answers 200 unless a status is set; `res.statusCode = x`, `ctx.status = x` set it. */
  assignment(expr: ts.BinaryExpression): void {
    if (expr.operatorToken.kind !== EqualsToken) return;
    const left = unwrap(expr.left);
    if (!isPropertyAccessExpression(left)) return;
    const name = left.name.text;
    if (name !== 'status' && name !== 'statusCode' && name !== 'body') return;
    const base = unwrap(left.expression);
    const response = isIdentifier(base) ? this.responseParameter(base) : undefined;
    if (!response) return;
    const through = throughKey(response.fn, (base as ts.Identifier).text);
    if (name === 'body') {
      if (response.kind === 'context') this.implicit(expr, 200, 'koa.body', through);
      return;
    }
    this.setStatusApart(expr.parent, response.fn, through);
    if (!this.codes.whollyKnown(expr.right)) this.open(expr.right, 'status-from-value');
  }

  /**
   * A throw answers what its error handlers make of it: unknown, unless it is a known HTTP exception (a site, its code
   * read by the patterns: `new HttpException(body, 403)`, `createError(404)`; a NestJS built-in: implicit) or it is
   * caught in the same function.
   */
  throwStatement(statement: ts.ThrowStatement): void {
    const thrown = unwrap(statement.expression);
    if (isNewExpression(thrown) || isCallExpression(thrown)) {
      const name = calleeName(thrown);
      if (name !== undefined) {
        if (isNewExpression(thrown) && (name === NEST_EXCEPTION || name === HONO_EXCEPTION)) return;
        if (isCallExpression(thrown) && ERROR_FACTORIES.has(name)) return;
        const code = isNewExpression(thrown) ? NEST_BUILT_IN.get(name) : undefined;
        if (code !== undefined && this.importedFrom(name) === NEST_MODULE) return this.implicit(thrown, code, 'nestjs.exception');
      }
    }
    if (!caughtWhereThrown(statement)) this.open(statement, 'unknown-throw');
  }

  /** Fastify: `return x` from `(request, reply) => …` answers 200 (`return reply.send(x)` answers through the reply). */
  returnStatement(statement: ts.ReturnStatement): void {
    const value = statement.expression && unwrap(statement.expression);
    if (!value) return;
    let fn: ts.Node = statement.parent;
    while (fn.kind !== SourceFile && !isFunctionLike(fn)) fn = fn.parent;
    this.returned(statement, value, fn);
  }

  /** Fastify: an arrow's expression body is what it returns: `async (request, reply) => ({ hello })` answers 200. */
  arrowBody(arrow: ts.ArrowFunction): void {
    if (arrow.body.kind === Block) return;
    this.returned(arrow.body, unwrap(arrow.body as ts.Expression), arrow);
  }

  private returned(node: ts.Node, value: ts.Expression, fn: ts.Node): void {
    if (!isFunctionLike(fn) || fn.parameters.length < 2) return;
    const reply = fn.parameters[1].name;
    if (!isIdentifier(reply) || !FASTIFY_REPLY.has(reply.text) || rootIdentifier(value)?.text === reply.text) return;
    this.implicit(node, 200, 'fastify.return', throughKey(fn, reply.text));
  }

  private setStatusApart(statement: ts.Node, fn: ts.SignatureDeclaration, through: string): void {
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (statement.kind !== ExpressionStatement || statement.parent !== body) return;
    const at = statement.getStart(this.sourceFile);
    if (at < (this.setApart.get(through) ?? Infinity)) this.setApart.set(through, at);
  }

  private open(node: ts.Node, reason: OpenEndReason): void {
    this.openEnds.push({ start: node.getStart(this.sourceFile), end: node.getEnd(), reason });
  }

  private implicit(node: ts.Node, code: number, idiom: ImplicitIdiom, through?: string): void {
    this.candidates.push({ answer: { start: node.getStart(this.sourceFile), end: node.getEnd(), code, idiom }, through });
  }

  /** Whether `id` names a handler's response or context parameter (by its name and place; see the top). */
  private responseParameter(id: ts.Identifier): ResponseParameter | undefined {
    const name = id.text;
    const response = RESPONSE_NAMES.has(name);
    if (!response && !CONTEXT_NAMES.has(name)) return undefined;
    for (let node: ts.Node = id.parent; node.kind !== SourceFile; node = node.parent) {
      if (!isFunctionLike(node)) continue;
      const index = node.parameters.findIndex((parameter) => isIdentifier(parameter.name) && parameter.name.text === name);
      if (index === -1) continue;
      if (response && index >= 1) return { fn: node, kind: 'response' };
      if (!response && index === 0) return { fn: node, kind: 'context' };
      return undefined;
    }
    return undefined;
  }
}

function throughKey(fn: ts.Node, name: string): string {
  return `${fn.pos}@${name}`;
}

/** `res` of `res`, `res.status(201).json`, `res.status(201)`. */
function rootIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  for (let depth = 0; depth < 16; depth++) {
    expr = unwrap(expr);
    if (isIdentifier(expr)) return expr;
    if (isPropertyAccessExpression(expr)) expr = expr.expression;
    else if (isCallExpression(expr)) expr = expr.expression;
    else return undefined;
  }
  return undefined;
}

function isConsole(callee: ts.Expression): boolean {
  return isPropertyAccessExpression(callee) && isIdentifier(callee.expression) && callee.expression.text === 'console';
}

/** Whether a throw sits in a `try` block, with a `catch`, of the function it is in: the handler answers it there. */
function caughtWhereThrown(statement: ts.ThrowStatement): boolean {
  for (let node: ts.Node = statement, parent = node.parent; parent.kind !== SourceFile && !isFunctionLike(parent); node = parent, parent = parent.parent) {
    if (ts.isTryStatement(parent) && parent.tryBlock === node && parent.catchClause) return true;
  }
  return false;
}
