/**
 * routing-controllers: `@OnUndefined(204)`, `@OnNull(404)` (the code when the handler returns nothing). Its route
 * decorators (`@Post()`) and `@HttpCode(201)` are NestJS's words and are read there; it has no implicit code of its
 * own to judge (nestjs.ts leaves its handlers alone).
 */
import ts from 'typescript';
import { ON_EMPTY_RESULT } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';

export const ROUTING_CONTROLLERS_PATTERNS: readonly Pattern[] = [
  pattern('call', ON_EMPTY_RESULT, ({ node, name, args }, context) => {
    if (!ts.isDecorator(node.parent)) return false;
    context.add(context.readCode(args[0]), 'response', { id: 'routing-controllers.on-empty', detail: name }, { by: 'enclosing' });
    return true;
  }),
];
