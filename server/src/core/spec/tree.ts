/**
 * A spec as a plain tree of mappings, sequences and scalars with the offsets of mapping keys: what the JSON reader
 * (json.ts) and the full `yaml` parse (fromYaml) both give, so one walk reads the facts of either.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isStatusCodeNumber } from '../httpStatus';
import { joinRoutePath } from '../routes/paths';
import { OPERATION_KEYS } from '../vocabulary';
import type { SpecFacts, SpecOperation, SpecResponse } from './types';

export type SpecNode = SpecMap | SpecSeq | SpecScalar;
export interface SpecMap {
  readonly kind: 'map';
  readonly entries: SpecEntry[];
}
export interface SpecEntry {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly quote: '' | "'" | '"';
  readonly value: SpecNode | undefined;
}
export interface SpecSeq {
  readonly kind: 'seq';
  readonly items: (SpecNode | undefined)[];
}
export interface SpecScalar {
  readonly kind: 'scalar';
  readonly value: string;
}

export function entryOf(map: SpecNode | undefined, key: string): SpecEntry | undefined {
  return map?.kind === 'map' ? map.entries.find((entry) => entry.key === key) : undefined;
}

function valueOf(map: SpecNode | undefined, key: string): SpecNode | undefined {
  return entryOf(map, key)?.value;
}

/** The dialect of a document's root: 'openapi' / 'swagger' at the top, else not a spec. */
export function dialectOf(root: SpecNode | undefined): SpecFacts['dialect'] | undefined {
  return entryOf(root, 'openapi') ? 'openapi' : entryOf(root, 'swagger') ? 'swagger' : undefined;
}

/** The facts of a spec's tree; undefined for a document that is not a spec. */
export function factsOfTree(root: SpecNode | undefined, partial?: string): SpecFacts | undefined {
  const dialect = dialectOf(root);
  if (!dialect) return undefined;
  const operations: SpecOperation[] = [];
  const paths = valueOf(root, 'paths');
  for (const pathEntry of paths?.kind === 'map' ? paths.entries : []) {
    for (const operation of pathEntry.value?.kind === 'map' ? pathEntry.value.entries : []) {
      if (!OPERATION_KEYS.has(operation.key) || operation.value?.kind !== 'map') continue;
      const responses = valueOf(operation.value, 'responses');
      operations.push({
        method: operation.key.toUpperCase(),
        path: pathEntry.key,
        pathStart: pathEntry.start,
        pathEnd: pathEntry.end,
        methodStart: operation.start,
        methodEnd: operation.end,
        responses: responses?.kind === 'map' ? responses.entries.flatMap((entry) => responseOf(entry.key, entry.start, entry.end, entry.quote) ?? []) : [],
      });
    }
  }
  const prefixes = dialect === 'swagger' ? [basePathPrefix(scalarOf(valueOf(root, 'basePath')))] : serverPrefixes(valueOf(root, 'servers'));
  return partial === undefined ? { dialect, operations, prefixes } : { dialect, operations, prefixes, partial };
}

function scalarOf(node: SpecNode | undefined): string | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

function serverPrefixes(servers: SpecNode | undefined): (string | undefined)[] {
  const urls = servers?.kind === 'seq' ? servers.items.map((item) => scalarOf(valueOf(item, 'url'))).filter((url) => url !== undefined) : [];
  return urls.length === 0 ? [''] : [...new Set(urls.map(serverUrlPrefix))];
}

/** A response key: a code, a range (`4XX`), `default`; undefined for anything else (`x-…`). */
export function responseOf(key: string, start: number, end: number, quote: SpecResponse['quote']): SpecResponse | undefined {
  if (/^\d{3}$/.test(key)) {
    const code = Number(key);
    return isStatusCodeNumber(code) ? { key, kind: 'code', code, start, end, quote } : undefined;
  }
  if (/^[1-5]XX$/i.test(key)) return { key, kind: 'range', code: Number(key[0]), start, end, quote };
  return key === 'default' ? { key, kind: 'default', start, end, quote } : undefined;
}

/**
 * The path part of a server URL (`https://{host}/v1/` -> `/v1`, `/api` -> `/api`, `https://x.com` -> ''); undefined
 * when a variable is in the path: the prefix is then not known.
 */
export function serverUrlPrefix(url: string): string | undefined {
  const withoutOrigin = url.trim().replace(/^(?:[^/:?#]*:)?\/\/[^/?#]*/, '');
  const pathPart = withoutOrigin.replace(/[?#].*$/, '');
  if (pathPart.includes('{')) return undefined;
  return prefixOf(pathPart);
}

/** Swagger's basePath, '' where there is none. */
export function basePathPrefix(basePath: string | undefined): string | undefined {
  if (basePath === undefined) return '';
  return basePath.includes('{') ? undefined : prefixOf(basePath);
}

function prefixOf(pathPart: string): string {
  const joined = joinRoutePath(pathPart);
  return joined === '/' ? '' : joined;
}

/** The `yaml` package's tree as a spec tree (the full parse's answer, where the fast line reader cannot be sure). */
export function fromYaml(node: unknown, depth = 0): SpecNode | undefined {
  if (depth > 200) return undefined;
  if (isMap(node)) {
    const entries: SpecEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) continue;
      const quote = key.type === 'QUOTE_SINGLE' ? "'" : key.type === 'QUOTE_DOUBLE' ? '"' : '';
      entries.push({ key: String(key.source ?? key.value), start: key.range[0], end: key.range[1], quote, value: fromYaml(pair.value, depth + 1) });
    }
    return { kind: 'map', entries };
  }
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => fromYaml(item as Node, depth + 1)) };
  if (isScalar(node)) return { kind: 'scalar', value: String(node.source ?? node.value) };
  return undefined;
}
