/**
 * What a handler answers, and whether that is fully known: the codes of its span (its response sites, and the
 * answers a framework gives with no code written), and the open ends the TypeScript adapter found there.
 *
 * Known means: the document was read in full, the handler answers at least one code, and nothing in its span leaves
 * the answer to something else — no status from a variable, a parameter or a call (`res.status(code)`), no error
 * passed on (`next(err)`) but to error handlers whose answers are all known, nor thrown (`throw new ApiError(…)`), no
 * response handed to another function (`sendResponse(res, …)`). A known HTTP exception (`throw createError(404)`,
 * `new HttpException(body, 403)`, NestJS `NotFoundException`) is an answer, not an open end; `await` of something
 * that may throw is not an open end (every service call may; counting them would leave no handler known).
 */
import type { SourceDocument } from '../document';
import type { DocumentFacts, OpenEnd } from '../sites/types';

export interface AnsweredCode {
  readonly code: number;
  /** Where it is answered: the code as written, or for an implicit answer the call that answers (`res.json(x)`). */
  readonly start: number;
  readonly end: number;
  /** No code written: the framework's default (`res.json(x)` answers 200, `@Post()` 201). */
  readonly implicit?: true;
}

export interface HandlerAnswers {
  /** Every place the handler answers, by offset (a code may come more than once). */
  readonly codes: readonly AnsweredCode[];
  /** Whether `codes` are all the handler can answer (see the top). */
  readonly known: boolean;
  readonly openEnds: readonly OpenEnd[];
}

/** A handler's span: a function or class method (`HandlerScope`, `Local` of the module facts). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What the handler spanning `span` of `document` answers. */
export function handlerAnswers(document: SourceDocument, span: Span): HandlerAnswers {
  return answersIn(document.facts, span);
}

/** What `answersIn` reads of a document's facts (a shell may keep only this much of a file it parsed). */
export type AnswerSource = Pick<DocumentFacts, 'language' | 'skipped' | 'failure' | 'sites' | 'openEnds' | 'implicitAnswers'>;

/**
 * What `answersIn` reads of a file's facts, as small plain data: every place the file answers a code (response sites
 * and implicit answers, in order) and its open ends. The CLI keeps it per file from its first parse (and caches it),
 * so a handler's answers need no second parse.
 */
export interface AnswerFacts {
  /** Read in full (not skipped, no failure, not YAML). */
  readonly read: boolean;
  readonly answers: readonly AnsweredCode[];
  readonly openEnds: readonly OpenEnd[];
}

/** A document's facts as `AnswerFacts`; undefined where the file answers nothing and leaves nothing open. */
export function answerFactsOf(facts: AnswerSource): AnswerFacts | undefined {
  const answers: AnsweredCode[] = [];
  for (const site of facts.sites) {
    if (site.role !== 'response') continue;
    answers.push(
      site.form.kind === 'implicit'
        ? { code: site.code, start: site.start, end: site.end, implicit: true }
        : { code: site.code, start: site.start, end: site.end },
    );
  }
  for (const answer of facts.implicitAnswers) answers.push({ code: answer.code, start: answer.start, end: answer.end, implicit: true });
  if (answers.length === 0 && facts.openEnds.length === 0) return undefined;
  answers.sort((a, b) => a.start - b.start);
  const read = !facts.skipped && facts.failure === undefined && facts.language !== 'yaml' && facts.language !== 'json';
  return { read, answers, openEnds: facts.openEnds.map(({ start, end, reason }) => ({ start, end, reason })) };
}

/**
 * The same from a document's facts (a file read once for several handlers), or from its `AnswerFacts`.
 * `errorsAnswered`: the errors it passes on (`next(err)`) reach error handlers whose answers are all known (the
 * shell adds their codes), so they leave it open no more.
 */
export function answersIn(facts: AnswerSource | AnswerFacts, span: Span, errorsAnswered = false): HandlerAnswers {
  const inside = (place: { start: number; end: number }) => place.start >= span.start && place.end <= span.end;
  const file = 'answers' in facts ? facts : answerFactsOf(facts);
  if (!file) return { codes: [], known: false, openEnds: [] };
  const codes = file.answers.filter(inside);
  const openEnds = file.openEnds.filter((open) => inside(open) && !(errorsAnswered && open.reason === 'error-passed-on'));
  return { codes, known: file.read && codes.length > 0 && openEnds.length === 0, openEnds };
}

/** The distinct codes, in order: what people read (`answers 201, 400`). */
export function answeredCodes(answers: { readonly codes: readonly { readonly code: number }[] }): number[] {
  return [...new Set(answers.codes.map((answer) => answer.code))].sort((a, b) => a - b);
}
