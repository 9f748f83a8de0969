/**
 * Methods learnt from a test of the request's method, where no route says it: Next.js pages-router API routes and
 * plain Node/Vercel/Lambda handlers branch on it (`if (req.method === 'POST')`, `switch (event.httpMethod)`,
 * `if (req.method !== 'POST') return res.status(405)`), Playwright's `route.request().method() === 'POST'`.
 */
import ts from 'typescript';
import { normalizeMethod } from '../../table/methods';
import { METHOD_MEMBERS } from '../../vocabulary';
import { stringValue, unwrap } from './syntax';

/** The methods a condition tests: `negated` when it holds for every method but these (`req.method !== 'POST'`). */
export interface MethodTest {
  names: string[];
  /** Where the first method is written. */
  at: ts.Node;
  negated: boolean;
}

/** `req.method`, `event.httpMethod`, `event.requestContext.http.method`, `route.request().method()`, a bare `method`, and their `.toUpperCase()`. */
export function isMethodExpression(expr: ts.Expression): boolean {
  expr = unwrap(expr);
  if (ts.isCallExpression(expr) && expr.arguments.length === 0 && ts.isPropertyAccessExpression(expr.expression)) {
    const name = expr.expression.name.text;
    if (name === 'toUpperCase' || name === 'toLowerCase') return isMethodExpression(expr.expression.expression);
    return METHOD_MEMBERS.has(name);
  }
  if (ts.isPropertyAccessExpression(expr)) return METHOD_MEMBERS.has(expr.name.text);
  return ts.isIdentifier(expr) && METHOD_MEMBERS.has(expr.text);
}

/** A string literal that names an HTTP method, and the method. */
function methodLiteral(expr: ts.Expression): { name: string; node: ts.Node } | undefined {
  const name = normalizeMethod(stringValue(expr) ?? '');
  return name ? { name, node: unwrap(expr) } : undefined;
}

const EQUALS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken]);
const NOT_EQUALS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** What a condition says of the method, when it says anything: `===`, `!==`, `||`, `&&`, `!`, `['PUT', 'PATCH'].includes(req.method)`. */
export function methodTest(condition: ts.Expression): MethodTest | undefined {
  const expr = unwrap(condition);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = methodTest(expr.operand);
    return inner && { ...inner, negated: !inner.negated };
  }
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'includes') {
    const list = unwrap(expr.expression.expression);
    if (!ts.isArrayLiteralExpression(list) || !expr.arguments[0] || !isMethodExpression(expr.arguments[0])) return undefined;
    const methods = list.elements.map(methodLiteral);
    if (methods.length === 0 || methods.some((m) => !m)) return undefined;
    return { names: methods.map((m) => m!.name), at: methods[0]!.node, negated: false };
  }
  if (!ts.isBinaryExpression(expr)) return undefined;
  const operator = expr.operatorToken.kind;
  if (EQUALS.has(operator) || NOT_EQUALS.has(operator)) {
    const literal = isMethodExpression(expr.left) ? methodLiteral(expr.right) : isMethodExpression(expr.right) ? methodLiteral(expr.left) : undefined;
    return literal && { names: [literal.name], at: literal.node, negated: NOT_EQUALS.has(operator) };
  }
  const left = methodTest(expr.left);
  const right = methodTest(expr.right);
  if (operator === ts.SyntaxKind.BarBarToken) {
    // GET || HEAD: either; neither-nor is not written this way.
    return left && right && !left.negated && !right.negated ? union(left, right, false) : undefined;
  }
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
    // `req.method === 'POST' && body`: POST; `m !== 'GET' && m !== 'HEAD'`: neither.
    if (left && right) return left.negated && right.negated ? union(left, right, true) : !left.negated ? left : !right.negated ? right : undefined;
    return left && !left.negated ? left : right && !right.negated ? right : undefined;
  }
  return undefined;
}

function union(a: MethodTest, b: MethodTest, negated: boolean): MethodTest {
  return { names: [...new Set([...a.names, ...b.names])], at: a.at, negated };
}

/** Whether a statement never lets control reach the next one: `return …`, `throw …`, or a block ending in one. */
export function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** The methods of a `switch (req.method)` clause: its own and those of the empty clauses that fall into it; undefined for `default`. */
export function caseMethods(clause: ts.CaseOrDefaultClause): MethodTest | undefined {
  const clauses = clause.parent.clauses;
  const names: string[] = [];
  let at: ts.Node | undefined;
  for (let index = clauses.indexOf(clause); index >= 0; index--) {
    const current = clauses[index];
    if (index !== clauses.indexOf(clause) && current.statements.length > 0) break;
    if (!ts.isCaseClause(current)) return undefined;
    const literal = methodLiteral(current.expression);
    if (!literal) return undefined;
    names.unshift(literal.name);
    at = literal.node;
  }
  return at ? { names: [...new Set(names)], at, negated: false } : undefined;
}
