/** Every safe fix of a document as one set of edits: the rules' edits plus one merged import edit per module. */
import { NamedCodes } from '../checks/documented';
import type { Finding } from '../checks/types';
import type { SourceDocument } from '../document';
import type { Lang } from '../table/types';
import { nonOverlapping } from './edits';
import { importEdits } from './imports';
import { ruleFix } from './ruleFixes';
import type { Fix, TextEdit } from './types';

export function fixAllEdits(document: SourceDocument, findings: readonly Finding[], lang: Lang = 'en'): TextEdit[] {
  // Two wrong responses keys of one OpenAPI operation ('200' and '202' under delete) would each become '204':
  // a duplicate key. Apply only the first change per operation; the other is left flagged (its own fix is dropped once
  // the documented key exists).
  const specKeys = new Set<string>();
  const named = new NamedCodes(document.facts.sites);
  const fixes: Fix[] = [];
  for (const finding of findings) {
    if (!finding.fixable) continue;
    if (finding.rule === 'wrong-success-code' && finding.site?.role === 'spec') {
      const key = `${finding.site.method?.at}:${finding.expected}`;
      if (specKeys.has(key)) continue;
      specKeys.add(key);
    }
    const fix = ruleFix(document, finding, lang, named);
    if (fix?.safe) fixes.push(fix);
  }
  return mergeFixes(document, fixes);
}

/** Several fixes as one edit set: their edits (first one wins where they overlap) and one import edit per module. */
export function mergeFixes(document: SourceDocument, fixes: readonly Fix[]): TextEdit[] {
  const edits = nonOverlapping(fixes.flatMap((fix) => fix.edits));
  const imports = importEdits(
    document.facts.imports,
    fixes.flatMap((fix) => fix.imports),
    document.text,
  );
  return nonOverlapping([...imports, ...edits]);
}

/** The edits of one fix, with its imports. */
export function fixEdits(document: SourceDocument, fix: Fix): TextEdit[] {
  return mergeFixes(document, [fix]);
}
