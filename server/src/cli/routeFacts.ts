/**
 * What the project's route index needs of one TS/JS file, read from the parse its check already made: its module
 * facts, whether its text may declare routes (the index reads the others only when a link reaches them), and whether
 * methods from routes elsewhere could change its findings at all; and the requests its tests make, which the index
 * resolves to the handlers whose answers judge them.
 */
import {
  answerFactsOf,
  documentModuleFacts,
  isScriptLanguage,
  languageOfFile,
  mayDeclareRoutes,
  requestsOf,
  type AnswerFacts,
  type ModuleFacts,
  type SourceDocument,
} from '../core';
import type { FileResult } from './analyze';

export interface FileRouteFacts {
  /**
   * Undefined where the file is left out of the index (`leftOut` says why), or, without `leftOut`, where the index
   * reads it from disk only if a link reaches it (a barrel `index`): a module that declares no route and answers
   * nothing a route elsewhere could give a method, whose facts are mostly never needed.
   */
  module?: ModuleFacts;
  leftOut?: string;
  /** The text may register, mount or prefix a route (`mayDeclareRoutes` on the text; the path is the index's to test). */
  declares: boolean;
  /** A response site without a method: the only kind a route elsewhere gives one (core/checks `withRouteMethods`). */
  methodsMatter: boolean;
  /** The method, path and app of each request its tests make whose code they expect (not mocks), each once. */
  requests?: { method: string; path: string; app?: string }[];
  /** Where the file answers codes, and its open ends: what its handlers answer, read without a second parse. */
  answers?: AnswerFacts;
}

export function fileRouteFacts(document: SourceDocument, absolute: string): FileRouteFacts | undefined {
  const language = languageOfFile(absolute);
  if (!language || !isScriptLanguage(language)) return undefined;
  const methodsMatter = document.facts.sites.some((site) => !site.method && site.role === 'response');
  const declares = mayDeclareRoutes(document.text, '');
  const requests = testRequests(document);
  const answers = answerFactsOf(document.facts);
  const withRequests = { ...(requests.length > 0 ? { requests } : {}), ...(answers ? { answers } : {}) };
  // The index leaves out what the check does not read for its size, as it does reading the disk.
  if (document.facts.skipped?.kind === 'too-large') return { leftOut: 'too large', declares, methodsMatter };
  if (!declares && !methodsMatter) return { declares, methodsMatter, ...withRequests };
  try {
    return { module: documentModuleFacts(document, absolute), declares, methodsMatter, ...withRequests };
  } catch (error) {
    return { leftOut: `not read: ${(error as Error).message}`, declares, methodsMatter, ...withRequests };
  }
}

/** The requests with a known path whose codes the file's tests expect, each method and path once. */
function testRequests(document: SourceDocument): { method: string; path: string; app?: string }[] {
  const seen = new Set<string>();
  return requestsOf(document.facts.sites).flatMap((request) => {
    const key = `${request.method} ${request.path} ${request.app ?? ''}`;
    if (request.mock || seen.has(key)) return [];
    seen.add(key);
    return [{ method: request.method, path: request.path, ...(request.app !== undefined && { app: request.app }) }];
  });
}

/**
 * The analysis without its parse (the compiler's tree, the largest part): the text, sites and findings are all a
 * second check reads. `edit` is how a document hands its parse on; the new version is dropped unread.
 */
export function letParseGo(result: FileResult): FileResult {
  void result.document.edit(result.document.text, result.document.version + 1);
  return result;
}
