/** One entry point for every language adapter. Never throws: a document that cannot be read has no sites. */
import { analyzeTypeScript } from './typescript';
import type { DocumentFacts, DocumentLanguage, Site } from './types';
import { findYamlSites } from './yaml';

/** One parse of a document: its sites and the facts fixes need. */
export function analyzeDocument(text: string, language: DocumentLanguage): DocumentFacts {
  try {
    return language === 'yaml' ? { language, sites: findYamlSites(text), imports: [], topLevelNames: [] } : analyzeTypeScript(text, language);
  } catch {
    // The parsers are tolerant; this guards the adapters' own walking against shapes nobody foresaw.
    return { language, sites: [], imports: [], topLevelNames: [] };
  }
}

export function findSites(text: string, language: DocumentLanguage): Site[] {
  return analyzeDocument(text, language).sites;
}

const LANGUAGE_IDS: Record<string, DocumentLanguage> = {
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'jsx',
  yaml: 'yaml',
};

/** VS Code language id ('typescriptreact') -> adapter language, or undefined if not served. */
export function languageOfId(languageId: string): DocumentLanguage | undefined {
  return LANGUAGE_IDS[languageId];
}

/** File name -> adapter language, for the CLI. */
export function languageOfFile(fileName: string): DocumentLanguage | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case 'ts': case 'mts': case 'cts': return 'typescript';
    case 'tsx': return 'tsx';
    case 'js': case 'mjs': case 'cjs': return 'javascript';
    case 'jsx': return 'jsx';
    case 'yaml': case 'yml': return 'yaml';
    default: return undefined;
  }
}

/**
 * The written status code under an offset (inclusive of its end, as a cursor just after `503` still means 503).
 * Implicit sites (a framework default on a decorator) have no code to hover.
 */
export function siteAt(sites: readonly Site[], offset: number): Site | undefined {
  return sites.find((site) => site.form.kind !== 'implicit' && site.start <= offset && offset <= site.end);
}
