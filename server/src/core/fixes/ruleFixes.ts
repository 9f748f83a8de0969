/** The fix each rule offers, keeping the form the code was written in. */
import { changeToDocumented, NamedCodes } from '../checks/documented';
import type { Finding } from '../checks/types';
import { constantsLibrary } from '../constants/libraries';
import type { SourceDocument } from '../document';
import { MESSAGES } from '../messages';
import { constantNameFor } from '../sites/constants';
import type { Site } from '../sites/types';
import type { Lang } from '../table/types';
import { lineIndent } from './edits';
import { localNameOf } from './imports';
import type { Fix, ImportRequest } from './types';

const NEST = constantsLibrary('nestjs').modules[0];

/** The rule's own fix for a finding (if it has one), then "disable for this line". */
export function fixesFor(document: SourceDocument, finding: Finding, lang: Lang, named?: NamedCodes): Fix[] {
  const own = ruleFix(document, finding, lang, named);
  // JSON has no comments: no line there can be disabled.
  return [...(own ? [own] : []), ...(document.language === 'json' ? [] : [disableLineFix(document, finding.start, finding.rule, lang)])];
}

/** The rule's own fix, or undefined where the rule has none for this finding. */
export function ruleFix(document: SourceDocument, finding: Finding, lang: Lang, named = new NamedCodes(document.facts.sites)): Fix | undefined {
  if (finding.expected === undefined) return undefined;
  if (finding.rule === 'wrong-success-code') return changeCodeFix(document, finding, finding.expected, lang, named);
  if (finding.rule === 'implicit-success-code' && finding.site) return addHttpCodeFix(document, finding.site, finding.expected, lang);
  return undefined;
}

/**
 * wrong-success-code: replace the code with the documented one, where that is possible (see changeToDocumented).
 * A finding that is not fixable (the code replaced is undocumented: 202 Accepted to 201 changes behaviour) gets the
 * change on request only: not safe, so neither fix-all nor the preferred quick-fix, and its title says so.
 */
function changeCodeFix(document: SourceDocument, finding: Finding, expected: number, lang: Lang, named: NamedCodes): Fix | undefined {
  const site = finding.site;
  if (!site) return undefined;
  const newText = changeToDocumented(site, expected, document, named);
  if (newText === undefined) return undefined;
  const method = site.method?.name ?? '';
  return {
    title: finding.fixable ? MESSAGES.fixChangeCode(lang, newText, method) : MESSAGES.fixChangeUndocumentedCode(lang, site.code, newText, method),
    edits: [{ start: site.start, end: site.end, newText }],
    imports: [],
    safe: finding.fixable,
  };
}

/**
 * implicit-success-code: add @HttpCode above the route decorator, as a constant (HttpStatus.NO_CONTENT) unless the
 * file already writes @HttpCode with literals and does not import HttpStatus; imports what is missing.
 */
function addHttpCodeFix(document: SourceDocument, site: Site, expected: number, lang: Lang): Fix {
  const { facts, text } = document;
  const imports: ImportRequest[] = [];
  const httpCode = localNameOf(facts.imports, NEST, 'HttpCode') ?? 'HttpCode';
  if (!localNameOf(facts.imports, NEST, 'HttpCode')) imports.push({ module: NEST, name: 'HttpCode' });
  const httpStatus = localNameOf(facts.imports, NEST, 'HttpStatus');
  const usesLiterals = facts.sites.some((other) => other.idiom.id === 'nestjs.http-code' && other.form.kind === 'literal');
  let argument = String(expected);
  const name = constantNameFor('nestjs', expected);
  if (name && (httpStatus || !usesLiterals)) {
    argument = `${httpStatus ?? 'HttpStatus'}.${name}`;
    if (!httpStatus) imports.push({ module: NEST, name: 'HttpStatus' });
  }
  const decorator = `@${httpCode}(${argument})`;
  const { lineStart, indent } = lineIndent(text, site.start);
  const onOwnLine = text.slice(lineStart, site.start).trim() === '';
  const edit = onOwnLine
    ? { start: lineStart, end: lineStart, newText: `${indent}${decorator}${document.lines.eol}` }
    : { start: site.start, end: site.start, newText: `${decorator} ` };
  return { title: MESSAGES.fixAddHttpCode(lang, decorator), edits: [edit], imports, safe: true };
}

/** "Disable for this line": a statusdoc-disable-next-line comment above, in the language's comment syntax. */
function disableLineFix(document: SourceDocument, at: number, rule: string, lang: Lang): Fix {
  const { text } = document;
  const { lineStart, indent } = lineIndent(text, at);
  const comment = document.language === 'yaml' ? '#' : '//';
  const title = MESSAGES.fixDisableLine(lang, rule);
  // A disable-next-line comment with a rule list already above (this fix, for another rule of the line): join it.
  // A second comment line would become the first one's "next line" and bring its rule back.
  const joinAt = disableListEnd(text, lineStart);
  if (joinAt !== undefined) return { title, edits: [{ start: joinAt, end: joinAt, newText: `, ${rule}` }], imports: [], safe: false };
  return {
    title,
    edits: [{ start: lineStart, end: lineStart, newText: `${indent}${comment} statusdoc-disable-next-line ${rule}${document.lines.eol}` }],
    imports: [],
    safe: false,
  };
}

/** Where the rule list of a `statusdoc-disable-next-line <rules>` comment on the line before `lineStart` ends. */
function disableListEnd(text: string, lineStart: number): number | undefined {
  if (lineStart === 0) return undefined;
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const previous = text.slice(previousStart, lineStart - 1);
  const directive = /^[ \t]*(?:\/\/|\/\*|#)[ \t]*statusdoc-disable-next-line\b/.exec(previous);
  if (!directive) return undefined;
  const from = directive[0].length;
  let end = previous.length;
  for (const stop of ['--', '*/']) {
    const at = previous.indexOf(stop, from);
    if (at !== -1 && at < end) end = at;
  }
  while (end > from && /\s/.test(previous[end - 1])) end--;
  // No rule list: it already disables every rule (and this finding would not exist).
  return end > from ? previousStart + end : undefined;
}
