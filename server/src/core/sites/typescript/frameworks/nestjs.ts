/**
 * NestJS: `@HttpCode(204)`, `@Redirect(url, 301)`, `new HttpException(body, 403)`, and the code a handler answers
 * when it writes none (201 for @Post(), 200 for the rest). Route decorators (@Post()) give the method (methods.ts).
 */
import ts from 'typescript';
import { NEST_EXCEPTION, NEST_HTTP_CODE, NEST_MODULE, NEST_REDIRECT, NEST_RESPONSE_PARAMETERS, ROUTE_DECORATORS } from '../../../vocabulary';
import type { SiteMethod } from '../../types';
import { pattern, type Pattern } from '../pattern';
import { decoratorName, decoratorsOf } from '../syntax';

/** The method of a handler decorated with a route decorator: `@Post() create()` -> POST. */
export function nestRouteMethod(method: ts.MethodDeclaration, sourceFile: ts.SourceFile): SiteMethod | undefined {
  for (const decorator of decoratorsOf(method)) {
    const name = decoratorName(decorator);
    if (name && ROUTE_DECORATORS.has(name)) return { name: name.toUpperCase(), source: 'decorator', at: decorator.getStart(sourceFile) };
  }
  return undefined;
}

export const NESTJS_PATTERNS: readonly Pattern[] = [
  pattern('call', [NEST_HTTP_CODE], ({ args }, context) => {
    context.add(context.readCodes(args[0]), 'response', { id: 'nestjs.http-code' }, { by: 'enclosing' });
    return true;
  }),
  pattern('call', [NEST_REDIRECT], ({ args }, context) => {
    context.add(context.readCodes(args[1]), 'response', { id: 'nestjs.redirect' }, { by: 'enclosing' });
    return true;
  }),
  pattern('new', [NEST_EXCEPTION], ({ args }, context) => {
    context.add(context.readCodes(args[1]), 'response', { id: 'nestjs.http-exception' }, { by: 'enclosing' });
    context.statusValue(args[1]);
    return true;
  }),
  /**
   * A handler with no @HttpCode answers with the framework's default. That unwritten code is a site too (on the
   * route decorator), unless the handler takes the response itself.
   */
  pattern('method', undefined, (method, context) => {
    const decorators = decoratorsOf(method);
    const route = decorators.find((decorator) => ROUTE_DECORATORS.has(decoratorName(decorator) ?? ''));
    if (!route) return false;
    // routing-controllers and tsoa write the same route decorators with defaults of their own.
    const from = context.methods.importedFrom(decoratorName(route)!);
    if (from !== undefined && from !== NEST_MODULE) return true;
    if (decorators.some((decorator) => decoratorName(decorator) === NEST_HTTP_CODE || decoratorName(decorator) === NEST_REDIRECT)) return true;
    // @Res({ passthrough: true }) leaves the status to Nest, so its default still applies.
    const takesResponse = method.parameters.some((parameter) =>
      decoratorsOf(parameter).some(
        (decorator) => NEST_RESPONSE_PARAMETERS.has(decoratorName(decorator) ?? '') && !/passthrough\s*:\s*true/.test(decorator.getText(context.sourceFile)),
      ),
    );
    if (takesResponse) return true;
    const name = decoratorName(route)!;
    const start = route.getStart(context.sourceFile);
    context.push({
      start,
      end: route.getEnd(),
      code: name === 'Post' ? 201 : 200,
      form: { kind: 'implicit', framework: 'nestjs' },
      role: 'response',
      idiom: { id: 'nestjs.default-code', detail: name },
      method: { name: name.toUpperCase(), source: 'decorator', at: start },
    });
    return true;
  }),
];
