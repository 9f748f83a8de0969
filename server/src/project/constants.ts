/**
 * The node-side inputs of the constants-source decision for one file: the settings, .statusdoc.json, the nearest
 * package.json's dependencies, and where the project module lives (and whether it exists yet).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decideConstantsSource, PROJECT_MODULE_FILE, withoutJsonComments, type ConstantsSetting, type ConstantsSource, type ImportFact } from '../core';
import { FileCache } from './fileCache';
import type { TableInForce } from './tables';

export interface ConstantsSettings {
  /** The editor's statusdoc.constants.source ('auto' defers to .statusdoc.json). */
  source: ConstantsSetting;
  /** The editor's statusdoc.constants.module, relative to the workspace folder ('' defers). */
  module: string;
}

const packageJsons = new FileCache<string[]>((text) => {
  const data = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
  return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(data[field] ?? {}));
});

/** The dependencies of the nearest package.json at or above `dir` (none if it cannot be read). */
export function nearestDependencies(dir: string): { dependencies: string[]; packageDir?: string } {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const file = path.join(current, 'package.json');
    const read = packageJsons.get(file);
    if (read.ok) return { dependencies: read.value, packageDir: current };
    if (path.dirname(current) === current) return { dependencies: [] };
  }
}

/**
 * Where the project module is: the editor setting (relative to the workspace folder), .statusdoc.json's
 * constants.module (relative to that file), else `src/http-status.ts` under the project root when it has a `src/`,
 * else `http-status.ts` at the root. The root is the workspace folder, else the nearest package.json's folder.
 */
export function projectModulePath(dir: string, settings: ConstantsSettings, inForce: TableInForce, workspaceFolder?: string): string {
  const root = workspaceFolder ?? nearestDependencies(dir).packageDir ?? dir;
  if (settings.module) return path.resolve(root, settings.module);
  if (inForce.constants?.module && inForce.configFile) return path.resolve(path.dirname(inForce.configFile), inForce.constants.module);
  return fs.existsSync(path.join(root, 'src')) ? path.join(root, 'src', PROJECT_MODULE_FILE) : path.join(root, PROJECT_MODULE_FILE);
}

const tsconfigs = new FileCache<boolean>((text) => {
  const options = (JSON.parse(withoutJsonComments(text).replace(/,(\s*[}\]])/g, '$1')) as { compilerOptions?: Record<string, string> }).compilerOptions ?? {};
  return [options.module, options.moduleResolution].some((value) => /^node(16|next)$/i.test(value ?? ''));
});

/** Whether the nearest tsconfig.json resolves modules the Node ESM way (node16/nodenext), where `.js` is required. */
function needsJsExtension(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const read = tsconfigs.get(path.join(current, 'tsconfig.json'));
    if (read.ok) return read.value;
    if (path.dirname(current) === current) return false;
  }
}

/**
 * `../http-status` from a file in src/api/ to src/http-status.ts; with `.js` when the file's own relative imports use
 * it, or when the nearest tsconfig.json resolves modules as node16/nodenext (which requires it).
 */
export function relativeSpecifier(fromDir: string, modulePath: string, imports: readonly ImportFact[]): string {
  const relative = imports.filter((fact) => fact.module.startsWith('.'));
  const withJs = relative.length > 0 ? relative.some((fact) => /\.js$/.test(fact.module)) : needsJsExtension(fromDir);
  const target = modulePath.replace(/\.(ts|tsx|mts|js|mjs)$/, withJs ? '.js' : '');
  let specifier = path.relative(fromDir, target).split(path.sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return specifier;
}

/** The constants source for a file in `dir` that has these imports. */
export function constantsSourceFor(
  dir: string,
  imports: readonly ImportFact[],
  settings: ConstantsSettings,
  inForce: TableInForce,
  workspaceFolder?: string,
): ConstantsSource {
  const modulePath = projectModulePath(dir, settings, inForce, workspaceFolder);
  return decideConstantsSource({
    setting: settings.source !== 'auto' ? settings.source : (inForce.constants?.source ?? 'auto'),
    imports,
    dependencies: nearestDependencies(dir).dependencies,
    projectModule: { specifier: relativeSpecifier(dir, modulePath, imports), exists: fs.existsSync(modulePath) },
  });
}
