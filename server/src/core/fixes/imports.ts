/** Turns the imports fixes ask for into edits in the file's own style, never importing a name twice. */
import type { ImportRequest, TextEdit } from '../checks/types';
import type { ImportFact } from '../sites/types';

/** The local name `name` from `module` is bound to in the file, if it is imported. */
export function localNameOf(imports: readonly ImportFact[], module: string, name: string): string | undefined {
  for (const fact of imports) {
    if (fact.module !== module || fact.typeOnly) continue;
    const found = fact.names.find((binding) => binding.name === name);
    if (found) return found.local;
  }
  return undefined;
}

/** One edit per module that still lacks some of the requested names. */
export function importEdits(imports: readonly ImportFact[], requests: readonly ImportRequest[], text: string): TextEdit[] {
  const missingByModule = new Map<string, string[]>();
  for (const { module, name } of requests) {
    if (localNameOf(imports, module, name) !== undefined) continue;
    const missing = missingByModule.get(module) ?? [];
    if (!missing.includes(name)) missing.push(name);
    missingByModule.set(module, missing);
  }
  const edits: TextEdit[] = [];
  const commonJs = imports.length > 0 && imports.every((fact) => fact.style === 'cjs');
  for (const [module, names] of missingByModule) {
    const existing = imports.find((fact) => fact.module === module && !fact.typeOnly && fact.namedInsertAt !== undefined);
    if (existing) {
      const empty = existing.names.length === 0;
      edits.push({ start: existing.namedInsertAt!, end: existing.namedInsertAt!, newText: empty ? ` ${names.join(', ')} ` : `, ${names.join(', ')}` });
      continue;
    }
    const statement = commonJs
      ? `const { ${names.join(', ')} } = require('${module}');`
      : `import { ${names.join(', ')} } from '${module}';`;
    const last = imports[imports.length - 1];
    if (last) {
      edits.push({ start: last.end, end: last.end, newText: `\n${statement}` });
    } else {
      // After a shebang line, if any; otherwise at the very top.
      const start = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
      edits.push({ start, end: start, newText: `${statement}\n` });
    }
  }
  return edits;
}
