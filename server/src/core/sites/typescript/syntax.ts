/** Small readers of the TypeScript syntax tree that every pattern shares. */
import ts from 'typescript';
import { normalizeMethod } from '../../table/methods';
import { STATUS_MEMBERS } from '../../vocabulary';

// Read once: every `ts.X` is a getter on the compiler's exports, and unwrap runs at most nodes the patterns read.
const { ParenthesizedExpression, AsExpression, SatisfiesExpression, NonNullExpression, TypeAssertionExpression, AwaitExpression } = ts.SyntaxKind;

type Wrapper = ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.NonNullExpression | ts.TypeAssertion | ts.AwaitExpression;

/** The expression under parentheses, `as`, `satisfies`, `!`, `<T>` and `await`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  for (;;) {
    switch (expr.kind) {
      case ParenthesizedExpression:
      case AsExpression:
      case SatisfiesExpression:
      case NonNullExpression:
      case TypeAssertionExpression:
      case AwaitExpression:
        expr = (expr as Wrapper).expression;
        break;
      default:
        return expr;
    }
  }
}

export function stringValue(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  expr = unwrap(expr);
  return ts.isStringLiteralLike(expr) ? expr.text : undefined;
}

/** `f` of `f(x)`, `name` of `a.b.name(x)` and `new a.name(x)`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The name of a decorator written as a call: `@Post()` -> 'Post'. */
export function decoratorName(decorator: ts.Decorator): string | undefined {
  const call = decorator.expression;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? call.expression.text : undefined;
}

export function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
}

/** `res.status`, `response.statusCode`, Playwright's `res.status()`, or a destructured `status`. */
export function isStatusMember(expr: ts.Expression): boolean {
  expr = unwrap(expr);
  if (ts.isPropertyAccessExpression(expr)) return STATUS_MEMBERS.has(expr.name.text);
  if (isStatusCall(expr)) return true;
  return ts.isIdentifier(expr) && STATUS_MEMBERS.has(expr.text);
}

/** `res.status()`: a status read by a call (Playwright's APIResponse). */
export function isStatusCall(expr: ts.Expression): expr is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  return (
    ts.isCallExpression(expr) && expr.arguments.length === 0 && ts.isPropertyAccessExpression(expr.expression) && STATUS_MEMBERS.has(expr.expression.name.text)
  );
}

/** The `method` property of an object literal: 'POST', or ['POST'] with one entry. */
export function methodProperty(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile): { name: string; node: ts.Node } | undefined {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || property.name.getText(sourceFile) !== 'method') continue;
    let value = unwrap(property.initializer);
    if (ts.isArrayLiteralExpression(value) && value.elements.length === 1) value = value.elements[0];
    const name = normalizeMethod(stringValue(value) ?? '');
    return name ? { name, node: value } : undefined;
  }
  return undefined;
}

/** `export function f`, `export const f = …`. */
export function isExported(node: ts.Node): boolean {
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return ts.canHaveModifiers(holder) && (ts.getModifiers(holder) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** What a function returns: its expression body, or the expressions of its own `return`s (not those of nested functions). */
export function returnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) {
      if (node.expression) found.push(node.expression);
    } else if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) {
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(body, visit);
  return found;
}

/** An arrow function or function expression, unwrapped. */
export function functionExpression(expr: ts.Expression | undefined): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const node = expr && unwrap(expr);
  return node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) ? node : undefined;
}
