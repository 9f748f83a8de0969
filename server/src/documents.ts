/** One parse per document version, shared by every feature: the document's Sites. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { skipReason } from './core/limits';
import { findSites, languageOfId } from './core/sites';
import type { Site } from './core/sites/types';

export class SiteCache {
  private readonly entries = new Map<string, { version: number; sites: Site[] }>();

  constructor(private readonly log: (message: string) => void) {}

  sites(document: TextDocument): Site[] {
    const cached = this.entries.get(document.uri);
    if (cached?.version === document.version) return cached.sites;
    const sites = this.compute(document);
    this.entries.set(document.uri, { version: document.version, sites });
    return sites;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private compute(document: TextDocument): Site[] {
    const language = languageOfId(document.languageId);
    if (!language) return [];
    const text = document.getText();
    const skipped = skipReason(text);
    if (skipped) {
      this.log(`Skipped ${document.uri}: ${skipped}.`);
      return [];
    }
    return findSites(text, language);
  }
}
