/**
 * One analysis of a file's text, shared by the plugin's rules: ESLint runs them one after the other over the same
 * text, and each asks here, so the file is parsed and checked once. The parse is the core's own, on the text ESLint
 * gives (whichever parser made ESLint's AST): the rules need statusdoc's sites, which only the core's adapters find.
 *
 * The last few files' documents are kept: the next text of the same file (an editor linting as the user types,
 * ESLint's own fix passes) is made with `document.edit`, so the core re-parses only what changed.
 */
import * as path from 'node:path';
import { check, CLI_MAX_CHARS, diffTexts, languageOfFile, SourceDocument, type Finding, type Lang, type NotChecked } from '../../../server/src/core';
import { TableResolver, type TableInForce } from '../../../server/src/project/tables';

export interface AnalysisOptions {
  /** A table doc that overrides .statusdoc.json's, relative to ESLint's working directory. */
  table?: string;
  lang: Lang;
}

export interface Analysis {
  document: SourceDocument;
  inForce: TableInForce;
  /** Every statusdoc rule's findings, under the severities of the .statusdoc.json in force (its "off" holds here too). */
  findings: Finding[];
  /** Why the text was not checked (in full), if it was not. */
  notChecked?: NotChecked;
}

/** How many files' documents are kept for the next text: an editor's open files, not a whole CLI run. */
const KEPT_DOCUMENTS = 16;

const documents = new Map<string, SourceDocument>();
const analyses = new WeakMap<SourceDocument, Map<string, Analysis>>();
// The same resolver as the CLI's and the server's: it re-reads .statusdoc.json and the table only when they change.
const resolver = new TableResolver();

/** The document of this text of this file: the same one when the text is the same, the next version when it changed. */
function documentOf(filename: string, text: string, language: NonNullable<ReturnType<typeof languageOfFile>>): SourceDocument {
  const previous = documents.get(filename);
  let document: SourceDocument;
  if (previous && previous.text === text && previous.language === language) document = previous;
  else if (previous && previous.language === language) document = previous.edit(text, previous.version + 1, diffTexts(previous.text, text));
  else document = new SourceDocument(text, language, 0, { maxChars: CLI_MAX_CHARS });
  // Most recently used last, so the first key is the one to forget.
  documents.delete(filename);
  documents.set(filename, document);
  if (documents.size > KEPT_DOCUMENTS) documents.delete(documents.keys().next().value!);
  return document;
}

/**
 * The analysis of `text` as the file `filename` (as ESLint names it; `cwd` is ESLint's working directory), or
 * undefined for a file statusdoc does not read: not TS/JS by its name (YAML specs are the Redocly plugin's and the
 * Spectral ruleset's), or a name with no extension (ESLint's `<input>` without --stdin-filename).
 */
export function analysisOf(filename: string, text: string, cwd: string, options: AnalysisOptions): Analysis | undefined {
  const language = languageOfFile(filename);
  if (!language || language === 'yaml' || language === 'json') return undefined;
  const absolute = path.resolve(cwd, filename);
  const document = documentOf(absolute, text, language);
  let byOptions = analyses.get(document);
  if (!byOptions) analyses.set(document, (byOptions = new Map()));
  const key = `${options.table ?? ''}\0${options.lang}`;
  // Resolved on each call (the resolver re-reads nothing unchanged): an edited .statusdoc.json or table doc counts
  // from the next lint even of a text already seen, as in the editor.
  const inForce = resolver.resolve({ dir: path.dirname(absolute), explicit: options.table, base: cwd, explicitFrom: 'eslintOption' });
  let analysis = byOptions.get(key);
  if (!analysis || !sameTableInForce(analysis.inForce, inForce)) {
    const findings = check(document, inForce.table, { severities: inForce.rules, lang: options.lang });
    const { skipped, failure } = document.facts;
    const notChecked: NotChecked | undefined = skipped ?? (failure ? { kind: 'failure', firstLine: failure.split('\n', 1)[0] } : undefined);
    analysis = { document, inForce, findings, notChecked };
    byOptions.set(key, analysis);
  }
  return analysis;
}

/** The same table object (the resolver keeps one per unchanged doc), severities and problem. */
function sameTableInForce(a: TableInForce, b: TableInForce): boolean {
  return a.table === b.table && JSON.stringify(a.rules) === JSON.stringify(b.rules) && JSON.stringify(a.problem) === JSON.stringify(b.problem);
}
