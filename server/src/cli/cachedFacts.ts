/**
 * A file's module facts (the route index's view of it) as the cache file keeps them: JSON, with each map written as
 * its entries. Read back, every field is checked for the shape the index walks; anything else is a miss, never handed
 * to the index.
 */
import type { ModuleFacts } from '../core';

// The parts' types as the facts hold them (the front door exports the whole only).
type Binding = ModuleFacts['exports'] extends ReadonlyMap<string, infer B> ? B : never;
type RouteRegistration = ModuleFacts['registrations'][number];
type RouterMount = ModuleFacts['mounts'][number];
type Ref = RouterMount['target'];

export function encodeFacts(facts: ModuleFacts): unknown {
  return {
    ...facts,
    imports: [...facts.imports],
    exports: [...facts.exports],
    locals: [...facts.locals],
    routerPrefixes: [...facts.routerPrefixes],
  };
}

export function decodeFacts(value: unknown): ModuleFacts | undefined {
  if (!isObject(value)) return undefined;
  const imports = mapOf(value.imports, (binding): binding is Binding & { kind: 'module' } => isBinding(binding) && binding.kind === 'module');
  const exports = mapOf(value.exports, isBinding);
  const locals = mapOf(value.locals, isLocal);
  const routerPrefixes = mapOf(value.routerPrefixes, isString);
  const { exportAll, registrations, mounts, errorMiddleware, globalPrefix, controllers, methodExports, defaultExportAt } = value;
  const valid =
    imports &&
    exports &&
    locals &&
    routerPrefixes &&
    arrayOf(exportAll, isString) &&
    arrayOf(registrations, isRegistration) &&
    arrayOf(mounts, isMount) &&
    arrayOf(errorMiddleware, isErrorMiddleware) &&
    optional(globalPrefix, isString) &&
    arrayOf(controllers, isString) &&
    arrayOf(methodExports, (e) => isObject(e) && isString(e.method) && isOffset(e.at)) &&
    optional(defaultExportAt, isOffset);
  return valid ? ({ ...value, imports, exports, locals, routerPrefixes } as unknown as ModuleFacts) : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isOffset = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const optional = (value: unknown, is: (v: unknown) => boolean) => value === undefined || is(value);
const arrayOf = (value: unknown, is: (v: unknown) => boolean) => Array.isArray(value) && value.every(is);

function mapOf<T>(value: unknown, is: (v: unknown) => v is T): Map<string, T> | undefined;
function mapOf(value: unknown, is: (v: unknown) => boolean): Map<string, unknown> | undefined;
function mapOf(value: unknown, is: (v: unknown) => boolean): Map<string, unknown> | undefined {
  if (!Array.isArray(value)) return undefined;
  const ok = value.every((entry) => Array.isArray(entry) && entry.length === 2 && isString(entry[0]) && is(entry[1]));
  return ok ? new Map(value as [string, unknown][]) : undefined;
}

function isRef(value: unknown): value is Ref {
  return isObject(value) && isString(value.name) && optional(value.member, isString) && optional(value.wrapped, (w) => typeof w === 'boolean');
}

function isBinding(value: unknown): value is Binding {
  if (!isObject(value)) return false;
  if (value.kind === 'local') return isRef(value.ref);
  return value.kind === 'module' && isString(value.specifier) && isString(value.name);
}

function isLocal(value: unknown): boolean {
  return (
    isObject(value) &&
    isOffset(value.at) &&
    isOffset(value.start) &&
    isOffset(value.end) &&
    optional(value.callable, (c) => typeof c === 'boolean') &&
    optional(value.madeBy, isString) &&
    optional(value.errorMiddleware, (e) => e === true)
  );
}

function isErrorMiddleware(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.router) &&
    optional(value.ref, isRef) &&
    optional(value.inline, (span) => isObject(span) && isOffset(span.start) && isOffset(span.end))
  );
}

function isRegistration(value: unknown): value is RouteRegistration {
  if (!isObject(value)) return false;
  const { router, method, path, handler, at, handlerSpan } = value;
  return (
    isString(router) &&
    isString(method) &&
    optional(path, isString) &&
    optional(handler, isRef) &&
    isOffset(at) &&
    optional(handlerSpan, (span) => isObject(span) && isOffset(span.start) && isOffset(span.end))
  );
}

function isMount(value: unknown): value is RouterMount {
  return isObject(value) && isString(value.router) && optional(value.path, isString) && isRef(value.target) && isOffset(value.at);
}
