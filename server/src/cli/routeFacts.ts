/**
 * What the project's route index needs of one TS/JS file, read from the parse its check already made: its module
 * facts, whether its text may declare routes (the index reads the others only when a link reaches them), and whether
 * methods from routes elsewhere could change its findings at all.
 */
import { documentModuleFacts, isScriptLanguage, languageOfFile, mayDeclareRoutes, type AnswerSource, type ModuleFacts, type SourceDocument } from '../core';
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
  /**
   * What its handlers answer, read from this parse (its response sites, implicit answers and open ends): the specs'
   * drift per code asks it of handler files, which then need no second parse. Absent where it answers nothing.
   */
  answers?: AnswerSource;
}

/** The part of a file's facts `answersIn` reads, where it has any answer or open end at all. */
function answerSourceOf(document: SourceDocument): AnswerSource | undefined {
  const { language, skipped, failure, sites, openEnds, implicitAnswers } = document.facts;
  const responses = sites.filter((site) => site.role === 'response');
  if (responses.length === 0 && implicitAnswers.length === 0 && openEnds.length === 0) return undefined;
  return { language, sites: responses, openEnds, implicitAnswers, ...(skipped ? { skipped } : {}), ...(failure !== undefined ? { failure } : {}) };
}

export function fileRouteFacts(document: SourceDocument, absolute: string): FileRouteFacts | undefined {
  const language = languageOfFile(absolute);
  if (!language || !isScriptLanguage(language)) return undefined;
  const methodsMatter = document.facts.sites.some((site) => !site.method && site.role === 'response');
  const declares = mayDeclareRoutes(document.text, '');
  // The index leaves out what the check does not read for its size, as it does reading the disk.
  if (document.facts.skipped?.kind === 'too-large') return { leftOut: 'too large', declares, methodsMatter };
  const answers = answerSourceOf(document);
  const withAnswers = answers ? { answers } : {};
  if (!declares && !methodsMatter) return { declares, methodsMatter, ...withAnswers };
  try {
    return { module: documentModuleFacts(document, absolute), declares, methodsMatter, ...withAnswers };
  } catch (error) {
    return { leftOut: `not read: ${(error as Error).message}`, declares, methodsMatter };
  }
}

/**
 * The analysis without its parse (the compiler's tree, the largest part): the text, sites and findings are all a
 * second check reads. `edit` is how a document hands its parse on; the new version is dropped unread.
 */
export function letParseGo(result: FileResult): FileResult {
  void result.document.edit(result.document.text, result.document.version + 1);
  return result;
}
