/**
 * The operations of an OpenAPI 3.x / Swagger 2.0 document (YAML or JSON, both read by the `yaml` parser): method, full
 * path (the path part of `servers[].url` where every server agrees on it, or Swagger's `basePath`) and every response
 * key with its offset, ranges (`4XX`) and `default` included. The matrix's spec column until the spec linker gives
 * operations linked to routes; then that replaces this.
 */
import { isMap, isScalar, parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import { yamlTooDeep } from '../limits';
import { OPERATION_KEYS } from '../vocabulary';

export interface SpecOperation {
  readonly method: string;
  readonly path: string;
  /** Offset of the operation's method key. */
  readonly at: number;
  readonly responses: readonly { readonly code: string; readonly at: number }[];
}

/** The operations under `paths`; none for a document that is not a spec, too deep or not YAML at all. */
export function specOperations(text: string): SpecOperation[] {
  if (yamlTooDeep(text)) return [];
  const found: SpecOperation[] = [];
  let documents;
  try {
    documents = parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false });
  } catch {
    return [];
  }
  for (const doc of Array.isArray(documents) ? documents : [documents]) {
    const root = doc.contents;
    if (!isMap(root) || (valueOf(root, 'openapi') === undefined && valueOf(root, 'swagger') === undefined)) continue;
    const prefix = basePathOf(root);
    const paths = valueOf(root, 'paths');
    if (!isMap(paths)) continue;
    for (const item of paths.items) {
      if (!isScalar(item.key) || !isMap(item.value)) continue;
      const path = joinPaths(prefix, String(item.key.value));
      for (const operation of item.value.items) {
        const method = isScalar(operation.key) ? String(operation.key.value) : '';
        if (!OPERATION_KEYS.has(method) || !isMap(operation.value) || !isScalar(operation.key)) continue;
        const responses = valueOf(operation.value, 'responses');
        const codes = isMap(responses)
          ? responses.items.flatMap((response) =>
              isScalar(response.key) && response.key.range ? [{ code: String(response.key.value), at: response.key.range[0] }] : [],
            )
          : [];
        found.push({ method: method.toUpperCase(), path, at: operation.key.range?.[0] ?? 0, responses: codes });
      }
    }
  }
  return found;
}

function valueOf(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return (pair?.value as Node | null) ?? undefined;
}

/** Swagger's `basePath`, or the path part of the servers' urls when they all agree; '' otherwise. */
function basePathOf(root: YAMLMap): string {
  const basePath = valueOf(root, 'basePath');
  if (isScalar(basePath)) return String(basePath.value);
  const servers = valueOf(root, 'servers') as { items?: unknown[] } | undefined;
  const paths = new Set<string>();
  for (const server of servers?.items ?? []) {
    const url = isMap(server) ? valueOf(server, 'url') : undefined;
    if (!isScalar(url)) continue;
    // `https://api.example.com/v1`, `/v1`, `{scheme}://host/v1`: the path after the authority.
    const text = String(url.value);
    const match = /^(?:[^:/?#]*:)?\/\/[^/]*(\/[^?#]*)?/.exec(text);
    paths.add(match ? (match[1] ?? '') : text.startsWith('/') ? text.replace(/[?#].*$/, '') : '');
  }
  return paths.size === 1 ? [...paths][0] : '';
}

function joinPaths(prefix: string, path: string): string {
  return `/${[...prefix.split('/'), ...path.split('/')].filter((segment) => segment !== '').join('/')}`;
}
