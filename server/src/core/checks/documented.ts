/**
 * "The documented success code instead of this one": what the rules judge and what the change-code fix writes,
 * in one place so a finding's `fixable` and the fix itself cannot disagree.
 */
import type { SourceDocument } from '../document';
import { constantNameFor } from '../sites/constants';
import type { Site, SiteMethod } from '../sites/types';
import type { StatusTable } from '../table/types';

/** The success code the table documents for the site's method, when it is not the site's own code. */
export function documentedInstead(site: Site, table: StatusTable): number | undefined {
  const expected = site.method && documentedSuccess(site.method, table);
  return expected === undefined || expected === site.code ? undefined : expected;
}

/** The success code the table documents for the method in force; for several (Hono's app.on(['PUT', 'DELETE'], …)), only where it agrees for all. */
export function documentedSuccess(method: SiteMethod, table: StatusTable): number | undefined {
  const expected = table.successCodeByMethod.get(method.name);
  for (const other of method.others ?? []) if (table.successCodeByMethod.get(other) !== expected) return undefined;
  return expected;
}

/** The method as a message names it: POST, or GET/PUT where several are in force. */
export function methodLabel(method: SiteMethod): string {
  return [method.name, ...(method.others ?? [])].join('/');
}

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
  if (form.kind === 'enum') {
    // A member of the file's own enum: its member of that value, if it has one; else the number.
    const name = form.members[code];
    return name ? form.text.slice(0, form.text.lastIndexOf('.') + 1) + name : String(code);
  }
  // A quoted key written as a literal (`'200': {...}` in a Fastify response schema) keeps its quotes.
  const quote = text[site.start];
  return quote === "'" || quote === '"' ? `${quote}${code}${quote}` : String(code);
}

/**
 * The codes each checked subject already names: an OpenAPI operation's response keys, the cases of one
 * `switch (res.status)`, the comparisons of one response. Built once per document, not once per finding.
 */
export class NamedCodes {
  private readonly keys = new Set<string>();

  constructor(sites: readonly Site[]) {
    for (const site of sites) if (site.role === 'spec' || site.role === 'expectation') this.keys.add(NamedCodes.key(site, site.code));
  }

  /** Whether another site of the same subject already names `code`. */
  has(site: Site, code: number): boolean {
    return this.keys.has(NamedCodes.key(site, code));
  }

  private static key(site: Site, code: number): string {
    return `${site.role}|${site.method?.at ?? ''}|${code}`;
  }
}

/**
 * The replacement text that changes a site to the documented code, or undefined where no safe change exists: an
 * implicit code, or a subject that already names the documented code (a duplicate OpenAPI key, `case 201:` twice,
 * `res.status === 201 || res.status === 201`) — there a person must decide what the branch was for.
 */
export function changeToDocumented(site: Site, expected: number, document: SourceDocument, named: NamedCodes): string | undefined {
  if (site.form.kind === 'implicit') return undefined;
  if ((site.role === 'spec' || site.role === 'expectation') && named.has(site, expected)) return undefined;
  const newText = codeInFormOf(site, expected, document.text);
  return document.text.slice(site.start, site.end) === newText ? undefined : newText;
}
