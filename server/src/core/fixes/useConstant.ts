/** "Use HttpStatus.SERVICE_UNAVAILABLE": a literal status code becomes the named constant of the file's source. */
import { constantsLibrary } from '../constants/libraries';
import type { ConstantsSource } from '../constants/source';
import { moduleMemberName } from '../constants/module';
import { constantNameFor } from '../sites/constants';
import type { SourceDocument } from '../document';
import type { DocumentLanguage, Site } from '../sites/types';
import type { Lang, StatusTable } from '../table/types';
import { MESSAGES } from '../messages';
import { localNameOf, typeOnlyBinding } from './imports';
import type { Fix } from './types';

/**
 * Whether `name` is used in the text other than as a member (`.status`) or an object key (`status:`).
 * Deliberately coarse: a false "in use" only costs an alias, a missed one would break the file.
 */
function nameInUse(text: string, name: string): boolean {
  return new RegExp(`(?<![.\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])(?!\\s*:(?!:))`).test(text);
}

/** The name the constants object goes by in this file, and whether an import must be added for it. */
export function constantsBinding(source: ConstantsSource, document: SourceDocument): { local: string; needsImport: boolean } {
  const { facts, text } = document;
  const imported = localNameOf(facts.imports, source.module, source.exportName);
  if (imported) return { local: imported, needsImport: false };
  // `import { type HttpStatus }`: importEdits makes that binding a value import, so the code must use its name
  // (an alias here would name something never bound).
  const typeOnly = typeOnlyBinding(facts.imports, source.module, source.exportName);
  if (typeOnly) return { local: typeOnly.local, needsImport: true };
  // The whole module already bound: `import * as http2 from 'node:http2'`, `const http2 = require('http2')`,
  // or http-status 1.x's default export `import status from 'http-status'`.
  const whole = facts.imports.find((fact) => fact.module === source.module && !fact.typeOnly && (fact.namespaceName ?? fact.defaultName));
  if (whole) {
    const name = (whole.namespaceName ?? whole.defaultName)!;
    if (source.library === 'node') return { local: `${name}.constants`, needsImport: false };
    if (source.library === 'http-status' && whole.defaultName) return { local: name, needsImport: false };
  }
  // On a clash, the library's alias (which still reads as its constants), then the alias numbered.
  const alias = constantsLibrary(source.library).clashAlias;
  let local = source.exportName;
  for (let n = 2; nameInUse(text, local); n++) local = n === 2 ? alias : `${alias}${n}`;
  return { local, needsImport: true };
}

/** `SERVICE_UNAVAILABLE` for 503 in the source's naming, if it has one. */
export function memberNameFor(source: ConstantsSource, code: number, table: StatusTable): string | undefined {
  if (source.library === 'module') return table.entries.has(code) ? moduleMemberName(table, code) : undefined;
  return constantNameFor(source.library, code);
}

/** Whether a site is a literal in an expression, where a member expression can stand instead. */
export function takesConstant(site: Site, language: DocumentLanguage): boolean {
  return language !== 'yaml' && site.form.kind === 'literal' && site.role !== 'spec';
}

export function useConstantFix(document: SourceDocument, site: Site, source: ConstantsSource, table: StatusTable, lang: Lang): Fix | undefined {
  if (!takesConstant(site, document.language)) return undefined;
  const member = memberNameFor(source, site.code, table);
  if (!member) return undefined;
  const { local, needsImport } = constantsBinding(source, document);
  const newText = `${local}.${member}`;
  return {
    title: MESSAGES.fixUseConstant(lang, newText),
    edits: [{ start: site.start, end: site.end, newText }],
    imports: needsImport ? [{ module: source.module, name: source.exportName, local }] : [],
    safe: true,
  };
}
