/**
 * Drift per status code between a spec's operations and their handlers: a code a handler answers that its operation
 * neither lists nor covers (`response-not-in-spec`, on the handler's site), and a code an operation lists that none
 * of its handlers answers (`spec-response-unanswered`, on the spec's key) — the latter only where every handler's
 * answers are known (routes/answers.ts), never guessed. The answers come from the shell, which reads handler files.
 */
import type { AnsweredCode } from '../routes/answers';
import type { Endpoint } from '../routes/projectIndex';
import type { DriftFact, LinkedOperation, SpecLinks } from './link';
import type { SpecOperation, SpecResponse } from './types';

/** What an endpoint's handler answers, as the shell found it (undefined: the handler was not found). */
export interface AnswersView {
  /** The handler's file (project path), where `codes` are unless one names its own (an error handler's). */
  readonly file: string;
  readonly codes: readonly (AnsweredCode & { readonly file?: string })[];
  readonly known: boolean;
}

export interface ResponseDriftSources {
  answersOf(endpoint: Endpoint): AnswersView | undefined;
  /** 1-based line of an offset in a file (project path), where known. */
  lineOf(file: string, offset: number): number | undefined;
}

/** The response key of an operation that speaks for a code: the code itself, else its range (`4XX`), else `default`. */
export function coveringResponse(operation: SpecOperation, code: number): SpecResponse | undefined {
  return (
    operation.responses.find((r) => r.kind === 'code' && r.code === code) ??
    operation.responses.find((r) => r.kind === 'range' && r.code === Math.floor(code / 100)) ??
    operation.responses.find((r) => r.kind === 'default')
  );
}

/** The file (project path) where an endpoint's handler is written, without reading it. */
export function handlerFileOf(endpoint: Endpoint): string | undefined {
  return endpoint.handler?.file ?? (endpoint.inlineHandler ? endpoint.file : undefined);
}

function operationLabel(linked: LinkedOperation): string {
  return `${linked.operation.method} ${linked.operation.path}`;
}

/**
 * The response drift of a set of links, file by file, on demand: the operations are grouped once by the files their
 * handlers and specs are in, and each endpoint's answers are asked for once.
 */
export class ResponseDrift {
  private byFile: Map<string, LinkedOperation[]> | undefined;
  private readonly answers = new Map<Endpoint, AnswersView | undefined>();
  private readonly sources: ResponseDriftSources;

  constructor(
    private readonly links: SpecLinks,
    sources: ResponseDriftSources,
  ) {
    this.sources = {
      lineOf: sources.lineOf,
      answersOf: (endpoint) => {
        if (!this.answers.has(endpoint)) this.answers.set(endpoint, sources.answersOf(endpoint));
        return this.answers.get(endpoint);
      },
    };
  }

  /** The response drift that lands in `file` (a handler's file or a spec), in the order of its places. */
  in(file: string): DriftFact[] {
    const facts: DriftFact[] = [];
    for (const linked of this.operationsIn(file)) {
      if (linked.spec === file) facts.push(...unanswered(linked, this.sources));
      if (linked.endpoints.some((endpoint) => handlerFileOf(endpoint) === file)) facts.push(...notInSpec(file, linked, this.sources));
    }
    const seen = new Set<string>();
    return facts
      .filter((fact) => {
        const key = `${fact.rule} ${fact.start} ${'operation' in fact ? fact.operation : ''}`;
        return !seen.has(key) && seen.add(key) !== undefined;
      })
      .sort((a, b) => a.start - b.start);
  }

  /** The linked operations (with routes) whose spec or one of whose handlers is in `file`. */
  private operationsIn(file: string): readonly LinkedOperation[] {
    if (!this.byFile) {
      const byFile = new Map<string, LinkedOperation[]>();
      const add = (key: string, linked: LinkedOperation) => {
        const list = byFile.get(key);
        if (!list) byFile.set(key, [linked]);
        else if (list[list.length - 1] !== linked) list.push(linked);
      };
      for (const linked of this.links.operations) {
        if (linked.endpoints.length === 0) continue;
        add(linked.spec, linked);
        for (const endpoint of linked.endpoints) {
          const handlerFile = handlerFileOf(endpoint);
          if (handlerFile !== undefined) add(handlerFile, linked);
        }
      }
      this.byFile = byFile;
    }
    return this.byFile.get(file) ?? [];
  }
}

/** The response drift that lands in `file`, for one question (a shell asking about many files keeps a ResponseDrift). */
export function responseDriftIn(file: string, links: SpecLinks, sources: ResponseDriftSources): DriftFact[] {
  return new ResponseDrift(links, sources).in(file);
}

function notInSpec(file: string, linked: LinkedOperation, sources: ResponseDriftSources): DriftFact[] {
  const facts: DriftFact[] = [];
  const { operation } = linked;
  for (const endpoint of linked.endpoints) {
    if (handlerFileOf(endpoint) !== file) continue;
    const answers = sources.answersOf(endpoint);
    if (!answers || answers.file !== file) continue;
    for (const answer of answers.codes) {
      // Marked where the handler answers: an error handler's answers belong to every route it serves, not to this one.
      if ((answer.file ?? answers.file) !== file || coveringResponse(operation, answer.code)) continue;
      facts.push({
        rule: 'response-not-in-spec',
        start: answer.start,
        end: answer.end,
        code: answer.code,
        operation: operationLabel(linked),
        method: operation.method,
        path: operation.path,
        spec: linked.spec,
        line: sources.lineOf(linked.spec, operation.methodStart),
      });
    }
  }
  return facts;
}

function unanswered(linked: LinkedOperation, sources: ResponseDriftSources): DriftFact[] {
  const answered = new Set<number>();
  const handlers: string[] = [];
  for (const endpoint of linked.endpoints) {
    const answers = sources.answersOf(endpoint);
    // One handler whose answers are not all known, and what the operation lists may be answered there.
    if (!answers?.known) return [];
    for (const answer of answers.codes) answered.add(answer.code);
    const at = endpoint.handler?.at ?? endpoint.inlineHandler?.start ?? endpoint.at;
    handlers.push(`${answers.file}:${sources.lineOf(answers.file, at) ?? '?'}`);
  }
  return linked.operation.responses
    .filter((response) => response.kind === 'code' && !answered.has(response.code!))
    .map((response) => ({
      rule: 'spec-response-unanswered' as const,
      start: response.start,
      end: response.end,
      code: response.code!,
      operation: operationLabel(linked),
      handlers: [...new Set(handlers)],
    }));
}
