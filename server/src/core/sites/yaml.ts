/**
 * Finds status-code sites in YAML with the `yaml` package: the `responses` keys of OpenAPI 3 / Swagger 2
 * operations, and status keys in mappings that also name a `method` (API test suites such as Tavern's stages) in
 * documents that are not OpenAPI, Swagger or AsyncAPI specs. Broken YAML yields the sites of what did parse.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { isStatusCodeNumber } from '../httpStatus';
import { yamlTooDeep } from '../limits';
import { normalizeMethod } from '../table/methods';
import { METHOD_KEYS, OPERATION_KEYS, STATUS_KEYS } from '../vocabulary';
import type { Site, SiteMethod } from './types';

export { METHOD_KEYS, OPERATION_KEYS, STATUS_KEYS };

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function valueOf(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((item) => keyText(item) === key);
  return (pair?.value as Node | null) ?? undefined;
}

/** A scalar holding a status code, written 201 or '201'. */
function codeOf(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  // The source text, not the value: 0x1F4, 0o764, 2.01e2 and 201.0 all resolve to status-like numbers.
  return statusCodeOfSource(node.source ?? String(node.value));
}

/** The status code a scalar's source text (quotes removed, escapes resolved) holds, if it holds one. */
export function statusCodeOfSource(text: string): number | undefined {
  if (!/^\d{3}$/.test(text)) return undefined;
  const code = Number(text);
  return isStatusCodeNumber(code) ? code : undefined;
}

type YamlQuote = '' | "'" | '"';

/** The site of an OpenAPI `responses` key. Both YAML finders build their sites here. */
export function specResponseSite(start: number, end: number, code: number, quote: YamlQuote, method: SiteMethod): Site {
  return { start, end, code, form: { kind: 'yaml', quote }, role: 'spec', idiom: { id: 'openapi.responses' }, method };
}

/** The site of a status value (`status_code: 201`) in a mapping that has a method near. */
export function statusValueSite(start: number, end: number, code: number, quote: YamlQuote, key: string, method: SiteMethod): Site {
  return { start, end, code, form: { kind: 'yaml', quote }, role: 'expectation', idiom: { id: 'yaml.status-key', detail: key }, method };
}

function quoteOf(scalar: Scalar): '' | "'" | '"' {
  return scalar.type === 'QUOTE_SINGLE' ? "'" : scalar.type === 'QUOTE_DOUBLE' ? '"' : '';
}

export function findYamlSites(text: string): Site[] {
  const sites: Site[] = [];
  if (yamlTooDeep(text)) return sites;
  for (const doc of parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false })) {
    const root = doc.contents;
    if (!isMap(root)) {
      if (root) findMethodMappings(root as Node, undefined, sites);
      continue;
    }
    const openApi = valueOf(root, 'openapi') !== undefined || valueOf(root, 'swagger') !== undefined;
    if (openApi) findOpenApi(root, sites);
    // A spec's `status:` beside a `method:` is data (an example, a schema's properties, an x- extension), not a test.
    if (!openApi && valueOf(root, 'asyncapi') === undefined) findMethodMappings(root, undefined, sites);
  }
  return sites.sort((a, b) => a.start - b.start);
}

/**
 * Every operation where it is written: `paths`, `webhooks`, `components.pathItems` and `components.callbacks` (and the
 * callbacks of their operations). A path item reached by `$ref` or an alias is judged once, where it is written.
 */
function findOpenApi(root: YAMLMap, sites: Site[]): void {
  for (const section of ['paths', 'webhooks']) {
    const paths = valueOf(root, section);
    if (isMap(paths)) findPathItems(paths, sites, 0);
  }
  const components = valueOf(root, 'components');
  if (!isMap(components)) return;
  const pathItems = valueOf(components, 'pathItems');
  if (isMap(pathItems)) findPathItems(pathItems, sites, 0);
  const callbacks = valueOf(components, 'callbacks');
  // A callback kept in components is read as if an operation of `paths` had it.
  if (isMap(callbacks)) for (const callback of callbacks.items) if (isMap(callback.value)) findPathItems(callback.value, sites, 1);
}

/** Path items (`/orders: { post: … }`), and the path items of their operations' callbacks, a few levels deep. */
function findPathItems(paths: YAMLMap, sites: Site[], depth: number): void {
  for (const pathItem of paths.items) {
    if (!isMap(pathItem.value)) continue;
    for (const operation of pathItem.value.items) {
      const key = keyText(operation);
      if (!key || !OPERATION_KEYS.has(key) || !isMap(operation.value) || !isScalar(operation.key)) continue;
      const method: SiteMethod = { name: key.toUpperCase(), source: 'openapi', at: operation.key.range?.[0] ?? 0 };
      const responses = valueOf(operation.value, 'responses');
      if (isMap(responses)) findResponses(responses, method, sites);
      const callbacks = valueOf(operation.value, 'callbacks');
      if (isMap(callbacks) && depth < 3) {
        for (const callback of callbacks.items) if (isMap(callback.value)) findPathItems(callback.value, sites, depth + 1);
      }
    }
  }
}

function findResponses(responses: YAMLMap, method: SiteMethod, sites: Site[]): void {
  for (const response of responses.items) {
    const code = codeOf(response.key);
    if (code === undefined || !isScalar(response.key) || !response.key.range) continue;
    sites.push(specResponseSite(response.key.range[0], response.key.range[1], code, quoteOf(response.key), method));
  }
}

/**
 * The method a mapping names itself, or its parent names (Step CI: http.method above http.check.status),
 * or one of its sibling mappings names (Tavern: request.method beside response.status_code).
 */
function methodNear(map: YAMLMap, parent: YAMLMap | undefined): SiteMethod | undefined {
  const own = methodIn(map) ?? (parent && methodIn(parent));
  if (own || !parent) return own;
  for (const sibling of parent.items) {
    if (sibling.value !== map && isMap(sibling.value)) {
      const found = methodIn(sibling.value);
      if (found) return found;
    }
  }
  return undefined;
}

function methodIn(map: YAMLMap): SiteMethod | undefined {
  for (const pair of map.items) {
    const key = keyText(pair);
    if (!key || !METHOD_KEYS.has(key) || !isScalar(pair.value)) continue;
    const name = normalizeMethod(String(pair.value.value));
    if (name) return { name, source: 'mapping', at: pair.value.range?.[0] ?? 0 };
  }
  return undefined;
}

function findMethodMappings(node: Node, parent: YAMLMap | undefined, sites: Site[]): void {
  if (isSeq(node)) {
    for (const item of node.items) if (item) findMethodMappings(item as Node, undefined, sites);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = keyText(pair);
    if (key && STATUS_KEYS.has(key)) {
      const values = isSeq(pair.value) ? pair.value.items : [pair.value];
      const method = values.some((value) => codeOf(value) !== undefined) ? methodNear(node, parent) : undefined;
      for (const value of method ? values : []) {
        const code = codeOf(value);
        if (code === undefined || !isScalar(value) || !value.range) continue;
        sites.push(statusValueSite(value.range[0], value.range[1], code, quoteOf(value), key, method!));
      }
    }
    if (isPair(pair) && pair.value && (isMap(pair.value) || isSeq(pair.value))) findMethodMappings(pair.value as Node, node, sites);
  }
}
