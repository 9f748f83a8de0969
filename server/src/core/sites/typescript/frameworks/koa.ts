/** Koa: `ctx.status = 201`, `ctx.throw(404)`, `ctx.assert(condition, 422)`, koa-router's `router.redirect(from, to, 308)`. */
import ts from 'typescript';
import { ASSERT, ASSERT_RECEIVERS, REDIRECT, THROW } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { unwrap } from '../syntax';

export const KOA_PATTERNS: readonly Pattern[] = [
  pattern('binary', undefined, (expr, context) => {
    if (expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    const left = unwrap(expr.left);
    if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'status') return false;
    context.add(context.readCodes(expr.right), 'response', { id: 'koa.status-assignment' }, { by: 'enclosing' });
    return true;
  }),
  // koa-router: router.redirect('/old', '/new', 308). It answers every method, so none is in force.
  pattern('member-call', [REDIRECT], ({ args }, context) => {
    if (args.length !== 3) return false;
    context.add(context.readCodes(args[2]), 'response', { id: 'koa-router.redirect' }, { by: 'none' });
    return true;
  }),
  pattern('member-call', [THROW], ({ args, receiver }, context) => {
    context.add(context.readCodes(args[0]), 'response', { id: 'koa.throw' }, { by: 'enclosing' });
    context.statusValue(args[0], receiver);
    return true;
  }),
  pattern('member-call', [ASSERT], ({ args, receiver, receiverName }, context) => {
    const who = receiver.kind === ts.SyntaxKind.ThisKeyword ? 'this' : receiverName;
    if (args.length < 2 || who === undefined || !ASSERT_RECEIVERS.includes(who)) return false;
    context.add(context.readCodes(args[1]), 'response', { id: 'koa.assert' }, { by: 'enclosing' });
    context.statusValue(args[1], receiver);
    return true;
  }),
];
