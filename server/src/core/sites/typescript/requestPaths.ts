/**
 * The path a request names, as written: `request(app).post('/v1/users')`, `fetch(`${base}/v1/users/${id}`)`,
 * `axios({ url: BASE + '/users' })`. A leading base-URL expression is dropped (it names the server, not the route),
 * an absolute URL to this machine keeps its path, a template part stands for one segment (written `{}`), and the query
 * string and hash are cut. Anything else (a variable, a URL to another host, a path built at run time) is unknown:
 * no path, never a guess.
 */
import ts from 'typescript';
import { unwrap } from './syntax';

/** The wildcard a template part leaves in a request path: `/users/${id}` -> `/users/{}`. */
export const PATH_WILDCARD = '{}';

/** The path a request's URL expression names, and the offsets of that expression. */
export interface RequestPath {
  path: string;
  start: number;
  end: number;
}

/** Hosts that are this machine: a test calling them calls the project's own server. */
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?$/i;

/** A URL expression's text parts in order: a literal, or null for a part computed at run time. */
function urlParts(expr: ts.Expression, parts: (string | null)[], depth: number): boolean {
  expr = unwrap(expr);
  if (ts.isParenthesizedExpression(expr)) return urlParts(expr.expression, parts, depth);
  if (ts.isStringLiteralLike(expr)) {
    parts.push(expr.text);
    return true;
  }
  if (ts.isTemplateExpression(expr)) {
    parts.push(expr.head.text);
    for (const span of expr.templateSpans) parts.push(null, span.literal.text);
    return true;
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken && depth < 16) {
    return urlParts(expr.left, parts, depth + 1) && urlParts(expr.right, parts, depth + 1);
  }
  if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr) || ts.isCallExpression(expr)) {
    parts.push(null);
    return true;
  }
  return false;
}

/** The request path an expression names, or undefined where it is not known. */
export function requestPathOf(expr: ts.Expression | undefined, sourceFile: ts.SourceFile): RequestPath | undefined {
  if (!expr) return undefined;
  const parts: (string | null)[] = [];
  if (!urlParts(expr, parts, 0)) return undefined;
  const path = pathFromParts(parts);
  return path === undefined ? undefined : { path, start: unwrap(expr).getStart(sourceFile), end: unwrap(expr).getEnd() };
}

/**
 * The path of a URL written in parts (null: computed): the base dropped, the origin of a local URL dropped, query and
 * hash cut, each computed part inside the path a one-segment wildcard.
 */
export function pathFromParts(input: readonly (string | null)[]): string | undefined {
  // Adjacent literals as one ('http://localhost:3000' + '/x'), empty ones dropped.
  const parts: (string | null)[] = [];
  for (const part of input) {
    if (part === '') continue;
    if (typeof part === 'string' && typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += part;
    else parts.push(part);
  }
  // A base first (`${base}/v1/users`, `BASE + '/users'`, msw's `*/users`): the path is what follows it.
  if (parts[0] === null || (typeof parts[0] === 'string' && parts[0].startsWith('*/'))) {
    if (parts[0] === null) parts.shift();
    else parts[0] = (parts[0] as string).slice(1);
    if (typeof parts[0] !== 'string' || !parts[0].startsWith('/')) return undefined;
  }
  if (typeof parts[0] !== 'string') return undefined;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(parts[0]);
  if (origin) {
    if (!LOCAL_HOST.test(origin[1])) return undefined; // another service's URL, not this project's route
    parts[0] = parts[0].slice(origin[0].length) || '/';
  }
  if (!parts[0].startsWith('/')) return undefined;
  let path = '';
  for (const part of parts) {
    if (part === null) {
      // A computed part counts as one segment only where a segment starts: `/users/${id}`, not `/users${rest}`.
      if (!path.endsWith('/')) return undefined;
      path += PATH_WILDCARD;
      continue;
    }
    const cut = part.search(/[?#]/);
    if (cut >= 0) return path + part.slice(0, cut) || '/';
    path += part;
  }
  return path || '/';
}
