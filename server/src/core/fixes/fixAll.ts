/** Every safe fix of a document as one set of edits: the rules' edits plus one merged import edit per module. */
import type { Finding, TextEdit } from '../checks/types';
import type { DocumentFacts } from '../sites/types';
import { nonOverlapping } from './edits';
import { importEdits } from './imports';

export function fixAllEdits(findings: readonly Finding[], facts: DocumentFacts, text: string): TextEdit[] {
  const safe = findings.map((finding) => finding.fixes[0]).filter((fix) => fix?.safe);
  const edits = nonOverlapping(safe.flatMap((fix) => fix.edits));
  const imports = importEdits(facts.imports, safe.flatMap((fix) => fix.imports), text);
  return nonOverlapping([...imports, ...edits]);
}

/** The edits of one fix, with its imports. */
export function fixEdits(fix: { edits: TextEdit[]; imports: { module: string; name: string }[] }, facts: DocumentFacts, text: string): TextEdit[] {
  return nonOverlapping([...importEdits(facts.imports, fix.imports, text), ...fix.edits]);
}
