/**
 * Where a file's named status-code constants come from, decided per file:
 * a source the file already imports wins; else one the nearest package.json depends on; else the project's own
 * module (generated from the table) if it exists; else node:http2. A setting can name the source outright.
 */
import type { ConstantLibrary, ImportFact } from '../sites/types';
import { CONSTANTS_LIBRARIES, constantsLibrary, type ConstantsLibrary, MODULE_OBJECT } from './libraries';

export type ConstantsSetting = 'auto' | ConstantLibrary;
export const CONSTANTS_SETTINGS: readonly ConstantsSetting[] = ['auto', ...CONSTANTS_LIBRARIES.map((library) => library.id)];

export interface ConstantsSource {
  library: ConstantLibrary;
  /** Import specifier: '@nestjs/common', 'node:http2', or the relative path of the project module. */
  module: string;
  /** The exported object the constants hang off: HttpStatus, StatusCodes, status, constants, DocumentedStatus. */
  exportName: string;
  /** Why this source: shown in the fix title's detail and in tests. */
  reason: 'setting' | 'imported' | 'dependency' | 'project-module' | 'fallback';
}

/** The published packages, checked in the table's order when several apply: the more specific framework first. */
const PACKAGES = CONSTANTS_LIBRARIES.filter((library) => library.modules.length > 0);

export interface SourceInputs {
  setting: ConstantsSetting;
  imports: readonly ImportFact[];
  /** Package names the nearest package.json depends on (dependencies, devDependencies, peerDependencies). */
  dependencies: readonly string[];
  /** The project module as the file would import it (relative specifier), and whether it exists yet. */
  projectModule: { specifier: string; exists: boolean };
}

function librarySource(library: ConstantsLibrary, reason: ConstantsSource['reason'], module?: string): ConstantsSource {
  return { library: library.id, module: module ?? library.modules[0], exportName: library.exportName, reason };
}

function moduleSource(inputs: SourceInputs, reason: ConstantsSource['reason']): ConstantsSource {
  return { library: 'module', module: inputs.projectModule.specifier, exportName: MODULE_OBJECT, reason };
}

/** Whether an import brings in the project module: its specifier ends like the module's, or it names DocumentedStatus. */
function importsProjectModule(fact: ImportFact, inputs: SourceInputs): boolean {
  const strip = (specifier: string) => specifier.replace(/\.(js|ts|mjs|mts)$/, '').replace(/^(\.\/)+/, '');
  // Only a relative specifier can be the module by path: stripped of './', the npm package 'http-status' would
  // otherwise pass for src/http-status.ts from any file in src/.
  const byPath = fact.module.startsWith('.') && strip(fact.module) === strip(inputs.projectModule.specifier);
  return byPath || fact.names.some((name) => name.name === MODULE_OBJECT);
}

export function decideConstantsSource(inputs: SourceInputs): ConstantsSource {
  if (inputs.setting === 'module') return moduleSource(inputs, 'setting');
  const named = PACKAGES.find((library) => library.id === inputs.setting);
  if (named) return librarySource(named, 'setting');
  for (const fact of inputs.imports) {
    if (fact.typeOnly) continue;
    // The specifier the file already uses (a path alias, a `.js` ending), so the fix extends that import.
    if (importsProjectModule(fact, inputs)) return { ...moduleSource(inputs, 'imported'), module: fact.module };
    const library = PACKAGES.find((candidate) => candidate.modules.includes(fact.module));
    // An import of the package that brings its constants object (not just `Controller` from @nestjs/common).
    const bringsConstants = library && (fact.names.some((name) => name.name === library.exportName) || fact.defaultName || fact.namespaceName);
    if (library && bringsConstants) return librarySource(library, 'imported', fact.module);
  }
  const dependency = PACKAGES.find((library) => library.modules.some((name) => inputs.dependencies.includes(name)));
  if (dependency) return librarySource(dependency, 'dependency');
  if (inputs.projectModule.exists) return moduleSource(inputs, 'project-module');
  return librarySource(constantsLibrary('node'), 'fallback');
}
