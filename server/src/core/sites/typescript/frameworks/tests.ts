/**
 * Tests and clients: supertest `.expect(201)`, nock `.reply(201)` and `.reply(() => [201, body])`, chai `expect(res).to.have.status(201)`,
 * jest/chai/should matchers on a status, node:assert / ava / tap assertions, and comparisons and switches on a
 * status. The method comes from the request chain or from the request the checked response came from (methods.ts).
 */
import ts from 'typescript';
import { ASSERTIONS, CHAI_STATUS, EXPECT, MATCHERS, REPLY, SHOULD } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { functionExpression, isStatusMember, returnedExpressions, unwrap } from '../syntax';

/** The `x` of an `expect(x)...` chain that ends in the receiver, or the status member a `.should` chain starts from. */
function expectSubject(receiver: ts.Expression): ts.Expression | undefined {
  let expr = receiver;
  for (;;) {
    expr = unwrap(expr);
    if (ts.isCallExpression(expr)) {
      if (ts.isIdentifier(expr.expression) && expr.expression.text === EXPECT) return expr.arguments[0];
      expr = expr.expression;
    } else if (ts.isPropertyAccessExpression(expr)) {
      if (expr.name.text === SHOULD && isStatusMember(expr.expression)) return expr.expression;
      expr = expr.expression;
    } else {
      return undefined;
    }
  }
}

/** The `[status, body]` arrays a reply callback returns: the array, or each branch of `a ? [429] : [200, body]`. */
function replyArrays(returned: ts.Expression): ts.ArrayLiteralExpression[] {
  const expr = unwrap(returned);
  if (ts.isArrayLiteralExpression(expr)) return [expr];
  return ts.isConditionalExpression(expr) ? [...replyArrays(expr.whenTrue), ...replyArrays(expr.whenFalse)] : [];
}

const COMPARISONS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

export const TEST_PATTERNS: readonly Pattern[] = [
  // chai `expect(res).to.have.status(201)`, jest `expect(res.status).toBe(201)`, `res.status.should.equal(201)`.
  // Before Express's `.status()` and the assertions, which share names with it.
  pattern('member-call', [CHAI_STATUS, ...MATCHERS], ({ name, args, receiver }, context) => {
    const subject = expectSubject(receiver);
    if (!subject) return false;
    if (name === CHAI_STATUS) {
      context.add(context.readCodes(args[0]), 'expectation', { id: 'chai.status' }, { by: 'subject', expr: subject });
    } else if (isStatusMember(subject)) {
      context.add(context.readCodes(args[0]), 'expectation', { id: 'test.matcher', detail: name }, { by: 'subject', expr: unwrap(subject) });
    }
    return true;
  }),
  pattern('member-call', [EXPECT], ({ node, args }, context) => {
    if (args.length < 1) return false;
    context.add(context.readCodes(args[0]), 'expectation', { id: 'supertest.expect' }, { by: 'chain', call: node });
    return true;
  }),
  pattern('member-call', [REPLY], ({ node, args }, context) => {
    if (args.length < 1) return false;
    const callback = functionExpression(args[0]);
    if (callback) {
      // .reply((uri, body) => [201, body]): the status is the first element of the array it returns.
      for (const array of returnedExpressions(callback).flatMap(replyArrays)) {
        context.add(context.readCodes(array.elements[0]), 'mock', { id: 'nock.reply-callback' }, { by: 'chain', call: node });
      }
      return true;
    }
    context.add(context.readCodes(args[0]), 'mock', { id: 'nock.reply' }, { by: 'chain', call: node });
    return true;
  }),
  // assert.equal(res.status, 201), t.is(201, res.status)
  pattern('member-call', ASSERTIONS, ({ name, args }, context) => {
    if (args.length < 2) return false;
    const [a, b] = args;
    const idiom = { id: 'test.assertion', detail: name } as const;
    if (isStatusMember(a)) context.add(context.readCodes(b), 'expectation', idiom, { by: 'subject', expr: unwrap(a) });
    else if (isStatusMember(b)) context.add(context.readCodes(a), 'expectation', idiom, { by: 'subject', expr: unwrap(b) });
    return true;
  }),
  pattern('binary', undefined, (expr, context) => {
    if (!COMPARISONS.has(expr.operatorToken.kind)) return false;
    const idiom = { id: 'test.comparison' } as const;
    if (isStatusMember(expr.left)) context.add(context.readCodes(expr.right), 'expectation', idiom, { by: 'subject', expr: unwrap(expr.left) });
    else if (isStatusMember(expr.right)) context.add(context.readCodes(expr.left), 'expectation', idiom, { by: 'subject', expr: unwrap(expr.right) });
    return true;
  }),
  pattern('switch', undefined, (statement, context) => {
    if (!isStatusMember(statement.expression)) return false;
    const subject = unwrap(statement.expression);
    for (const clause of statement.caseBlock.clauses) {
      if (ts.isCaseClause(clause)) context.add(context.readCodes(clause.expression), 'expectation', { id: 'test.switch' }, { by: 'subject', expr: subject });
    }
    return true;
  }),
];
