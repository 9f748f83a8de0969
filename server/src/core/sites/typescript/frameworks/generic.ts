/**
 * Not one framework's: objects with a status property (`{ status: 201 }`, `{ statusCode: 500 }`,
 * `{ errorHttpStatusCode: 422 }`: Lambda results, route tables with `method`, options naming a status), and named
 * constants wherever they stand (`HttpStatus.OK` in a lookup table).
 */
import ts from 'typescript';
import { STATUS_PROPERTY } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { methodProperty } from '../syntax';

export const GENERIC_PATTERNS: readonly Pattern[] = [
  pattern('object', undefined, (object, context) => {
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property) || !STATUS_PROPERTY.test(property.name.getText(context.sourceFile))) continue;
      const code = context.readCode(property.initializer);
      if (!code || context.isCovered(code.node)) continue;
      // A route object's own `method` (fastify.route({ method: 'POST', … })), else the handler around it.
      const method = methodProperty(object, context.sourceFile);
      context.add(
        code,
        'response',
        { id: 'object.status-property', detail: property.name.getText(context.sourceFile) },
        method ? { by: 'known', method: context.methods.routeObjectMethod(method) } : { by: 'enclosing' },
      );
    }
    return true;
  }),
  pattern('reference', undefined, (node, context) => {
    const code = context.readCode(node);
    if (code?.form.kind === 'constant') context.add(code, 'reference', { id: 'constant.reference' }, { by: 'none' });
    return true;
  }),
];
