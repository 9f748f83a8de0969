/** One parse per document version, shared by every feature: the document's Sites and facts. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { skipReason } from './core/limits';
import { analyzeDocument, languageOfId } from './core/sites';
import type { DocumentFacts } from './core/sites/types';

const NOTHING: DocumentFacts = { language: 'typescript', sites: [], imports: [], topLevelNames: [] };

export class FactsCache {
  private readonly entries = new Map<string, { version: number; facts: DocumentFacts }>();

  constructor(private readonly log: (message: string) => void) {}

  facts(document: TextDocument): DocumentFacts {
    const cached = this.entries.get(document.uri);
    if (cached?.version === document.version) return cached.facts;
    const facts = this.compute(document);
    this.entries.set(document.uri, { version: document.version, facts });
    return facts;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private compute(document: TextDocument): DocumentFacts {
    const language = languageOfId(document.languageId);
    if (!language) return NOTHING;
    const text = document.getText();
    const skipped = skipReason(text);
    if (skipped) {
      this.log(`Skipped ${document.uri}: ${skipped}.`);
      return { ...NOTHING, language };
    }
    return analyzeDocument(text, language);
  }
}
