/**
 * koa-swagger-decorator: `@request('put', '/users/{id}')` gives a method its method, and the keys of its
 * `@responses({ 200: …, 400: … })` map (or the class's `@responsesAll({ … })`) are the codes it declares.
 */
import ts from 'typescript';
import { normalizeMethod } from '../../../table/methods';
import { KOA_SWAGGER_REQUEST, KOA_SWAGGER_RESPONSES } from '../../../vocabulary';
import type { SiteMethod } from '../../types';
import { pattern, type Pattern } from '../pattern';
import { pushResponseKeys } from './responseKeys';
import { decoratorName, decoratorsOf, stringValue, unwrap } from '../syntax';

/** `@request('put', '/users/{id}') update()` -> PUT. */
export function koaSwaggerMethod(method: ts.MethodDeclaration, sourceFile: ts.SourceFile): SiteMethod | undefined {
  for (const decorator of decoratorsOf(method)) {
    if (decoratorName(decorator) !== KOA_SWAGGER_REQUEST) continue;
    const [first, path] = (decorator.expression as ts.CallExpression).arguments;
    const name = normalizeMethod(stringValue(first) ?? '');
    if (name && stringValue(path) !== undefined) return { name, source: 'decorator', at: first.getStart(sourceFile) };
  }
  return undefined;
}

export const KOA_SWAGGER_PATTERNS: readonly Pattern[] = [
  pattern('call', KOA_SWAGGER_RESPONSES, ({ node, name, args }, context) => {
    const map = args[0] && unwrap(args[0]);
    if (!ts.isDecorator(node.parent) || !map || !ts.isObjectLiteralExpression(map)) return false;
    // @responses on a method: its @request's method; @responsesAll on the class: every method's, so none.
    const method = context.methods.enclosingMethod(node);
    pushResponseKeys(map, context, method, { id: 'koa-swagger.responses', detail: name });
    return true;
  }),
];
