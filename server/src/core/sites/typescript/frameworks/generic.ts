/**
 * Not one framework's: objects with a status property (`{ status: 201 }`, `{ statusCode: 500 }`,
 * `{ errorHttpStatusCode: 422 }`: Lambda results, route tables with `method`, options naming a status), and named
 * constants wherever they stand (`HttpStatus.OK` in a lookup table).
 */
import ts from 'typescript';
import { BOUND_MATCHERS, STATUS_PROPERTY } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { methodProperty } from '../syntax';

const RANGE_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
]);

/** An operand of `<`, `<=`, `>`, `>=`, or the argument of a matcher that tests a bound (`toBeGreaterThanOrEqual`). */
function isRangeBound(node: ts.Expression): boolean {
  let operand: ts.Node = node;
  while (ts.isParenthesizedExpression(operand.parent)) operand = operand.parent;
  const parent = operand.parent;
  if (ts.isBinaryExpression(parent)) return RANGE_OPERATORS.has(parent.operatorToken.kind);
  if (ts.isCallExpression(parent) && parent.arguments.includes(operand as ts.Expression)) {
    const callee = parent.expression;
    return ts.isPropertyAccessExpression(callee) && BOUND_MATCHERS.has(callee.name.text);
  }
  return false;
}

export const GENERIC_PATTERNS: readonly Pattern[] = [
  pattern('object', undefined, (object, context) => {
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property) || !STATUS_PROPERTY.test(property.name.getText(context.sourceFile))) continue;
      const codes = context.readCodes(property.initializer).filter((code) => !context.isCovered(code.node));
      if (codes.length === 0) continue;
      // A route object's own `method` (fastify.route({ method: 'POST', … })), else the handler around it.
      const method = methodProperty(object, context.sourceFile);
      context.add(
        codes,
        'response',
        { id: 'object.status-property', detail: property.name.getText(context.sourceFile) },
        method ? { by: 'known', method: context.methods.routeObjectMethod(method) } : { by: 'enclosing' },
      );
    }
    return true;
  }),
  pattern('reference', undefined, (node, context) => {
    // The bound of a range test (`res.statusCode >= StatusCodes.BAD_REQUEST`) is a class of codes, not one.
    if (isRangeBound(node)) return true;
    const code = context.readCode(node, false);
    if (code?.form.kind === 'constant') context.add(code, 'reference', { id: 'constant.reference' }, { by: 'none' });
    return true;
  }),
];
