/**
 * The walk: every node visited once, and handed only to the patterns registered for its shape (and, for calls and
 * constructions, its callee's name), looked up in tables built once. Numbers count only where a pattern reads them;
 * named constants count wherever they stand.
 */
import ts from 'typescript';
import { mayNameConstant } from '../constants';
import type { Idiom } from '../idioms';
import type { ImplicitAnswer, OpenEnd, Site, SiteRole } from '../types';
import { AnswerReader } from './answers';
import { PATTERNS } from './frameworks';
import { bindingOf, fileTopLevel, NO_TOP_LEVEL, type TopLevelNames } from './bindings';
import { CodeReader } from './codes';
import { functionOf, statusParameterOf } from './helpers';
import { MethodResolver, type FileScope } from './methods';
import type { Code, MethodStrategy, Pattern, Shape, Shapes, SiteContext } from './pattern';
import { unwrap } from './syntax';

type Match<S extends Shape> = (node: Shapes[S], context: SiteContext) => boolean;

/** The patterns of one shape: by callee name (each list in registry order), and those that take any name. */
interface ShapeTable<S extends Shape> {
  byName: Map<string, Match<S>[]>;
  anyName: Match<S>[];
}

function shapeTable<S extends Shape>(shape: S, patterns: readonly Pattern[]): ShapeTable<S> {
  const own = patterns.filter((candidate) => candidate.shape === shape);
  const anyName = own.filter((candidate) => !candidate.names).map((candidate) => candidate.match as Match<S>);
  const byName = new Map<string, Match<S>[]>();
  for (const name of new Set(own.flatMap((candidate) => [...(candidate.names ?? [])]))) {
    const names = (candidate: Pattern) => !candidate.names || [...candidate.names].includes(name);
    byName.set(
      name,
      own.filter(names).map((candidate) => candidate.match as Match<S>),
    );
  }
  return { byName, anyName };
}

function matchesOf<S extends Shape>(table: ShapeTable<S>, name: string): Match<S>[] {
  return table.byName.get(name) ?? table.anyName;
}

const CALLS = shapeTable('call', PATTERNS);
const MEMBER_CALLS = shapeTable('member-call', PATTERNS);
const CONSTRUCTIONS = shapeTable('new', PATTERNS);
const BINARIES = shapeTable('binary', PATTERNS).anyName;
const SWITCHES = shapeTable('switch', PATTERNS).anyName;
const OBJECTS = shapeTable('object', PATTERNS).anyName;
const METHODS = shapeTable('method', PATTERNS).anyName;
const REFERENCES = shapeTable('reference', PATTERNS).anyName;
const NO_ARGUMENTS: readonly ts.Expression[] = [];

// Read once: every `ts.X` is a getter on the compiler's exports, and the walk would pay for it at every node.
const {
  CallExpression,
  NewExpression,
  BinaryExpression,
  SwitchStatement,
  ObjectLiteralExpression,
  MethodDeclaration,
  Identifier,
  PropertyAccessExpression,
  ThrowStatement,
  ReturnStatement,
  ArrowFunction,
} = ts.SyntaxKind;
const { forEachChild, isIdentifier, isPropertyAccessExpression } = ts;
const isArray: (value: unknown) => value is readonly unknown[] = Array.isArray;
const { NumericLiteral, ConditionalExpression } = ts.SyntaxKind;

/** Whether an argument could read as a code (a literal, a constant, a binding, a branch): only then is a helper looked up. */
function mayHoldCode(arg: ts.Expression): boolean {
  const kind = unwrap(arg).kind;
  return kind === NumericLiteral || kind === Identifier || kind === PropertyAccessExpression || kind === ConditionalExpression || kind === BinaryExpression;
}

export class SiteFinder implements SiteContext {
  readonly methods: MethodResolver;
  private sites: Site[] = [];
  private readonly covered = new Set<ts.Node>();
  /** The sites of constants merely referenced, which an answer found later may take over. */
  private readonly references = new Map<ts.Node, Site>();
  private readonly codes: CodeReader;
  /** Open ends and implicit answers, read in the same walk. */
  private readonly answers: AnswerReader;

  /** `topLevel`: where names of the top level are looked up; by default the file's own, each read told to the scope. */
  constructor(
    readonly sourceFile: ts.SourceFile,
    scope: FileScope,
    private readonly topLevel: TopLevelNames = fileTopLevel(sourceFile, (name) => scope.readTopLevel(name)),
  ) {
    this.methods = new MethodResolver(sourceFile, scope);
    this.codes = new CodeReader(sourceFile, topLevel);
    this.answers = new AnswerReader(sourceFile, this.codes, (name) => this.methods.importedFrom(name));
  }

  /** The sites of one subtree (a top-level statement), by offset. */
  findIn(root: ts.Node): Site[] {
    return this.readIn(root).sites;
  }

  /** The sites of one subtree, and where what a handler answers is not known or not written (answers.ts). */
  readIn(root: ts.Node): { sites: Site[]; openEnds: OpenEnd[]; implicitAnswers: ImplicitAnswer[] } {
    this.sites = [];
    this.references.clear();
    this.answers.take();
    this.visit(root);
    return { sites: this.sites.sort((a, b) => a.start - b.start), ...this.answers.take() };
  }

  // ---- the walk ----

  private readonly visit = (node: ts.Node): void => {
    switch (node.kind) {
      case CallExpression:
        this.answers.call(node as ts.CallExpression);
        this.visitCall(node as ts.CallExpression);
        break;
      case NewExpression:
        this.visitNew(node as ts.NewExpression);
        break;
      case BinaryExpression:
        this.answers.assignment(node as ts.BinaryExpression);
        this.run(BINARIES, node as ts.BinaryExpression);
        break;
      case ThrowStatement:
        this.answers.throwStatement(node as ts.ThrowStatement);
        break;
      case ReturnStatement:
        this.answers.returnStatement(node as ts.ReturnStatement);
        break;
      case ArrowFunction:
        this.answers.arrowBody(node as ts.ArrowFunction);
        break;
      case SwitchStatement:
        this.run(SWITCHES, node as ts.SwitchStatement);
        break;
      case ObjectLiteralExpression:
        this.run(OBJECTS, node as ts.ObjectLiteralExpression);
        break;
      case MethodDeclaration:
        this.run(METHODS, node as ts.MethodDeclaration);
        break;
      case Identifier:
        // Named constants are upper case: other names cannot be one (codeOfConstant), and most names are not.
        if (mayNameConstant((node as ts.Identifier).text) && !this.covered.has(node)) this.run(REFERENCES, node as ts.Identifier);
        break;
      case PropertyAccessExpression: {
        const name = (node as ts.PropertyAccessExpression).name;
        if (name.kind === Identifier && mayNameConstant(name.text) && !this.covered.has(node)) this.run(REFERENCES, node as ts.PropertyAccessExpression);
        break;
      }
    }
    forEachChild(node, this.visit);
  };

  private run<T>(matches: readonly ((node: T, context: SiteContext) => boolean)[], node: T): void {
    for (const match of matches) if (match(node, this)) return;
  }

  private visitCall(call: ts.CallExpression): void {
    const callee = call.expression;
    if (isIdentifier(callee)) {
      const matches = CALLS.byName.get(callee.text);
      if (matches) this.run(matches, { node: call, name: callee.text, args: call.arguments });
      else if (call.arguments.some(mayHoldCode)) this.helperCall(call, callee);
    } else if (isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      const receiver = unwrap(callee.expression);
      const receiverName = isIdentifier(receiver) ? receiver.text : undefined;
      this.run(matchesOf(MEMBER_CALLS, name), { node: call, name, args: call.arguments, receiver, receiverName });
    }
  }

  /**
   * `json(429, body)`, where the file defines `json` at the top level to return `{ statusCode, body }`. The top level
   * is asked first (one lookup: most calls name no helper); the scopes between only when it holds one, for a shadow.
   */
  private helperCall(call: ts.CallExpression, callee: ts.Identifier): void {
    const helper = this.topLevel.bindingOf(callee.text);
    const fn = functionOf(helper);
    const index = fn && statusParameterOf(fn);
    if (index === undefined || index >= call.arguments.length || bindingOf(callee, NO_TOP_LEVEL) !== undefined) return;
    this.add(this.readCodes(call.arguments[index]), 'response', { id: 'helper.status-argument', detail: callee.text }, { by: 'enclosing' });
  }

  private visitNew(expr: ts.NewExpression): void {
    const callee = expr.expression;
    const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const matches = name === undefined ? undefined : CONSTRUCTIONS.byName.get(name);
    if (matches) this.run(matches, { node: expr, name: name!, args: expr.arguments ?? NO_ARGUMENTS });
  }

  // ---- the context patterns report through ----

  readCode(expr: ts.Expression | undefined, statusPosition = true): Code | undefined {
    return this.codes.readCode(expr, statusPosition);
  }

  readCodes(expr: ts.Expression | undefined): Code[] {
    return this.codes.readCodes(expr);
  }

  statusValue(expr: ts.Expression | undefined, subject?: ts.Expression): void {
    this.answers.statusValue(expr, subject);
  }

  add(codes: Code | readonly Code[] | undefined, role: SiteRole, idiom: Idiom, strategy: MethodStrategy): void {
    if (!codes) return;
    if (!isArray(codes)) {
      this.addOne(codes, role, idiom, strategy);
      return;
    }
    for (const code of codes) this.addOne(code, role, idiom, strategy);
  }

  private addOne(code: Code, role: SiteRole, idiom: Idiom, strategy: MethodStrategy): void {
    const site: Site = {
      start: code.node.getStart(this.sourceFile),
      end: code.node.getEnd(),
      code: code.code,
      form: code.form,
      role,
      idiom,
      method: this.methods.methodBy(strategy, code.answeredAt ?? code.node),
    };
    if (this.covered.has(code.node)) {
      // A constant first seen as a mere reference (`const code = HttpStatus.CREATED`) and answered later
      // (`res.status(code)`) is the answer's site.
      const reference = this.references.get(code.node);
      if (!reference || role === 'reference') return;
      this.references.delete(code.node);
      const index = this.sites.indexOf(reference);
      if (index !== -1) this.sites[index] = site;
      return;
    }
    this.cover(code.node);
    if (role === 'reference') this.references.set(code.node, site);
    this.sites.push(site);
  }

  push(site: Site): void {
    this.sites.push(site);
  }

  isCovered(node: ts.Node): boolean {
    return this.covered.has(node);
  }

  private cover(node: ts.Node): void {
    this.covered.add(node);
    // The name of `constants.HTTP_STATUS_OK` would otherwise read as a second, bare HTTP_STATUS_OK.
    if (isPropertyAccessExpression(node)) this.covered.add(node.name);
  }
}
