/** Reading "which method is this the normal answer of" out of a documented meaning. */

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT'] as const;

// Upper case only: in English prose "get" or "put" are ordinary verbs, while docs name methods in capitals.
// \b works beside CJK text too, since CJK characters are not \w.
const METHOD_PATTERN = new RegExp(`\\b(${HTTP_METHODS.join('|')})\\b`, 'g');

/**
 * The HTTP methods a meaning text names, in order, without repeats.
 * "GET和PUT操作正常返回。" -> ["GET", "PUT"]; "Normal answer of a POST." -> ["POST"].
 */
export function methodsNamedIn(meaning: string): string[] {
  const found = new Set<string>();
  for (const match of meaning.matchAll(METHOD_PATTERN)) found.add(match[1]);
  return [...found];
}

/** "post" | "Post" | "POST" -> "POST"; anything else -> undefined. */
export function normalizeMethod(name: string): string | undefined {
  const upper = name.toUpperCase();
  return (HTTP_METHODS as readonly string[]).includes(upper) ? upper : undefined;
}
