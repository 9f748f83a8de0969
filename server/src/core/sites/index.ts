/**
 * One entry point for every language adapter. Never throws: a document that cannot be read has no sites and says
 * why (skipped), and what an adapter caught is kept beside its result (failure), never swallowed.
 */
import { EDITOR_MAX_CHARS, MAX_YAML_NESTING, skipReason, yamlTooDeep } from '../limits';
import { collapseChanges, type TextChange } from '../text';
import type { TypeScriptParse } from './typescript';
import { readSpec } from '../spec/operations';
import type { DocumentFacts, DocumentLanguage, ScriptLanguage, Site } from './types';
import { findYamlSites, specResponseSite } from './yaml';
import { scanYamlSites, type YamlScanState } from './yamlFast';

/** What one version's parse leaves for the next version to reuse; opaque outside the adapters. */
export type ParseState =
  /**
   * YAML: the last scan that read its text for certain, and — when the text has changed since without the scan
   * reading it (a version the full parse answered, such as a key half typed) — the change from that scan's text to
   * this version's, so the next version still re-reads only what changed since the last good scan.
   */
  | { readonly language: 'yaml'; readonly scan?: YamlScanState; readonly since?: TextChange }
  | { readonly language: 'json' }
  | { readonly language: ScriptLanguage; readonly parse?: TypeScriptParse };

/** An earlier version's parse state and the change from that version's text to this one's. */
export interface PreviousParse {
  state: ParseState;
  change: TextChange;
}

export interface AnalyzeOptions {
  /** Documents longer than this are skipped (reported, never called clean). */
  maxChars?: number;
}

/** One parse of a document: its sites and the facts fixes need, and what the next version may reuse. */
export function analyze(
  text: string,
  language: DocumentLanguage,
  options: AnalyzeOptions = {},
  previous?: PreviousParse,
): { facts: DocumentFacts; state?: ParseState } {
  const skipped = skipReason(text, options.maxChars);
  if (skipped) return { facts: { ...empty(language), skipped } };
  try {
    if (language === 'yaml') return analyzeYaml(text, previous);
    if (language === 'json') return { facts: { ...empty('json'), ...jsonSpecSites(text) }, state: { language: 'json' } };
    return analyzeTypeScript(text, language, previous);
  } catch (error) {
    // Code nested deeper than the stack allows (parentheses or arrows some thousand levels deep): not read, and said so.
    if (isStackOverflow(error)) return { facts: { ...empty(language), skipped: { kind: 'too-deep' } } };
    // The parsers are tolerant; this guards the adapters' own walking against shapes nobody foresaw.
    return { facts: { ...empty(language), failure: describeFailure(error) } };
  }
}

/**
 * The TypeScript adapter and the compiler behind it, loaded on the first TS/JS document: a YAML-only session never
 * pays for the compiler (the bundle keeps it in a file of its own, see scripts/build.mjs).
 */
let typescript: typeof import('./typescript') | undefined;
function typescriptAdapter(): typeof import('./typescript') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load of a core module, no I/O of our own
  return (typescript ??= require('./typescript') as typeof import('./typescript'));
}

/**
 * TS/JS: the compiler's incremental parser from the last version's parse, and only the statements the edit touched
 * walked again; a fresh parse where there is none. A bug in the incremental path is reported and the fresh parse answers.
 */
function analyzeTypeScript(text: string, language: ScriptLanguage, previous?: PreviousParse): { facts: DocumentFacts; state: ParseState } {
  const adapter = typescriptAdapter();
  let recovered: string | undefined;
  if (previous?.state.language === language && previous.state.parse) {
    try {
      const updated = adapter.updateTypeScript(text, language, { parse: previous.state.parse, change: previous.change });
      if (updated) return { facts: updated.facts, state: { language, parse: updated.parse } };
    } catch (error) {
      recovered = describeFailure(error);
    }
  }
  const { facts, parse } = adapter.readTypeScript(text, language);
  return { facts: recovered ? { ...facts, recovered } : facts, state: { language, parse } };
}

const TOO_DEEP = { kind: 'too-deep', limit: MAX_YAML_NESTING } as const;

/**
 * YAML: the fast line scan, which reuses the previous version's lines outside the change, where it can read the text
 * for certain; the full `yaml` parse where it cannot. A bug in the fast path is reported and the full parse answers.
 */
function analyzeYaml(text: string, previous?: PreviousParse): { facts: DocumentFacts; state: ParseState } {
  const reuse = previous?.state.language === 'yaml' ? scanToReuse(previous.state, previous.change) : undefined;
  let recovered: string | undefined;
  try {
    const fast = scanYamlSites(text, reuse);
    if (fast) {
      const facts = fast.tooDeep ? { ...empty('yaml'), skipped: TOO_DEEP } : { ...empty('yaml'), sites: fast.sites };
      return { facts, state: { language: 'yaml', scan: fast.state } };
    }
  } catch (error) {
    recovered = describeFailure(error);
  }
  // The last good scan goes on to the next version, with the change since (a bug in the scan drops it).
  const state: ParseState = reuse && !recovered ? { language: 'yaml', scan: reuse.state, since: reuse.change } : { language: 'yaml' };
  // The `yaml` parser recurses per level; such text is refused before parsing (see limits.ts).
  if (yamlTooDeep(text)) return { facts: { ...empty('yaml'), skipped: TOO_DEEP, recovered }, state };
  return { facts: { ...empty('yaml'), sites: findYamlSites(text), recovered }, state };
}

/**
 * A JSON spec's sites: the response codes of its operations under `paths`, as the YAML adapter gives a YAML spec's.
 * Any other JSON has none. A spec that breaks off is read up to the break, and the break is told (`failure`).
 */
function jsonSpecSites(text: string): { sites: Site[]; failure?: string } {
  const spec = readSpec(text, 'json');
  if (!spec) return { sites: [] };
  const sites = spec.operations.flatMap((operation) =>
    operation.responses.flatMap((response) =>
      response.kind === 'code'
        ? [specResponseSite(response.start, response.end, response.code!, '"', { name: operation.method, source: 'openapi', at: operation.methodStart })]
        : [],
    ),
  );
  return spec.partial === undefined ? { sites } : { sites, failure: `the JSON spec could not be read whole: ${spec.partial}` };
}

/** Whether a language is read with the TypeScript compiler's parser (not YAML, not JSON). */
export function isScriptLanguage(language: DocumentLanguage | undefined): language is ScriptLanguage {
  return language !== undefined && language !== 'yaml' && language !== 'json';
}

/** The scan to start from and the change from its text to the text at hand: through `since` when the scan is older. */
function scanToReuse(state: Extract<ParseState, { language: 'yaml' }>, change: TextChange): { state: YamlScanState; change: TextChange } | undefined {
  if (!state.scan) return undefined;
  return { state: state.scan, change: state.since ? collapseChanges(state.since, change) : change };
}

/**
 * The sites a fresh parse of `text` would find where `change` falls, from the parse of the text before it (read, not
 * reused): in TS/JS the statement around it, in YAML every site (the scan reuses what the change did not touch). Undefined
 * where that cannot be known for sure; the caller then parses `text` whole.
 */
export function sitesAroundEdit(state: ParseState | undefined, text: string, change: TextChange, options: AnalyzeOptions = {}): Site[] | undefined {
  if (!state) return undefined;
  // The text before the change was read (not skipped): whether this one would be depends on its length and what was put in.
  if (skipReason(text.slice(change.start, change.newEnd), options.maxChars) || text.length > (options.maxChars ?? EDITOR_MAX_CHARS)) return undefined;
  if (state.language === 'yaml') {
    // The YAML scan state is never modified once made: reading a variant of the text from it leaves it whole.
    const reuse = scanToReuse(state, change);
    const scan = reuse && scanYamlSites(text, reuse);
    return scan && !scan.tooDeep ? scan.sites : undefined;
  }
  if (state.language === 'json' || !state.parse) return undefined;
  return typescriptAdapter().sitesAroundTypeScriptEdit(state.parse, state.language, text, change);
}

/** One parse, no reuse: the facts alone. */
export function analyzeDocument(text: string, language: DocumentLanguage, options?: AnalyzeOptions): DocumentFacts {
  return analyze(text, language, options).facts;
}

export function findSites(text: string, language: DocumentLanguage): Site[] {
  return analyzeDocument(text, language).sites;
}

function empty(language: DocumentLanguage): DocumentFacts & { sites: Site[] } {
  return { language, sites: [], openEnds: [], implicitAnswers: [], imports: [], topLevelNames: [] };
}

/** V8's "Maximum call stack size exceeded": the parser or a walk recursed once per nesting level of the text. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

export function describeFailure(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

const LANGUAGE_IDS: Record<string, DocumentLanguage> = {
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'jsx',
  yaml: 'yaml',
  json: 'json',
};

/** VS Code language id ('typescriptreact') -> adapter language, or undefined if not served. */
export function languageOfId(languageId: string): DocumentLanguage | undefined {
  return LANGUAGE_IDS[languageId];
}

/** File name -> adapter language, for the CLI. */
export function languageOfFile(fileName: string): DocumentLanguage | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case 'ts':
    case 'mts':
    case 'cts':
      return 'typescript';
    case 'tsx':
      return 'tsx';
    case 'js':
    case 'mjs':
    case 'cjs':
      return 'javascript';
    case 'jsx':
      return 'jsx';
    case 'yaml':
    case 'yml':
      return 'yaml';
    case 'json':
      return 'json';
    default:
      return undefined;
  }
}

/** Longer than any status code as written (a number, or a constant such as HttpStatus.NETWORK_AUTHENTICATION_REQUIRED). */
const MAX_WRITTEN_CODE = 256;

/**
 * The written status code under an offset (inclusive of its end, as a cursor just after `503` still means 503).
 * Implicit sites (a framework default on a decorator) have no code to hover.
 */
export function siteAt(sites: readonly Site[], offset: number): Site | undefined {
  // Sites are sorted by start: binary search to the last site starting at or before the offset, then look back over
  // the few that could still reach it (a written code is a short span: a number or a constant's name).
  let low = 0;
  let high = sites.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sites[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0 && sites[i].start >= offset - MAX_WRITTEN_CODE; i--) {
    const site = sites[i];
    if (site.form.kind !== 'implicit' && site.start <= offset && offset <= site.end) return site;
  }
  return undefined;
}
