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
import { readImports, readTopLevelNames } from '../imports';
import type { DocumentFacts, DocumentLanguage } from '../types';
import { SiteFinder } from './finder';

const SCRIPT_KINDS: Record<Exclude<DocumentLanguage, 'yaml'>, ts.ScriptKind> = {
  typescript: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  javascript: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
};

export function analyzeTypeScript(text: string, language: Exclude<DocumentLanguage, 'yaml'>): DocumentFacts {
  const sourceFile = ts.createSourceFile('document', text, ts.ScriptTarget.Latest, true, SCRIPT_KINDS[language]);
  return {
    language,
    sites: new SiteFinder(sourceFile).find(),
    imports: readImports(sourceFile),
    topLevelNames: readTopLevelNames(sourceFile),
  };
}
