/** The fix each rule offers, keeping the form the code was written in. */
import type { Fix, ImportRequest } from '../checks/types';
import { constantsLibrary } from '../constants/libraries';
import { MESSAGES } from '../messages';
import { constantNameFor } from '../sites/constants';
import type { DocumentFacts, Site } from '../sites/types';
import type { Lang } from '../table/types';
import { eolOf, lineIndent } from './edits';
import { localNameOf } from './imports';

const NEST = constantsLibrary('nestjs').modules[0];

/** The text of `code` written the way `site` writes its code: 201, HttpStatus.CREATED, '201'. */
export function codeInFormOf(site: Site, code: number, text: string): string {
  const form = site.form;
  if (form.kind === 'yaml') return `${form.quote}${code}${form.quote}`;
  if (form.kind === 'constant') {
    const name = constantNameFor(form.library, code);
    const dot = form.text.lastIndexOf('.');
    // A bare constant (`HTTP_STATUS_OK` destructured from http2.constants) is a binding of its own: another name is
    // only bound if the file mentions it (`const { HTTP_STATUS_OK, HTTP_STATUS_CREATED } = …`); otherwise the number.
    if (name && (dot !== -1 || new RegExp(`\\b${name}\\b`).test(text))) return form.text.slice(0, dot + 1) + name;
  }
  // A quoted key written as a literal (`'200': {...}` in a Fastify response schema) keeps its quotes.
  const quote = text[site.start];
  return quote === "'" || quote === '"' ? `${quote}${code}${quote}` : String(code);
}

/**
 * wrong-success-code: replace the code with the documented one, unless the same operation or the same checked
 * response already names that code: a duplicate OpenAPI key, or `case 201:` twice in a `switch (res.status)`, or
 * `res.status === 201 || res.status === 201`. There a person must decide what the branch was for.
 */
export function changeCodeFix(site: Site, expected: number, facts: DocumentFacts, text: string, lang: Lang): Fix | undefined {
  if (site.form.kind === 'implicit') return undefined;
  const sameSubject = (other: Site) => other !== site && other.role === site.role && other.method?.at === site.method?.at;
  const duplicate = (site.role === 'spec' || site.role === 'expectation') && facts.sites.some((other) => sameSubject(other) && other.code === expected);
  if (duplicate) return undefined;
  const newText = codeInFormOf(site, expected, text);
  return {
    title: MESSAGES.fixChangeCode(lang, newText, site.method?.name ?? ''),
    edits: [{ start: site.start, end: site.end, newText }],
    imports: [],
    safe: text.slice(site.start, site.end) !== newText,
  };
}

/**
 * implicit-success-code: add @HttpCode above the route decorator, as a constant (HttpStatus.NO_CONTENT) unless the
 * file already writes @HttpCode with literals and does not import HttpStatus; imports what is missing.
 */
export function addHttpCodeFix(site: Site, expected: number, facts: DocumentFacts, text: string, lang: Lang): Fix {
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
    ? { start: lineStart, end: lineStart, newText: `${indent}${decorator}${eolOf(text)}` }
    : { start: site.start, end: site.start, newText: `${decorator} ` };
  return { title: MESSAGES.fixAddHttpCode(lang, decorator), edits: [edit], imports, safe: true };
}

/** "Disable for this line": a statusdoc-disable-next-line comment above, in the language's comment syntax. */
export function disableLineFix(site: Site, rule: string, facts: DocumentFacts, text: string, lang: Lang): Fix {
  const { lineStart, indent } = lineIndent(text, site.start);
  const comment = facts.language === 'yaml' ? '#' : '//';
  const title = MESSAGES.fixDisableLine(lang, rule);
  // A disable-next-line comment with a rule list already above (this fix, for another rule of the line): join it.
  // A second comment line would become the first one's "next line" and bring its rule back.
  const joinAt = disableListEnd(text, lineStart);
  if (joinAt !== undefined) return { title, edits: [{ start: joinAt, end: joinAt, newText: `, ${rule}` }], imports: [], safe: false };
  return {
    title,
    edits: [{ start: lineStart, end: lineStart, newText: `${indent}${comment} statusdoc-disable-next-line ${rule}${eolOf(text)}` }],
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
