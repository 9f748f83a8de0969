/**
 * The route index of a workspace folder, kept current: built once from the files on disk (in slices, yielding
 * between them, so a server keeps answering while it builds), then updated one file at a time as files change on
 * disk or in the editor. It gives each file the methods routes elsewhere give its handlers (`scopesFor`), with the
 * place of the route as people read it; built with `{ requests: true }`, it also knows the requests tests make
 * (`requestsIn`, `endpointsAt`: the routes a request hits; `testsOf`: the requests that call a route).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  answerFactsOf,
  answersIn,
  documentModuleFacts,
  isScriptLanguage,
  languageOfFile,
  LineIndex,
  mayCheckRequests,
  mayDeclareRoutes,
  moduleFactsOf,
  ProjectIndex,
  requestsOf,
  routeMatcher,
  SourceDocument,
  type AnswerFacts,
  type AnsweredCode,
  type AnswerSource,
  type DocumentFacts,
  type Endpoint,
  type EndpointAnswer,
  type Handler,
  type HandlerAnswers,
  type ModuleFacts,
  type RequestAnswers,
  type RequestCall,
  type RouteMethodScope,
  type Site,
  type Span,
} from '../core';
import { collectFiles } from './files';
import { pathAliases, projectPath } from './routeIndex';

/** A file read whole that answers nothing and leaves nothing open. */
const NO_ANSWERS: AnswerFacts = { read: true, answers: [], openEnds: [] };

/** Files read per slice of the first build before yielding to other work. */
const SLICE = 25;

/** A request a test (or a mock) makes with a known path, in a file of the index. */
export interface RequestSite extends RequestCall {
  /** Project path ('/'-separated, relative to the root), as Endpoint.file. */
  readonly file: string;
  /** 1-based line of the path. */
  readonly line: number;
}

export interface WorkspaceRoutesOptions {
  /**
   * Read the requests tests and mocks make (for `endpointsAt`, `testsOf`): a file that may check one is read whole
   * once (its sites and its module facts from one parse). Off for `check`, which needs only the routes.
   */
  requests?: boolean;
}

/** Handler files whose facts (sites, open ends: no syntax tree) are kept for `answersOf`, the least recently used dropped. */
const ANSWER_FILES = 256;

/** A place an endpoint answers a code: the handler's file, or an error handler's. */
export interface EndpointAnsweredCode extends AnsweredCode {
  /** Project path of the file the code is answered in. */
  readonly file: string;
}

/**
 * What an endpoint answers: its handler's answers (core `answersIn`), those of the error handlers its errors reach,
 * and what may answer before the handler.
 */
export interface EndpointAnswers extends HandlerAnswers {
  /** The handler's file (project path), where `openEnds` are. */
  readonly file: string;
  /** Each place it answers a code, in the handler's file, then in the error handlers'. */
  readonly codes: readonly EndpointAnsweredCode[];
  /**
   * Middleware in the route's registration (`auth()`, `validate(schema)`), in the route's file: it may answer before
   * the handler (401, 400), so the endpoint's answers are not known.
   */
  readonly middleware?: { readonly file: string; readonly start: number; readonly end: number };
}

/** What requests are matched with, for the endpoints of one linking (each made once, when first asked). */
interface Linking {
  readonly endpoints: readonly Endpoint[];
  /** By the app files matched against, joined ('' for every route). */
  readonly matchers: Map<string, (method: string, path: string) => Endpoint[]>;
  /** `file\0name` of an app -> its module. */
  readonly appFiles: Map<string, string>;
  /** Test file -> the apps it imports. */
  readonly importedApps: Map<string, string[]>;
  /** Every file a router serving some route is defined in. */
  readonly servingFiles: ReadonlySet<string>;
}

/** The editor's document of a file (absolute path), if it holds one open. */
export type OpenDocuments = (file: string) => SourceDocument | undefined;

export class WorkspaceRoutes {
  private readonly index: ProjectIndex;
  private readonly lines = new Map<string, LineIndex>();
  /** Files whose facts came from an editor's text, by version: the disk does not overwrite them. */
  private readonly fromEditor = new Map<string, number>();
  /** Files left out (project paths), with why: they are named, never guessed at. */
  private readonly leftOutFiles = new Map<string, string>();
  private builtValue = false;
  /** Files -> the requests with a path they make (only files that make one). */
  private readonly requestsByFile = new Map<string, RequestSite[]>();
  /** Which requests call each endpoint, for the endpoints and requests as they were when it was made. */
  private callers: { endpoints: readonly Endpoint[]; requests: number; byEndpoint: Map<Endpoint, RequestSite[]> } | undefined;
  /** What requests are matched with, made for the endpoints as they were linked (see `linking`). */
  private linkingValue: Linking | undefined;
  /** Bumped whenever a file's requests change. */
  private requestsVersion = 0;
  /** Facts of handler files read from disk for `answersOf`, by project path, least recently used first. */
  private readonly answerFacts = new Map<string, DocumentFacts>();
  /**
   * What a file's handlers answer, from a parse already made: the one that gave its module facts (`requests`), or the
   * CLI's check of it (`setAnswers`). Dropped when the file changes; no second parse for them.
   */
  private readonly readAnswers = new Map<string, AnswerFacts>();
  private openDocuments: OpenDocuments | undefined;

  constructor(
    readonly root: string,
    private readonly maxChars: number,
    private readonly options: WorkspaceRoutesOptions = {},
  ) {
    this.index = new ProjectIndex(pathAliases(root));
  }

  get built(): boolean {
    return this.builtValue;
  }

  get fileCount(): number {
    return this.index.fileCount;
  }

  /** The files that could not be read or were too large, with why. */
  get leftOut(): { file: string; reason: string }[] {
    return [...this.leftOutFiles].map(([file, reason]) => ({ file, reason }));
  }

  endpoints(): readonly Endpoint[] {
    return this.index.endpoints();
  }

  /** The 1-based line of an offset in a file of the index (read from disk if its lines were not kept). */
  lineOf(file: string, offset: number): number | undefined {
    return this.positionOf(file, offset)?.line;
  }

  /** The 1-based line and column (UTF-16) of an offset in a file of the index. */
  positionOf(file: string, offset: number): { line: number; column: number } | undefined {
    let lines = this.lines.get(file);
    if (!lines) {
      try {
        lines = new LineIndex(fs.readFileSync(path.join(this.root, ...file.split('/')), 'utf8'));
      } catch {
        return undefined;
      }
      this.lines.set(file, lines);
    }
    const position = lines.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  }

  /**
   * Reads every TS/JS file of the folder (or of `only`: the CLI's files); `onProgress(done, total)` after each slice.
   * Stops early when cancelled.
   */
  async build(
    onProgress?: (done: number, total: number) => void,
    cancelled?: () => boolean,
    only?: readonly string[],
    maxFiles = Infinity,
  ): Promise<{ indexed: boolean; files: number }> {
    const files = only ?? collectFiles([this.root]).files;
    const scripts = files.filter((file) => isScriptLanguage(languageOfFile(file)));
    // Past the limit the folder is not indexed at all (its files are judged alone), rather than half indexed.
    if (scripts.length > maxFiles) return { indexed: false, files: scripts.length };
    for (let start = 0; start < scripts.length; start += SLICE) {
      if (cancelled?.()) return { indexed: false, files: scripts.length };
      for (const file of scripts.slice(start, start + SLICE)) this.readFromDisk(file);
      onProgress?.(Math.min(start + SLICE, scripts.length), scripts.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.builtValue = true;
    return { indexed: true, files: scripts.length };
  }

  /**
   * A file's facts read elsewhere (the CLI takes them from the parse its check made, or from its cache): nothing is
   * parsed here. `declares`: its text may register, mount or prefix a route; the others are linked only when a link
   * reaches them, as `build` treats them. No facts: the file is left out, with why.
   */
  setFacts(file: string, facts: ModuleFacts | undefined, declares: boolean, leftOut = 'not read'): void {
    const relative = projectPath(this.root, file);
    this.lines.delete(relative);
    if (!facts) {
      this.index.removeFile(relative);
      this.leftOutFiles.set(relative, leftOut);
      return;
    }
    this.leftOutFiles.delete(relative);
    this.index.setFile(relative, declares || mayDeclareRoutes('', relative) ? facts : () => facts);
  }

  /** What a file's handlers answer, from a parse made elsewhere (the CLI's check of it); kept until the file changes. */
  setAnswers(file: string, answers: AnswerFacts): void {
    this.readAnswers.set(projectPath(this.root, file), answers);
  }

  /** A module that declares no route, read from disk only if a link reaches it (as `build` treats one). */
  readOnDemand(file: string): void {
    const relative = projectPath(this.root, file);
    this.lines.delete(relative);
    this.leftOutFiles.delete(relative);
    this.index.setFile(relative, () => moduleFactsOf(fs.readFileSync(file, 'utf8'), file));
  }

  /** A TS/JS file read from disk as `build` reads it (the CLI's files that another shard checks). */
  readFile(file: string): void {
    if (isScript(file)) this.readFromDisk(file);
  }

  /** A file changed (or appeared) on disk. Ignored while an editor holds a newer text of it. */
  fileChangedOnDisk(file: string): void {
    if (!this.contains(file) || this.fromEditor.has(projectPath(this.root, file))) return;
    this.readFromDisk(file);
  }

  fileDeleted(file: string): void {
    const relative = projectPath(this.root, file);
    this.setRequests(relative, []);
    this.forgetAnswers(relative);
    this.index.removeFile(relative);
    this.lines.delete(relative);
    this.fromEditor.delete(relative);
  }

  /** An editor's text of a file, newer than the disk's. */
  editorText(file: string, text: string, version: number): void {
    if (!this.contains(file) || !isScript(file)) return;
    const relative = projectPath(this.root, file);
    if (this.fromEditor.get(relative) === version) return;
    this.fromEditor.set(relative, version);
    this.forgetAnswers(relative);
    this.setText(file, relative, text);
  }

  /**
   * An editor's version of a file, its facts already read (from the document's own parse); with its sites, the
   * requests it makes are read from them too.
   */
  editorFacts(file: string, version: number, facts: ModuleFacts | (() => ModuleFacts), lines: LineIndex, sites?: readonly Site[]): void {
    if (!this.contains(file) || !isScript(file)) return;
    const relative = projectPath(this.root, file);
    if (this.fromEditor.get(relative) === version) return;
    this.fromEditor.set(relative, version);
    this.forgetAnswers(relative);
    // Given as a function, the facts are read only for a version the index does not hold yet (a walk of the tree).
    this.index.setFile(relative, typeof facts === 'function' ? facts() : facts);
    this.lines.set(relative, lines);
    if (sites && this.options.requests) this.setRequests(relative, requestsOf(sites), lines);
  }

  /** Every request with a known path across the indexed files, by file and then by place. */
  requests(): RequestSite[] {
    return [...this.requestsByFile.keys()].sort().flatMap((file) => this.requestsByFile.get(file) ?? []);
  }

  /** The requests with a known path a file makes. */
  requestsIn(file: string): readonly RequestSite[] {
    return this.contains(file) ? (this.requestsByFile.get(projectPath(this.root, file)) ?? []) : [];
  }

  /**
   * The request whose path (or method's name) is at `offset` of `file`, and the endpoints it hits: none where no
   * route matches, several where several do.
   */
  endpointsAt(file: string, offset: number): { request: RequestSite; endpoints: Endpoint[] } | undefined {
    const request = this.requestsIn(file).find(
      (r) => (r.start <= offset && offset <= r.end) || (r.methodAt <= offset && offset <= r.methodAt + r.method.length + 2),
    );
    return request && { request, endpoints: this.endpointsHit(request, projectPath(this.root, file)) };
  }

  /**
   * What the tests' requests (`calls` made in `file`, not mocks) are judged by: for each method, path and app that
   * hits some route, the endpoints it hits and what their handlers answer, with places (core `RequestAnswers`). A
   * request that hits no route is left out: it is not judged.
   */
  requestAnswers(file: string, calls: readonly Pick<RequestCall, 'method' | 'path' | 'mock' | 'app'>[]): RequestAnswers[] {
    const seen = new Set<string>();
    const found: RequestAnswers[] = [];
    const relative = projectPath(this.root, file);
    for (const call of calls) {
      const key = `${call.method} ${call.path} ${call.app ?? ''}`;
      if (call.mock || seen.has(key)) continue;
      seen.add(key);
      const endpoints = this.endpointsHit(call, relative);
      if (endpoints.length === 0) continue;
      found.push({
        method: call.method,
        path: call.path,
        ...(call.app !== undefined && { app: call.app }),
        endpoints: endpoints.map((endpoint) => this.endpointAnswer(endpoint)),
      });
    }
    return found;
  }

  /** The test requests (not mocks) that call an endpoint of `endpoints()`, by file and place. */
  testsOf(endpoint: Endpoint): readonly RequestSite[] {
    return this.callersByEndpoint().get(endpoint) ?? [];
  }

  /** The mocks (nock, msw) whose requests hit an endpoint of `endpoints()`. */
  mocksOf(endpoint: Endpoint): RequestSite[] {
    return this.requests().filter((request) => request.mock && this.endpointsHit(request, request.file).includes(endpoint));
  }

  /** A script file's facts (project path): the open document's, else a cached read of the disk (as `answersOf` reads). */
  factsOf(relative: string): AnswerSource | undefined {
    const open = this.openDocuments?.(path.join(this.root, ...relative.split('/')));
    if (open && isScriptLanguage(open.language)) return open.facts;
    return this.diskFacts(relative);
  }

  /** Absolute path of a project path of the index. */
  absolute(file: string): string {
    return path.join(this.root, ...file.split('/'));
  }

  /** The editor closed the file: the disk's text is the truth again. */
  editorClosed(file: string): void {
    const relative = projectPath(this.root, file);
    if (!this.fromEditor.delete(relative)) return;
    if (fs.existsSync(file)) this.readFromDisk(file);
    else this.fileDeleted(file);
  }

  contains(file: string): boolean {
    const relative = path.relative(this.root, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
  }

  /** The handler a route registration at `offset` of `file` names: its file (absolute) and the offset of its name. */
  handlerAt(file: string, offset: number): { file: string; at: number } | undefined {
    if (!this.contains(file)) return undefined;
    const found = this.index.handlerAt(projectPath(this.root, file), offset);
    return found?.at !== undefined ? { file: path.join(this.root, ...found.file.split('/')), at: found.at } : undefined;
  }

  /** Where `answersOf` finds the editor's documents: an open document's facts are read, not the disk's. */
  useOpenDocuments(lookup: OpenDocuments | undefined): void {
    this.openDocuments = lookup;
  }

  /**
   * What an endpoint's handler answers (core `answersIn`), read in the open document's facts or a cached read of the
   * file on disk; not known where middleware comes before it. Undefined where the handler is not found (a package, a
   * name the index cannot follow, a file not read): its answers are unknown.
   */
  answersOf(endpoint: Endpoint): EndpointAnswers | undefined {
    const file = endpoint.handler?.file ?? (endpoint.inlineHandler ? endpoint.file : undefined);
    if (file === undefined) return undefined;
    const facts = this.handlerFileFacts(file);
    // After the facts: an open document newer than the index has just been given to it, and its spans are current.
    const span = endpoint.handler ? this.index.handlerSpan(endpoint.handler) : endpoint.inlineHandler;
    if (!facts || !span) return undefined;
    const answers = this.withErrorHandlers(facts, span, file, endpoint);
    if (!endpoint.middleware) return answers;
    return { ...answers, known: false, middleware: { file: endpoint.file, ...endpoint.middleware } };
  }

  /**
   * A handler's answers, and where the errors it passes on (`next(err)`) reach Express error handlers whose answers
   * are all known, theirs too: those errors then leave it open no more. Else the error handlers are not counted.
   */
  private withErrorHandlers(facts: AnswerSource | AnswerFacts, span: Span, file: string, endpoint: Endpoint): EndpointAnswers {
    const own = answersIn(facts, span);
    const inFile = (answers: HandlerAnswers, where: string) => answers.codes.map((code) => ({ ...code, file: where }));
    const passesOn = own.openEnds.some((open) => open.reason === 'error-passed-on');
    const handled = passesOn ? this.errorHandlerAnswers(endpoint) : undefined;
    if (!handled) return { ...own, file, codes: inFile(own, file) };
    const answers = answersIn(facts, span, true);
    return { ...answers, file, codes: [...inFile(answers, file), ...handled.flatMap((handler) => inFile(handler, handler.file))] };
  }

  /**
   * What the endpoint's error handlers answer, if it has some and each one's answers are known: one that passes the
   * error on (`errorConverter`'s `next(err)`) hands it to the others, and one of them must answer it (else Express's
   * own handler answers, with a status from the error).
   */
  private errorHandlerAnswers(endpoint: Endpoint): (HandlerAnswers & { file: string })[] | undefined {
    if (!endpoint.errorHandlers) return undefined;
    const handled: (HandlerAnswers & { file: string })[] = [];
    let answersAll = false;
    for (const handler of endpoint.errorHandlers) {
      const facts = this.handlerFileFacts(handler.file);
      if (!facts) return undefined;
      const own = answersIn(facts, handler);
      const passesOn = own.openEnds.some((open) => open.reason === 'error-passed-on');
      const answers = passesOn ? answersIn(facts, handler, true) : own;
      if (!answers.known) return undefined;
      handled.push({ ...answers, file: handler.file });
      answersAll ||= !passesOn;
    }
    return answersAll ? handled : undefined;
  }

  /** An endpoint and what its handler answers, with places as people read them. */
  private endpointAnswer(endpoint: Endpoint): EndpointAnswer {
    const label = `${endpoint.method} ${endpoint.path ?? '…'}`;
    const answers = this.answersOf(endpoint);
    const place = (file: string, offset: number) => ({ file, line: this.lineOf(file, offset) ?? 0 });
    if (!answers) return { endpoint: label, codes: [], known: false };
    const handlerAt = endpoint.handler
      ? place(endpoint.handler.file, endpoint.handler.at ?? this.index.handlerSpan(endpoint.handler)?.start ?? 0)
      : place(endpoint.file, endpoint.at);
    const firstOpen = answers.middleware
      ? { reason: 'middleware' as const, at: place(answers.middleware.file, answers.middleware.start) }
      : answers.openEnds[0] && { reason: answers.openEnds[0].reason, at: place(answers.file, answers.openEnds[0].start) };
    return {
      endpoint: label,
      ...(endpoint.handler ? { handler: endpoint.handler.name } : {}),
      handlerAt,
      codes: answers.codes.map((answered) => ({ code: answered.code, at: place(answered.file, answered.start) })),
      known: answers.known,
      ...(firstOpen ? { openEnd: firstOpen } : {}),
    };
  }

  /** The methods routes in other files give the handlers of `file`, with where each route is registered. */
  scopesFor(file: string): RouteMethodScope[] {
    if (!this.contains(file)) return [];
    return this.index.handlerScopes(projectPath(this.root, file)).map((scope) => {
      const route = scope.routes.find((r) => r.file !== projectPath(this.root, file)) ?? scope.routes[0];
      const registeredAt = this.placeOf(route);
      const endpoints = [...new Set(scope.routes.map((r) => `${r.method} ${r.path ?? '(path not literal)'}`))];
      return { name: scope.name, start: scope.start, end: scope.end, at: scope.at, method: scope.method, registeredAt, endpoints };
    });
  }

  /** Every handler of `file` that some route names, with its routes (paths project-relative). */
  handlersOf(file: string): Handler[] {
    return this.contains(file) ? this.index.handlers(projectPath(this.root, file)) : [];
  }

  /** Where a route is registered, as people read it: `src/routes/v1/user.route.js:14`. */
  placeOf(endpoint: Endpoint): string {
    return `${endpoint.file}:${this.lineOf(endpoint.file, endpoint.at) ?? '?'}`;
  }

  /**
   * The routes a request made in `file` (project path) hits, over the endpoints as they stand. A request made on an
   * app (`request(app)`) is matched against the routes that app serves, where the index knows the app's module (the
   * one its name leads to, through imports; this file for an app made here): a test of one service never hits
   * another's routes. A request by URL is matched against the routes of the apps `file` imports (the server the test
   * starts). Any other request, a mock's, or an app the index does not know, is matched against every route.
   */
  private endpointsHit(request: Pick<RequestCall, 'method' | 'path' | 'app' | 'mock'>, file: string): Endpoint[] {
    if (request.app !== undefined) return this.matcher([this.appFileOf(file, request.app)])(request.method, request.path);
    return this.matcher(request.mock ? undefined : this.importedApps(file))(request.method, request.path);
  }

  /** The per-linking caches, made anew once the endpoints are linked again. */
  private linking(): Linking {
    const endpoints = this.endpoints();
    if (this.linkingValue?.endpoints !== endpoints) {
      this.linkingValue = {
        endpoints,
        matchers: new Map([['', routeMatcher(endpoints)]]),
        appFiles: new Map(),
        importedApps: new Map(),
        servingFiles: new Set(endpoints.flatMap((endpoint) => endpoint.apps)),
      };
    }
    return this.linkingValue;
  }

  /** The files serving routes that `file` imports from (its apps under test). */
  private importedApps(file: string): string[] {
    const { importedApps, servingFiles } = this.linking();
    let found = importedApps.get(file);
    if (!found) importedApps.set(file, (found = this.index.importedFiles(file).filter((imported) => servingFiles.has(imported))));
    return found;
  }

  /** The module an app's name in `file` leads to (this file where it leads nowhere). */
  private appFileOf(file: string, app: string): string {
    const { appFiles } = this.linking();
    const id = `${file}\0${app}`;
    let found = appFiles.get(id);
    if (found === undefined) appFiles.set(id, (found = this.index.definingFile(file, app) ?? file));
    return found;
  }

  /**
   * The matcher over every endpoint, or over those the apps of `appFiles` serve; apps that serve nothing the index
   * knows match against every endpoint.
   */
  private matcher(appFiles?: readonly string[]): (method: string, path: string) => Endpoint[] {
    const { endpoints, matchers } = this.linking();
    const id = appFiles?.join('\0') ?? '';
    const known = matchers.get(id);
    if (known) return known;
    const served = endpoints.filter((endpoint) => endpoint.apps.some((app) => appFiles!.includes(app)));
    const match = served.length > 0 ? routeMatcher(served) : matchers.get('')!;
    matchers.set(id, match);
    return match;
  }

  private callersByEndpoint(): Map<Endpoint, RequestSite[]> {
    const endpoints = this.endpoints();
    if (this.callers?.endpoints === endpoints && this.callers.requests === this.requestsVersion) return this.callers.byEndpoint;
    const byEndpoint = new Map<Endpoint, RequestSite[]>();
    for (const request of this.requests()) {
      if (request.mock) continue;
      for (const endpoint of this.endpointsHit(request, request.file)) {
        const list = byEndpoint.get(endpoint);
        if (list) list.push(request);
        else byEndpoint.set(endpoint, [request]);
      }
    }
    this.callers = { endpoints, requests: this.requestsVersion, byEndpoint };
    return byEndpoint;
  }

  private setRequests(relative: string, calls: readonly RequestCall[], lines?: LineIndex): void {
    if (calls.length === 0 && !this.requestsByFile.has(relative)) return;
    this.requestsVersion++;
    if (calls.length === 0 || !lines) {
      this.requestsByFile.delete(relative);
      return;
    }
    this.requestsByFile.set(
      relative,
      calls.map((call) => ({ ...call, file: relative, line: lines.lineOf(call.start) + 1 })),
    );
  }

  /** A handler file's facts: the open document's (the index brought to its version), else a cached read of the disk. */
  private handlerFileFacts(relative: string): AnswerSource | AnswerFacts | undefined {
    const file = path.join(this.root, ...relative.split('/'));
    const open = this.openDocuments?.(file);
    if (open && isScriptLanguage(open.language)) {
      if (this.fromEditor.get(relative) !== open.version) this.editorFacts(file, open.version, documentModuleFacts(open, relative), open.lines);
      return open.facts;
    }
    return this.readAnswers.get(relative) ?? this.diskFacts(relative);
  }

  /** A script file's facts read from disk (project path), the last 256 kept. */
  private diskFacts(relative: string): DocumentFacts | undefined {
    const file = path.join(this.root, ...relative.split('/'));
    const cached = this.answerFacts.get(relative);
    if (cached) {
      this.answerFacts.delete(relative);
      this.answerFacts.set(relative, cached);
      return cached;
    }
    const language = languageOfFile(file);
    if (!language || !isScriptLanguage(language)) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const facts = new SourceDocument(text, language, 0, { maxChars: this.maxChars }).facts;
    this.answerFacts.set(relative, facts);
    if (this.answerFacts.size > ANSWER_FILES) this.answerFacts.delete(this.answerFacts.keys().next().value!);
    return facts;
  }

  /** What was read of a file's answers: it changed. */
  private forgetAnswers(relative: string): void {
    this.answerFacts.delete(relative);
    this.readAnswers.delete(relative);
  }

  /** One parse of a file's text: its module facts, and (kept) what its functions answer. */
  private readWhole(file: string, relative: string, text: string): { module: ModuleFacts; document: SourceDocument } {
    const document = new SourceDocument(text, languageOfFile(file) ?? 'typescript', 0, { maxChars: this.maxChars });
    const module = documentModuleFacts(document, file);
    this.readAnswers.set(relative, answerFactsOf(document.facts) ?? NO_ANSWERS);
    return { module, document };
  }

  private readFromDisk(file: string): void {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      this.fileDeleted(file); // gone or unreadable: its routes are not known, never guessed
      this.leftOutFiles.set(projectPath(this.root, file), (error as NodeJS.ErrnoException).code ?? (error as Error).message);
      return;
    }
    this.setText(file, projectPath(this.root, file), text);
  }

  private setText(file: string, relative: string, text: string): void {
    this.leftOutFiles.delete(relative);
    this.forgetAnswers(relative);
    if (text.length > this.maxChars) {
      this.setRequests(relative, []);
      this.index.removeFile(relative);
      this.lines.delete(relative);
      this.leftOutFiles.set(relative, 'too large');
      return;
    }
    try {
      const declares = mayDeclareRoutes(text, relative);
      if (this.options.requests) {
        // What a handler answers and what a test requests are read too (`routes`, the server): one parse gives them
        // with the module facts, for a file that may declare routes or check requests now, for any other file when a
        // link first reaches it. A handler file is then never parsed a second time for its answers.
        const checks = mayCheckRequests(text);
        if (!declares && !checks) {
          this.setRequests(relative, []);
          this.index.setFile(relative, () => this.readWhole(file, relative, fs.readFileSync(file, 'utf8')).module);
          this.lines.delete(relative);
          return;
        }
        const { module, document } = this.readWhole(file, relative, text);
        this.setRequests(relative, checks ? requestsOf(document.facts.sites) : [], document.lines);
        this.index.setFile(relative, module);
        if (declares) this.lines.set(relative, document.lines);
        else this.lines.delete(relative);
        return;
      }
      this.setRequests(relative, []);
      if (declares) {
        this.index.setFile(relative, moduleFactsOf(text, file));
        // Lines are needed where routes are registered (`registered at file:line`), and only there.
        this.lines.set(relative, new LineIndex(text));
      } else {
        // A module that declares no route is parsed only if a link goes through it, from the disk: its text is not
        // kept meanwhile (an editor's text of it is, by editorFacts).
        this.index.setFile(relative, () => moduleFactsOf(fs.readFileSync(file, 'utf8'), file));
        this.lines.delete(relative);
      }
    } catch (error) {
      this.setRequests(relative, []);
      this.index.removeFile(relative);
      this.lines.delete(relative);
      this.leftOutFiles.set(relative, `not read: ${(error as Error).message}`);
    }
  }
}

function isScript(file: string): boolean {
  return isScriptLanguage(languageOfFile(file));
}
