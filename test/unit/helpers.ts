/** Shared test helpers: find sites in a snippet and describe them compactly; check a snippet and fix its findings. */
import {
  check,
  DEFAULT_TABLE,
  fixesFor,
  SourceDocument,
  type CheckOptions,
  type DocumentLanguage,
  type Finding,
  type Fix,
  type Lang,
  type Site,
  type StatusTable,
} from '../../server/src/core';
import { findSites } from '../../server/src/core/sites';

/** A site as `code@text METHOD/source role`, e.g. `201@201 POST/route response`. Easy to compare in asserts. */
export function describeSite(text: string, site: Site): string {
  const method = site.method ? `${site.method.name}/${site.method.source}` : '-';
  return `${site.code}@${text.slice(site.start, site.end)} ${method} ${site.role}`;
}

export function sitesIn(text: string, language: DocumentLanguage = 'typescript'): string[] {
  return findSites(text, language).map((site) => describeSite(text, site));
}

/** The findings of a snippet, each remembering the document it was checked on, for fixesOf/editsOf. */
const checkedOn = new WeakMap<Finding, { document: SourceDocument; lang: Lang }>();

export function checkText(
  text: string,
  language: DocumentLanguage = 'typescript',
  options: Partial<CheckOptions> = {},
  table: StatusTable = DEFAULT_TABLE,
): Finding[] {
  const document = new SourceDocument(text, language);
  const lang = options.lang ?? 'en';
  const findings = check(document, table, { severities: {}, lang, ...options });
  for (const finding of findings) checkedOn.set(finding, { document, lang });
  return findings;
}

/** The fixes a code action offers for a finding of checkText: the rule's own first, "disable for this line" last. */
export function fixesOf(finding: Finding): Fix[] {
  const { document, lang } = checkedOn.get(finding)!;
  return fixesFor(document, finding, lang);
}

/** The document a finding of checkText was checked on. */
export function documentOf(finding: Finding): SourceDocument {
  return checkedOn.get(finding)!.document;
}
