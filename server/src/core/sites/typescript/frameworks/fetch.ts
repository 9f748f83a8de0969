/**
 * Fetch-style responses: `new Response(body, { status: 201 })`, `Response.json(x, { status })`,
 * `Response.redirect(url, 301)`, Next.js `NextResponse.json(...)`, and msw's `HttpResponse.json(...)` (a mock).
 * Next.js route exports (`export async function POST`) give the method (methods.ts).
 */
import ts from 'typescript';
import { MOCK_RESPONSE_CLASS, REDIRECT, RESPONSE_CLASSES, ROUTE_DECORATORS } from '../../../vocabulary';
import type { Idiom } from '../../idioms';
import type { SiteRole } from '../../types';
import { pattern, type Pattern, type SiteContext } from '../pattern';
import { unwrap } from '../syntax';

/** Next.js route-handler export names: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS. */
export function isRouteExportName(name: string): boolean {
  return name === name.toUpperCase() && ROUTE_DECORATORS.has(name[0] + name.slice(1).toLowerCase());
}

const roleOf = (responseClass: string): SiteRole => (responseClass === MOCK_RESPONSE_CLASS ? 'mock' : 'response');

/** The init object of a response: `{ status: 201 }`. */
function readInit(init: ts.Expression | undefined, role: SiteRole, idiom: Idiom, context: SiteContext): void {
  if (!init || !ts.isObjectLiteralExpression(unwrap(init))) return;
  for (const property of (unwrap(init) as ts.ObjectLiteralExpression).properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText(context.sourceFile) === 'status') {
      context.add(context.readCodes(property.initializer), role, idiom, { by: 'enclosing' });
    }
  }
}

export const FETCH_PATTERNS: readonly Pattern[] = [
  // Any static method of the classes: Response.json(x, init), NextResponse.redirect(url, 301), HttpResponse.text(x, init).
  pattern('member-call', undefined, ({ name, args, receiverName }, context) => {
    if (receiverName === undefined || !RESPONSE_CLASSES.has(receiverName)) return false;
    const role = roleOf(receiverName);
    if (name === REDIRECT) context.add(context.readCodes(args[1]), role, { id: 'fetch.redirect', detail: receiverName }, { by: 'enclosing' });
    else readInit(args[1], role, { id: 'fetch.response-init', detail: `${receiverName}.${name}` }, context);
    return true;
  }),
  pattern('new', RESPONSE_CLASSES, ({ name, args }, context) => {
    readInit(args[1], roleOf(name), { id: 'fetch.new-response', detail: name }, context);
    return true;
  }),
];
