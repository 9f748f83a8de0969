/**
 * tsoa: `@SuccessResponse('201', 'Created')` (the code the handler answers), `@Response<E>(404, 'Not found')` (a
 * declared response, as in an API description), `this.setStatus(201)`. Codes may be written as strings; the site
 * covers the quotes, so a fix keeps them.
 */
import ts from 'typescript';
import { isStatusCodeNumber } from '../../../httpStatus';
import { TSOA_RESPONSE, TSOA_SET_STATUS, TSOA_SUCCESS_RESPONSE } from '../../../vocabulary';
import type { Code, SiteContext } from '../pattern';
import { pattern, type Pattern } from '../pattern';
import { unwrap } from '../syntax';

/** A code as tsoa takes it: a number, a constant, or a three-digit string. */
function readTsoaCode(expr: ts.Expression | undefined, context: SiteContext): Code | undefined {
  const node = expr && unwrap(expr);
  if (node && ts.isStringLiteral(node) && /^\d{3}$/.test(node.text) && isStatusCodeNumber(Number(node.text))) {
    return { code: Number(node.text), form: { kind: 'literal' }, node };
  }
  return context.readCode(expr);
}

export const TSOA_PATTERNS: readonly Pattern[] = [
  pattern('call', [TSOA_SUCCESS_RESPONSE], ({ node, args }, context) => {
    if (!ts.isDecorator(node.parent)) return false;
    context.add(readTsoaCode(args[0], context), 'response', { id: 'tsoa.success-response' }, { by: 'enclosing' });
    return true;
  }),
  pattern('call', [TSOA_RESPONSE], ({ node, args }, context) => {
    // NestJS's @Response() parameter decorator takes no code.
    if (!ts.isDecorator(node.parent) || args.length === 0) return false;
    context.add(readTsoaCode(args[0], context), 'spec', { id: 'tsoa.response' }, { by: 'enclosing' });
    return true;
  }),
  pattern('member-call', [TSOA_SET_STATUS], ({ args, receiver }, context) => {
    if (receiver.kind !== ts.SyntaxKind.ThisKeyword || args.length !== 1) return false;
    context.add(readTsoaCode(args[0], context), 'response', { id: 'tsoa.set-status' }, { by: 'enclosing' });
    return true;
  }),
];
