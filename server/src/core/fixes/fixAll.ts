/** Every safe fix of a document as one set of edits: the rules' edits plus one merged import edit per module. */
import type { Finding, Fix, TextEdit } from '../checks/types';
import type { DocumentFacts } from '../sites/types';
import { nonOverlapping } from './edits';
import { importEdits } from './imports';

export function fixAllEdits(findings: readonly Finding[], facts: DocumentFacts, text: string): TextEdit[] {
  // Two wrong responses keys of one OpenAPI operation ('200' and '202' under delete) would each become '204':
  // a duplicate key. Apply only the first change per operation; the other is left flagged (its own fix is dropped once
  // the documented key exists).
  const specKeys = new Set<string>();
  const safe = findings
    .filter((finding) => {
      if (!finding.fixes[0]?.safe) return false;
      if (finding.rule !== 'wrong-success-code' || finding.site.role !== 'spec') return true;
      const key = `${finding.site.method?.at}:${finding.expected}`;
      if (specKeys.has(key)) return false;
      specKeys.add(key);
      return true;
    })
    .map((finding) => finding.fixes[0]);
  return mergeFixes(safe, facts, text);
}

/** Several fixes as one edit set: their edits (first one wins where they overlap) and one import edit per module. */
export function mergeFixes(fixes: readonly Fix[], facts: DocumentFacts, text: string): TextEdit[] {
  const edits = nonOverlapping(fixes.flatMap((fix) => fix.edits));
  const imports = importEdits(facts.imports, fixes.flatMap((fix) => fix.imports), text);
  return nonOverlapping([...imports, ...edits]);
}

/** The edits of one fix, with its imports. */
export function fixEdits(fix: Fix, facts: DocumentFacts, text: string): TextEdit[] {
  return mergeFixes([fix], facts, text);
}
