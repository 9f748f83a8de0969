/** Fastify: `reply.code(201)` (and `reply.status(201)`, as Express), and the status keys of a route's response schema. */
import ts from 'typescript';
import { CODE_CALL } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { pushResponseKeys } from './responseKeys';
import { methodProperty } from '../syntax';

/** `response` inside `schema` inside route options: the keys are the route's declared status codes. */
function isResponseSchema(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile): boolean {
  const property = object.parent;
  if (!ts.isPropertyAssignment(property) || property.name.getText(sourceFile) !== 'response') return false;
  const schema = property.parent.parent;
  return ts.isPropertyAssignment(schema) && schema.name.getText(sourceFile) === 'schema';
}

export const FASTIFY_PATTERNS: readonly Pattern[] = [
  pattern('member-call', [CODE_CALL], ({ args, receiver }, context) => {
    if (args.length !== 1) return false;
    context.add(context.readCodes(args[0]), 'response', { id: 'fastify.code' }, { by: 'enclosing' });
    context.statusValue(args[0], receiver);
    return true;
  }),
  // schema: { response: { 201: Schema, '400': Schema } } in app.post(path, options, handler) or fastify.route(options)
  pattern('object', undefined, (object, context) => {
    if (!isResponseSchema(object, context.sourceFile)) return false;
    const options = (object.parent.parent.parent as ts.PropertyAssignment).parent;
    const call = options.parent;
    const fromObject = methodProperty(options, context.sourceFile);
    const method = fromObject ? context.methods.routeObjectMethod(fromObject) : ts.isCallExpression(call) ? context.methods.routeMethod(call) : undefined;
    pushResponseKeys(object, context, method, { id: 'fastify.response-schema' });
    // The same object may also hold status properties.
    return false;
  }),
];
