/** Shared test helpers: find sites in a snippet and describe them compactly. */
import { findSites } from '../../server/src/core/sites';
import type { DocumentLanguage, Site } from '../../server/src/core/sites/types';

/** A site as `code@text METHOD/source role`, e.g. `201@201 POST/route response`. Easy to compare in asserts. */
export function describeSite(text: string, site: Site): string {
  const method = site.method ? `${site.method.name}/${site.method.source}` : '-';
  return `${site.code}@${text.slice(site.start, site.end)} ${method} ${site.role}`;
}

export function sitesIn(text: string, language: DocumentLanguage = 'typescript'): string[] {
  return findSites(text, language).map((site) => describeSite(text, site));
}
