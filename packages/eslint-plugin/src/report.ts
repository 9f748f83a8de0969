/** From the core's offsets and fixes to ESLint's report: locations from ESLint's own line index, edits as fixer calls. */
import type { Rule } from 'eslint';
import { fixEdits, MESSAGES, type Fix, type Lang, type SourceDocument } from '../../../server/src/core';
import type { Analysis } from './analysis';

/** `[start, end)` of the text as ESLint's location (1-based lines, 0-based columns). */
export function locOf(context: Rule.RuleContext, start: number, end: number) {
  return { start: context.sourceCode.getLocFromIndex(start), end: context.sourceCode.getLocFromIndex(end) };
}

/** A core fix as an ESLint fix function: its edits and its import, in one change. */
export function fixerOf(document: SourceDocument, fix: Fix): Rule.ReportFixer {
  return (fixer) => fixEdits(document, fix).map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.newText));
}

/** The lints (one SourceCode each, shared by every rule of one lint of one file) that have been told already. */
const told = new WeakSet<object>();

/**
 * What the analysis could not do, told once per lint of a file (by whichever rule asks first), at the top of the
 * file: a broken table or .statusdoc.json (the last good table, or the default, is checked meanwhile, as in the
 * editor), a file not read in full. Either would otherwise pass for "no problems". Once per lint, not per analysis:
 * the same text linted again (an editor re-validating) shares the analysis and must be told again.
 */
export function tellOnce(context: Rule.RuleContext, analysis: Analysis, lang: Lang): void {
  if (told.has(context.sourceCode)) return;
  told.add(context.sourceCode);
  const top = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };
  if (analysis.inForce.problem) context.report({ loc: top, message: MESSAGES.tableProblem(lang, analysis.inForce.problem) });
  if (analysis.notChecked) context.report({ loc: top, message: MESSAGES.notChecked(lang, analysis.notChecked) });
}
