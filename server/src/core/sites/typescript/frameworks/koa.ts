/** Koa: `ctx.status = 201`, `ctx.throw(404)`, `ctx.assert(condition, 422)`. */
import ts from 'typescript';
import { ASSERT, ASSERT_RECEIVERS, THROW } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { unwrap } from '../syntax';

export const KOA_PATTERNS: readonly Pattern[] = [
  pattern('binary', undefined, (expr, context) => {
    if (expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    const left = unwrap(expr.left);
    if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'status') return false;
    context.add(context.readCode(expr.right), 'response', { id: 'koa.status-assignment' }, { by: 'enclosing' });
    return true;
  }),
  pattern('member-call', [THROW], ({ args }, context) => {
    context.add(context.readCode(args[0]), 'response', { id: 'koa.throw' }, { by: 'enclosing' });
    return true;
  }),
  pattern('member-call', [ASSERT], ({ args, receiver, receiverName }, context) => {
    const who = receiver.kind === ts.SyntaxKind.ThisKeyword ? 'this' : receiverName;
    if (args.length < 2 || who === undefined || !ASSERT_RECEIVERS.includes(who)) return false;
    context.add(context.readCode(args[1]), 'response', { id: 'koa.assert' }, { by: 'enclosing' });
    return true;
  }),
];
