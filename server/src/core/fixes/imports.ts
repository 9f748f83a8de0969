/** Turns the imports fixes ask for into edits in the file's own style, never importing a name twice. */
import type { ImportRequest, TextEdit } from './types';
import type { ImportedName, ImportFact } from '../sites/types';
import { eolOf } from './edits';

const COMMONJS_EXPORTS = /^[ \t]*(?:module\.exports\b|exports\.[\w$]+\s*=)/m;
const USE_STRICT = /^\s*(['"])use strict\1;?[^\S\r\n]*(?:\r?\n)?/;

/** The local name `name` from `module` is bound to in the file, if it is imported. */
export function localNameOf(imports: readonly ImportFact[], module: string, name: string): string | undefined {
  for (const fact of imports) {
    if (fact.module !== module || fact.typeOnly) continue;
    const found = fact.names.find((binding) => binding.name === name && !binding.typeOnly);
    if (found) return found.local;
  }
  return undefined;
}

/** `import { type HttpStatus }`: a binding of the name that is for types only, if the file has one. */
export function typeOnlyBinding(imports: readonly ImportFact[], module: string, name: string): ImportedName | undefined {
  return imports
    .filter((fact) => fact.module === module && !fact.typeOnly)
    .flatMap((fact) => fact.names)
    .find((binding) => binding.name === name && binding.typeOnly);
}

/** One edit per module that still lacks some of the requested names. */
export function importEdits(imports: readonly ImportFact[], requests: readonly ImportRequest[], text: string): TextEdit[] {
  const missingByModule = new Map<string, string[]>();
  const binding = (name: string, local?: string) => (local && local !== name ? `${name} as ${local}` : name);
  const edits: TextEdit[] = [];
  for (const { module, name, local } of requests) {
    if (localNameOf(imports, module, name) !== undefined) continue;
    // `import { type HttpStatus }`: make that binding a value import rather than importing the name twice.
    const typeOnly = typeOnlyBinding(imports, module, name);
    if (typeOnly) {
      if (!edits.some((edit) => edit.start === typeOnly.start)) {
        edits.push({ start: typeOnly.start, end: typeOnly.end, newText: text.slice(typeOnly.start, typeOnly.end).replace(/^type\s+/, '') });
      }
      continue;
    }
    const missing = missingByModule.get(module) ?? [];
    if (!missing.includes(binding(name, local))) missing.push(binding(name, local));
    missingByModule.set(module, missing);
  }
  // A file without imports is CommonJS when it exports that way (a Lambda's `exports.handler = …`): an `import`
  // there makes Node load it as ESM, where `exports` is not defined.
  const commonJs = imports.length > 0 ? imports.every((fact) => fact.style === 'cjs') : COMMONJS_EXPORTS.test(text);
  for (const [module, names] of missingByModule) {
    const existing = imports.find((fact) => fact.module === module && !fact.typeOnly && fact.namedInsertAt !== undefined);
    if (existing) {
      const empty = existing.names.length === 0;
      // Destructuring renames with `:` where an import renames with `as`.
      const list = (existing.style === 'cjs' ? names.map((name) => name.replace(' as ', ': ')) : names).join(', ');
      edits.push({ start: existing.namedInsertAt!, end: existing.namedInsertAt!, newText: empty ? ` ${list} ` : `, ${list}` });
      continue;
    }
    const statement = commonJs
      ? `const { ${names.map((name) => name.replace(' as ', ': ')).join(', ')} } = require('${module}');`
      : `import { ${names.join(', ')} } from '${module}';`;
    const last = imports[imports.length - 1];
    if (last) {
      edits.push({ start: last.end, end: last.end, newText: `${eolOf(text)}${statement}` });
    } else {
      // After a shebang line and a 'use strict' directive, if any (a statement before it would void it); otherwise
      // at the very top.
      let start = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
      start += USE_STRICT.exec(text.slice(start))?.[0].length ?? 0;
      edits.push({ start, end: start, newText: `${statement}${eolOf(text)}` });
    }
  }
  return edits;
}
