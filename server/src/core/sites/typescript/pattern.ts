/**
 * What a framework idiom is to the finder: a small record naming the syntax it looks at (and, for calls, the callee
 * names), with a match function that reads the node and reports sites through the context. The finder visits each
 * node once and hands it only to the patterns registered for its shape and name (see finder.ts).
 */
import type ts from 'typescript';
import type { Idiom } from '../idioms';
import type { CodeForm, Site, SiteMethod, SiteRole } from '../types';
import type { MethodResolver } from './methods';

/** A status code as written: a literal or a known constant, and the node it stands in. */
export interface Code {
  code: number;
  form: CodeForm;
  node: ts.Node;
  /** Where the code is answered, when it is written elsewhere (`const code = 201; … res.status(code)`): the method is read there. */
  answeredAt?: ts.Node;
}

/** How a site learns its method: from the handler around it, the call chain it ends, the response it checks. */
export type MethodStrategy =
  | { by: 'enclosing' }
  | { by: 'chain'; call: ts.CallExpression }
  | { by: 'subject'; expr: ts.Expression }
  | { by: 'known'; method: SiteMethod | undefined }
  | { by: 'none' };

/** What a pattern can do: read codes, resolve methods, report sites. */
export interface SiteContext {
  readonly sourceFile: ts.SourceFile;
  readonly methods: MethodResolver;
  /**
   * The code an expression writes: a three-digit status literal or a named constant from its real source. Outside a
   * status position (`statusPosition` false) only the objects constants libraries go by are read, not any enum.
   */
  readCode(expr: ts.Expression | undefined, statusPosition?: boolean): Code | undefined;
  /**
   * The codes an expression in a status position can answer: its code, each branch of `a ? 201 : 200`, the fallback
   * of `err.status || 500`, the literals a local `const` (or a `let` only ever assigned codes) holds.
   */
  readCodes(expr: ts.Expression | undefined): Code[];
  /**
   * A status the handler answers with: where not every value it can take is a code (`res.status(code)`), an open end.
   * `subject`, the receiver: only a handler's response counts (`job.status(x)` is not one).
   */
  statusValue(expr: ts.Expression | undefined, subject?: ts.Expression): void;
  /** A site at each written code, unless another pattern has already made that code a site. */
  add(codes: Code | readonly Code[] | undefined, role: SiteRole, idiom: Idiom, strategy: MethodStrategy): void;
  /** A site no written code expression stands for (a framework default, an object key). */
  push(site: Site): void;
  isCovered(node: ts.Node): boolean;
}

/** `name(args)`: a call of a plain function or decorator. */
export interface FunctionCall {
  node: ts.CallExpression;
  name: string;
  args: ts.NodeArray<ts.Expression>;
}

/** `receiver.name(args)`, read once for every pattern that looks at it. */
export interface MemberCall {
  node: ts.CallExpression;
  name: string;
  args: ts.NodeArray<ts.Expression>;
  /** The receiver, unwrapped, and its name when it is an identifier. */
  receiver: ts.Expression;
  receiverName: string | undefined;
}

/** `new Name(args)` or `new a.Name(args)`. */
export interface Construction {
  node: ts.NewExpression;
  name: string;
  args: readonly ts.Expression[];
}

/** The shapes a pattern can register for, and what its match function is given. */
export interface Shapes {
  call: FunctionCall;
  'member-call': MemberCall;
  new: Construction;
  binary: ts.BinaryExpression;
  switch: ts.SwitchStatement;
  object: ts.ObjectLiteralExpression;
  method: ts.MethodDeclaration;
  /** An identifier or member access no other site has taken: a named constant, wherever it stands. */
  reference: ts.Identifier | ts.PropertyAccessExpression;
}

export type Shape = keyof Shapes;

/**
 * One idiom. `names` narrows call shapes to callees of those names (looked up, not tested one by one); a member-call
 * pattern without names sees every member call. `match` returns true when the node is its own: later patterns for
 * the same node (the registry's order) do not see it.
 */
export type Pattern = {
  [S in Shape]: { shape: S; names?: readonly string[] | ReadonlySet<string>; match(node: Shapes[S], context: SiteContext): boolean };
}[Shape];

/** A pattern, typed by its shape. */
export function pattern<S extends Shape>(
  shape: S,
  names: readonly string[] | ReadonlySet<string> | undefined,
  match: (node: Shapes[S], context: SiteContext) => boolean,
): Pattern {
  return { shape, names, match } as Pattern;
}
