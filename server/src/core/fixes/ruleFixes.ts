/** The fix each rule offers, keeping the form the code was written in. */
import type { Fix, ImportRequest } from '../checks/types';
import { MESSAGES } from '../messages';
import { constantNameFor } from '../sites/constants';
import type { DocumentFacts, Site } from '../sites/types';
import type { Lang } from '../table/types';
import { lineIndent } from './edits';
import { localNameOf } from './imports';

const NEST = '@nestjs/common';

/** The text of `code` written the way `site` writes its code: 201, HttpStatus.CREATED, '201'. */
export function codeInFormOf(site: Site, code: number): string {
  const form = site.form;
  if (form.kind === 'yaml') return `${form.quote}${code}${form.quote}`;
  if (form.kind === 'constant') {
    const name = constantNameFor(form.library, code);
    if (name) return form.text.slice(0, form.text.lastIndexOf('.') + 1) + name;
  }
  return String(code);
}

/** wrong-success-code: replace the code with the documented one, unless that would duplicate a YAML key. */
export function changeCodeFix(site: Site, expected: number, facts: DocumentFacts, text: string, lang: Lang): Fix | undefined {
  if (site.form.kind === 'implicit') return undefined;
  // An OpenAPI operation that already lists the documented code would get a duplicate key.
  const duplicate =
    site.role === 'spec' &&
    facts.sites.some((other) => other !== site && other.role === 'spec' && other.method?.at === site.method?.at && other.code === expected);
  if (duplicate) return undefined;
  const newText = codeInFormOf(site, expected);
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
  const usesLiterals = facts.sites.some((other) => other.idiom === '@HttpCode()' && other.form.kind === 'literal');
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
    ? { start: lineStart, end: lineStart, newText: `${indent}${decorator}\n` }
    : { start: site.start, end: site.start, newText: `${decorator} ` };
  return { title: MESSAGES.fixAddHttpCode(lang, decorator), edits: [edit], imports, safe: true };
}

/** "Disable for this line": a statusdoc-disable-next-line comment above, in the language's comment syntax. */
export function disableLineFix(site: Site, rule: string, facts: DocumentFacts, text: string, lang: Lang): Fix {
  const { lineStart, indent } = lineIndent(text, site.start);
  const comment = facts.language === 'yaml' ? '#' : '//';
  return {
    title: MESSAGES.fixDisableLine(lang, rule),
    edits: [{ start: lineStart, end: lineStart, newText: `${indent}${comment} statusdoc-disable-next-line ${rule}\n` }],
    imports: [],
    safe: false,
  };
}
