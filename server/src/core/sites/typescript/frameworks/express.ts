/**
 * Express and node:http: `res.status(201)`, `res.sendStatus(204)`, `res.redirect(301, url)`, `res.writeHead(200)`,
 * `res.statusCode = 404`, and http-errors' `createError(404)` (Koa uses it too). Route registrations
 * (`app.post('/x', handler)`) give the method (methods.ts).
 */
import ts from 'typescript';
import { ERROR_FACTORIES, REDIRECT, SEND_STATUS, STATUS_CALL, WRITE_HEAD } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { unwrap } from '../syntax';

export const EXPRESS_PATTERNS: readonly Pattern[] = [
  pattern('member-call', [STATUS_CALL], ({ args, receiver }, context) => {
    if (args.length !== 1) return false;
    context.add(context.readCodes(args[0]), 'response', { id: 'express.status' }, { by: 'enclosing' });
    context.statusValue(args[0], receiver);
    return true;
  }),
  pattern('member-call', [SEND_STATUS], ({ args, receiver }, context) => {
    if (args.length !== 1) return false;
    context.add(context.readCodes(args[0]), 'response', { id: 'express.send-status' }, { by: 'enclosing' });
    context.statusValue(args[0], receiver);
    return true;
  }),
  // res.redirect(301, url); Hono's c.redirect(url, 302) has it second.
  pattern('member-call', [REDIRECT], ({ args }, context) => {
    if (args.length !== 2) return false;
    const first = context.readCodes(args[0]);
    context.add(first.length > 0 ? first : context.readCodes(args[1]), 'response', { id: 'express.redirect' }, { by: 'enclosing' });
    return true;
  }),
  pattern('member-call', [WRITE_HEAD], ({ args, receiver }, context) => {
    context.add(context.readCodes(args[0]), 'response', { id: 'node.write-head' }, { by: 'enclosing' });
    context.statusValue(args[0], receiver);
    return true;
  }),
  pattern('binary', undefined, (expr, context) => {
    if (expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    const left = unwrap(expr.left);
    if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'statusCode') return false;
    context.add(context.readCodes(expr.right), 'response', { id: 'node.status-code-assignment' }, { by: 'enclosing' });
    return true;
  }),
  pattern('call', ERROR_FACTORIES, ({ name, args }, context) => {
    context.add(context.readCodes(args[0]), 'response', { id: 'http-errors.create', detail: name }, { by: 'enclosing' });
    context.statusValue(args[0]);
    return true;
  }),
];
