/**
 * Finds status-code sites in TypeScript/JavaScript with the TypeScript compiler's parser.
 * Only numbers in status positions count (res.status(201), .expect(201), ...): 200 in setTimeout(f, 200) is not a site.
 * Named constants (HttpStatus.OK, StatusCodes.OK, constants.HTTP_STATUS_OK, status.OK) are sites wherever they stand.
 *
 *   finder.ts      the walk, and the dispatch of each node to the patterns of its shape and name
 *   frameworks/    the patterns, one file per framework family (express, fastify, koa, hono, nestjs, fetch, tests)
 *   methods.ts     which HTTP method is in force at a site
 *   syntax.ts      small readers of the syntax tree
 */
import ts from 'typescript';
import type { TextChange } from '../../text';
import type { DocumentFacts, ScriptLanguage, Site } from '../types';
import { updateParse } from './incremental';
import { sitesAroundEdit } from './region';
import { readStatements, type TypeScriptParse } from './statements';
import { PARSE_OPTIONS } from './parseOptions';

export type { TypeScriptParse } from './statements';

const SCRIPT_KINDS: Record<ScriptLanguage, ts.ScriptKind> = {
  typescript: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  javascript: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
};

/** One parse, for callers that read a text once. */
export function analyzeTypeScript(text: string, language: ScriptLanguage): DocumentFacts {
  return readTypeScript(text, language).facts;
}

/** A fresh parse: the facts, and the parse the next version may reuse. */
export function readTypeScript(text: string, language: ScriptLanguage): { facts: DocumentFacts; parse: TypeScriptParse } {
  const sourceFile = ts.createSourceFile('document', text, PARSE_OPTIONS, true, SCRIPT_KINDS[language]);
  const read = readStatements(sourceFile);
  return { facts: factsOf(language, read), parse: read.parse };
}

/**
 * The next version from the last one's parse (consumed: its nodes are reused and moved) and the change between them.
 * The caller keeps the language with the parse (ParseState): the same language, the same script kind. Undefined
 * where the change does not fit the texts.
 */
export function updateTypeScript(
  text: string,
  language: ScriptLanguage,
  previous: { parse: TypeScriptParse; change: TextChange },
): { facts: DocumentFacts; parse: TypeScriptParse } | undefined {
  const updated = updateParse(previous.parse, text, previous.change);
  return updated && { facts: factsOf(language, updated), parse: updated.parse };
}

/**
 * The sites a fresh parse of `text` would find in the statement `change` falls in, from the parse of the text before
 * it, which is left as it was (completion's placeholder); undefined where that cannot be known for sure.
 */
export function sitesAroundTypeScriptEdit(parse: TypeScriptParse, language: ScriptLanguage, text: string, change: TextChange): Site[] | undefined {
  return sitesAroundEdit(parse, SCRIPT_KINDS[language], text, change);
}

function factsOf(language: ScriptLanguage, { sites, openEnds, implicitAnswers, imports, names }: ReturnType<typeof readStatements>): DocumentFacts {
  return { language, sites, openEnds, implicitAnswers, imports, topLevelNames: names };
}
