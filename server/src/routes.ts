/**
 * The language server's view of the project's routes: one route index per workspace folder (project/workspaceRoutes.ts),
 * built in the background once the server is up, kept current from the editor's documents and the disk, and asked
 * for the methods routes elsewhere give an open document's handlers. Diagnostics never wait for it: until a folder's
 * index is built, its documents are judged alone, and they are refreshed when it is.
 */
import { URI } from 'vscode-uri';
import {
  answeredCodes,
  documentModuleFacts,
  isScriptLanguage,
  languageOfFile,
  matrixRowId,
  operationRowPaths,
  requestsOf,
  rescopeByFacts,
  responseDescription,
  type DriftFact,
  type Handler,
  type RequestAnswers,
  type RouteMethodScope,
  type SourceDocument,
  type SpecLinks,
} from './core';
import { EndpointCodes } from './project/endpointCodes';
import { collectFiles } from './project/files';
import { projectPath } from './project/routeIndex';
import { WorkspaceRoutes } from './project/workspaceRoutes';
import { WorkspaceSpecs } from './project/workspaceSpecs';

/**
 * Folders with more TS/JS files than this are not indexed in the editor: the index holds about 15 kB per file, so a
 * monorepo of 50,000 files would cost the server hundreds of MB. The CLI indexes whatever it is given.
 */
export const EDITOR_MAX_INDEXED_FILES = 20_000;

export interface RoutesEvents {
  /** Some open document's route methods have changed: pull its diagnostics again. */
  changed(): void;
  /** The routes have changed (built, or a file re-read): what the code lenses show may have changed. */
  routesChanged?(): void;
  /** A folder too large to index: its files are judged alone. */
  notIndexed?(root: string, files: number): void;
  /** The documents open in the editor. */
  openUris(): readonly string[];
  /** The editor's document of a file (absolute path), if open: a handler's answers are read from it (answersOf). */
  documentOf?(file: string): SourceDocument | undefined;
}

/** A handler of an open document, for its code lens. */
export interface HandlerSummary {
  readonly handler: Handler;
  /** What its routes' handler answers, all routes together. */
  readonly codes: readonly number[];
  readonly known: boolean;
  /** The test requests that call one of its routes: a file URI and a 0-based line. */
  readonly tests: readonly { readonly uri: string; readonly line: number }[];
}

/** An operation of an open spec, for its code lens. */
export interface OperationSummary {
  /** Offset of its method key in the spec. */
  readonly at: number;
  /** Its response keys, as written (`201`, `4XX`, `default`). */
  readonly spec: readonly string[];
  /** Whether a route serves it; `codes`, `known` and `tests` are about those routes. */
  readonly routed: boolean;
  readonly codes: readonly number[];
  readonly known: boolean;
  /** The codes the tests that call its routes expect; undefined: no test calls them. */
  readonly tests: readonly number[] | undefined;
  /** Its row in the matrix (`matrixRowId`). */
  readonly row: string;
}

export class ServerRoutes {
  private folders: WorkspaceRoutes[] = [];
  /** Each folder's specs, linked to its routes (operation-without-route, route-not-in-spec). */
  private specs = new Map<WorkspaceRoutes, WorkspaceSpecs>();
  /** The latest indexing of the folders: what a request for the whole index waits on. */
  private building: Promise<void> = Promise.resolve();
  /** What each open document was last judged by (route methods), to refresh only when that changes. */
  private readonly judgedBy = new Map<string, string>();
  /** What each open test file's requests were last judged by (their handlers' answers), likewise. */
  private readonly requestsJudgedBy = new Map<string, string>();
  /** The endpoints the code lenses were last drawn from. */
  private lensedRoutes = '';
  /** The drift each open document was last judged with, likewise. */
  private readonly driftJudged = new Map<string, string>();
  /** The version of each open spec whose text the folder's specs hold. */
  private readonly specVersions = new Map<string, number>();

  constructor(
    private readonly events: RoutesEvents,
    private readonly maxChars: number,
  ) {}

  /** Indexes the folders (file URIs), one after another, in slices that leave the server answering. */
  setFolders(uris: readonly string[], onProgress?: (done: number, total: number) => void): Promise<void> {
    this.building = this.indexFolders(uris, onProgress);
    return this.building;
  }

  /**
   * The index of the folder holding `uri` (a folder or a file in it; absent: the first folder) once it is built:
   * for requests about the whole project (the matrix), which wait for it, unlike diagnostics.
   */
  async builtFolder(uri: string | undefined): Promise<WorkspaceRoutes | undefined> {
    for (;;) {
      const building = this.building;
      await building.catch(() => undefined);
      // Folders that changed meanwhile are indexed again: wait for that one.
      if (building === this.building) break;
    }
    if (uri === undefined) return this.folders[0]?.built ? this.folders[0] : undefined;
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const folder = this.folders.find((candidate) => candidate.root === parsed.fsPath || candidate.contains(parsed.fsPath));
    return folder?.built ? folder : undefined;
  }

  /** The specs of a built folder, read on first need (the matrix's spec column). */
  specsOf(folder: WorkspaceRoutes): WorkspaceSpecs | undefined {
    const specs = this.specs.get(folder);
    if (specs && !specs.built) specs.build(collectFiles([folder.root]).files);
    return specs;
  }

  private async indexFolders(uris: readonly string[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const roots = uris
      .map((uri) => URI.parse(uri))
      .filter((uri) => uri.scheme === 'file')
      .map((uri) => uri.fsPath);
    const folders = roots.map((root) => new WorkspaceRoutes(root, this.maxChars, { requests: true }));
    for (const folder of folders) folder.useOpenDocuments(this.events.documentOf?.bind(this.events));
    this.folders = folders;
    this.specs = new Map(folders.map((folder) => [folder, new WorkspaceSpecs(folder.root, this.maxChars)]));
    for (const folder of folders) {
      // A newer call (the folders changed meanwhile) takes over: this one stops.
      const built = await folder.build(onProgress, () => this.folders !== folders, undefined, EDITOR_MAX_INDEXED_FILES);
      if (!built.indexed && this.folders === folders) this.events.notIndexed?.(folder.root, built.files);
    }
    if (this.folders === folders) {
      this.refreshIfChanged(this.events.openUris());
      this.lensesIfChanged();
    }
  }

  /** The methods routes in other files give the handlers of this document (at its current version). */
  routeMethodsFor(uri: string, document: SourceDocument): RouteMethodScope[] | undefined {
    const found = this.folderOf(uri);
    if (!found || !found.folder.built || !isScriptLanguage(document.language)) {
      // Judged alone for now: once the index is built, a refresh follows if it gives this document a method.
      if (found) this.judgedBy.set(uri, '[]');
      return undefined;
    }
    // Most files handle no route named elsewhere: the index as it stands says so without reading this version (a walk
    // of the whole tree on every keystroke). An edit that changes that reaches the index once typing pauses
    // (documentChanged), which then refreshes this document.
    if (found.folder.scopesFor(found.file).length === 0) {
      this.judgedBy.set(uri, '[]');
      return undefined;
    }
    const facts = documentModuleFacts(document, found.file);
    found.folder.editorFacts(found.file, document.version, facts, document.lines, document.facts.sites);
    const scopes = rescopeByFacts(found.folder.scopesFor(found.file), facts);
    this.judgedBy.set(uri, JSON.stringify(scopes.map((s) => [s.name, s.method, s.registeredAt])));
    return scopes.length > 0 ? scopes : undefined;
  }

  /**
   * What the folder's specs and routes say about this document: an operation of it no route serves, a route of it no
   * spec lists (undefined until the index is built, and for files of no folder).
   */
  driftFor(uri: string): readonly DriftFact[] | undefined {
    const found = this.folderOf(uri);
    const drift = found && this.driftOf(found.folder, found.file);
    if (found) this.driftJudged.set(uri, JSON.stringify(drift ?? []));
    return drift && drift.length > 0 ? drift : undefined;
  }

  /**
   * The specs of the folder holding `uri`, linked to its routes (undefined until its index is built): for an endpoint
   * its operations (`operationsOf`), for an operation its endpoints. Paths in it are project paths under `root`.
   */
  specLinksFor(uri: string): { root: string; links: SpecLinks } | undefined {
    const found = this.folderOf(uri);
    const specs = found && this.specs.get(found.folder);
    if (!found?.folder.built || !specs) return undefined;
    if (!specs.built) specs.build(collectFiles([found.folder.root]).files);
    return { root: found.folder.root, links: specs.links(found.folder.endpoints()) };
  }

  /**
   * What this document's test requests are judged by: the endpoints each hits and what their handlers answer (from
   * the document's own sites at this version; the handlers' files from the editor or the disk).
   */
  requestAnswersFor(uri: string, document: SourceDocument): RequestAnswers[] | undefined {
    const found = this.folderOf(uri);
    if (!found) return undefined;
    if (!found.folder.built || !isScriptLanguage(document.language)) {
      // Judged alone for now: the index's build refreshes this document if its requests hit routes.
      this.requestsJudgedBy.set(uri, '[]');
      return undefined;
    }
    const answers = found.folder.requestAnswers(found.file, requestsOf(document.facts.sites));
    this.requestsJudgedBy.set(uri, answersKey(answers));
    return answers.length > 0 ? answers : undefined;
  }

  /**
   * An open document changed: its routes may name other documents' handlers. Refreshes when what an open document
   * was judged by is no longer what the index gives it.
   */
  documentChanged(uri: string, document: SourceDocument, openUris: readonly string[]): void {
    const found = this.folderOf(uri);
    if (found?.folder.built && !isScriptLanguage(document.language)) {
      // A spec's text: its operations as they are now, and the routes' side refreshed.
      const specs = this.specs.get(found.folder);
      if (specs?.mayBeSpec(found.file)) {
        specs.editorText(found.file, document.text);
        this.specVersions.set(uri, document.version);
        this.refreshIfChanged(openUris);
        this.lensesIfChanged(true);
      }
      return;
    }
    if (!found?.folder.built || !isScriptLanguage(document.language) || document.facts.skipped) return;
    found.folder.editorFacts(found.file, document.version, () => documentModuleFacts(document, found.file), document.lines, document.facts.sites);
    // This document too: an edit may have made one of its functions a handler a route elsewhere names.
    this.refreshIfChanged(openUris);
    // A handler's answers or a test's codes show in the lenses of the specs open beside it.
    this.lensesIfChanged(found.folder.handlersOf(found.file).length > 0 || found.folder.requestsIn(found.file).length > 0);
  }

  /**
   * Go to definition: from a route registration to where the handler it names is defined; from a test's request (its
   * path or its method's name) to the route registrations it hits. File URIs and offsets; empty where none.
   */
  definitionAt(uri: string, document: SourceDocument, offset: number): { uri: string; at: number }[] {
    const found = this.folderOf(uri);
    if (!found?.folder.built || !isScriptLanguage(document.language)) return [];
    found.folder.editorFacts(found.file, document.version, () => documentModuleFacts(document, found.file), document.lines, document.facts.sites);
    const handler = found.folder.handlerAt(found.file, offset);
    if (handler) return [{ uri: URI.file(handler.file).toString(), at: handler.at }];
    const hit = found.folder.endpointsAt(found.file, offset);
    return (hit?.endpoints ?? []).map((endpoint) => ({ uri: URI.file(found.folder.absolute(endpoint.file)).toString(), at: endpoint.at }));
  }

  /**
   * An endpoint's status code from where it is written (a handler's site, a spec's response key, a test's expectation,
   * a mock): its definition (site -> the spec key that speaks for the code; spec key -> the sites that answer it) or
   * every place of it (references). File URIs and offsets; empty where the place speaks of no endpoint's code.
   */
  codePlaces(uri: string, document: SourceDocument, offset: number, what: 'definition' | 'references'): { uri: string; at: number; end: number }[] {
    const found = this.folderOf(uri);
    const specs = found && this.specs.get(found.folder);
    if (!found?.folder.built || !specs) return [];
    if (!specs.built) specs.build(collectFiles([found.folder.root]).files);
    if (isScriptLanguage(document.language) && !document.facts.skipped)
      found.folder.editorFacts(found.file, document.version, () => documentModuleFacts(document, found.file), document.lines, document.facts.sites);
    const codes = new EndpointCodes(found.folder, specs);
    const relative = projectPath(found.folder.root, found.file);
    const places = what === 'definition' ? codes.definition(relative, offset) : codes.references(relative, offset);
    return places.map((place) => ({ uri: URI.file(found.folder.absolute(place.file)).toString(), at: place.start, end: place.end }));
  }

  /**
   * What the specs say of the code a handler's site at `offset` answers: for each operation of its endpoints, the key
   * that speaks for the code, its description and where it is (for the hover).
   */
  specResponsesAt(uri: string, document: SourceDocument, offset: number): { key: string; description?: string; place: string }[] {
    const found = this.folderOf(uri);
    const specs = found && this.specs.get(found.folder);
    if (!found?.folder.built || !specs || !isScriptLanguage(document.language)) return [];
    const places = this.codePlaces(uri, document, offset, 'definition');
    return places.flatMap((place) => {
      const file = projectPath(found.folder.root, URI.parse(place.uri).fsPath);
      const text = specs.textOf(file);
      const key = text?.slice(place.at, place.end).replace(/^['"]|['"]$/g, '');
      if (!text || !key) return [];
      const response = specs
        .sources()
        .find((s) => s.file === file)
        ?.facts.operations.flatMap((op) => op.responses)
        .find((r) => r.start === place.at);
      const description = response && responseDescription(text, languageOfFile(file) === 'json' ? 'json' : 'yaml', response);
      return [{ key, ...(description ? { description } : {}), place: `${file}:${specs.lineOf(file, place.at) ?? '?'}` }];
    });
  }

  /**
   * The handlers of an open document that routes name, at its current version: their routes, the codes they answer
   * (known only where every route's answers are) and the test requests that call them.
   */
  handlersOf(uri: string, document: SourceDocument): HandlerSummary[] {
    const found = this.folderOf(uri);
    if (!found?.folder.built || !isScriptLanguage(document.language) || document.facts.skipped) return [];
    // As for route methods: the index as it stands says whether this file holds handlers; an edit that changes that
    // reaches it once typing pauses, and the lenses are asked again then.
    if (found.folder.handlersOf(found.file).length === 0) return [];
    found.folder.editorFacts(found.file, document.version, () => documentModuleFacts(document, found.file), document.lines, document.facts.sites);
    const { folder } = found;
    return folder.handlersOf(found.file).map((handler) => {
      const answers = handler.routes.map((route) => folder.answersOf(route));
      const tests = [...new Set(handler.routes.flatMap((route) => folder.testsOf(route)))];
      return {
        handler,
        codes: [...new Set(answers.flatMap((answer) => (answer ? answeredCodes(answer) : [])))].sort((a, b) => a - b),
        known: answers.every((answer) => answer?.known === true),
        tests: tests.map((test) => ({ uri: URI.file(folder.absolute(test.file)).toString(), line: test.line - 1 })),
      };
    });
  }

  /**
   * The operations of an open spec, at its current version: their response keys, what the handlers of the routes
   * that serve them answer, and what the tests that call those routes expect.
   */
  operationsOf(uri: string, document: SourceDocument): OperationSummary[] {
    const found = this.folderOf(uri);
    const specs = found && this.specs.get(found.folder);
    if (!found?.folder.built || !specs || isScriptLanguage(document.language) || !specs.mayBeSpec(found.file)) return [];
    const { folder } = found;
    if (!specs.built) specs.build(collectFiles([folder.root]).files);
    if (this.specVersions.get(uri) !== document.version) {
      specs.editorText(found.file, document.text);
      this.specVersions.set(uri, document.version);
    }
    const spec = projectPath(folder.root, found.file);
    return specs
      .links(folder.endpoints())
      .operations.filter((linked) => linked.spec === spec)
      .map((linked) => {
        const answers = linked.endpoints.map((endpoint) => folder.answersOf(endpoint));
        const tests = [...new Set(linked.endpoints.flatMap((endpoint) => folder.testsOf(endpoint)))];
        return {
          at: linked.operation.methodStart,
          spec: linked.operation.responses.map((response) => response.key),
          routed: linked.endpoints.length > 0,
          codes: [...new Set(answers.flatMap((answer) => (answer ? answeredCodes(answer) : [])))].sort((a, b) => a - b),
          known: answers.length > 0 && answers.every((answer) => answer?.known === true),
          tests: tests.length > 0 ? [...new Set(tests.flatMap((test) => test.codes))].sort((a, b) => a - b) : undefined,
          row: matrixRowId(linked.operation.method, operationRowPaths(linked)[0]),
        };
      });
  }

  documentClosed(uri: string): void {
    this.specVersions.delete(uri);
    this.judgedBy.delete(uri);
    this.driftJudged.delete(uri);
    this.requestsJudgedBy.delete(uri);
    const found = this.folderOf(uri);
    found?.folder.editorClosed(found.file);
    // A spec closed unsaved: the disk's text is the truth again.
    if (found && !isScriptLanguage(languageOfFile(found.file))) this.specs.get(found.folder)?.editorClosed(found.file);
  }

  /** A file changed, appeared or was deleted on disk. */
  fileChangedOnDisk(uri: string, deleted: boolean, openUris: readonly string[]): void {
    const found = this.folderOf(uri);
    if (!found) return;
    if (!isScriptLanguage(languageOfFile(found.file))) {
      const specs = this.specs.get(found.folder);
      if (found.file.endsWith('.statusdoc.json')) specs?.readConfig();
      else if (deleted) specs?.fileDeleted(found.file);
      else specs?.fileChangedOnDisk(found.file);
      this.refreshIfChanged(openUris);
      // What a spec lists shows in its own lenses (an open one's are asked again whatever the editor thinks).
      if (specs?.mayBeSpec(found.file) || found.file.endsWith('.statusdoc.json')) this.lensesIfChanged(true);
      return;
    }
    if (deleted) found.folder.fileDeleted(found.file);
    else found.folder.fileChangedOnDisk(found.file);
    this.refreshIfChanged(openUris);
    this.lensesIfChanged();
  }

  /**
   * Tells the client to ask for code lenses again when some endpoint, its path or its handler changed, or always
   * (`force`: a spec, a handler or a test changed, whose lenses show what the others say).
   */
  private lensesIfChanged(force = false): void {
    const now = this.folders.map((folder) => folder.endpoints().map((e) => `${e.method} ${e.path} ${e.file} ${e.handler?.file}#${e.handler?.name}`)).join('\n');
    if (now === this.lensedRoutes && !force) return;
    this.lensedRoutes = now;
    this.events.routesChanged?.();
  }

  private refreshIfChanged(uris: readonly string[]): void {
    for (const uri of uris) {
      const found = this.folderOf(uri);
      if (!found) continue;
      const before = this.judgedBy.get(uri);
      if (before !== undefined && JSON.stringify(found.folder.scopesFor(found.file).map((s) => [s.name, s.method, s.registeredAt])) !== before) {
        return this.events.changed();
      }
      const driftBefore = this.driftJudged.get(uri);
      if (driftBefore !== undefined && JSON.stringify(this.driftOf(found.folder, found.file) ?? []) !== driftBefore) return this.events.changed();
    }
    // A test file's requests as the index last read them (its text once typing paused, or the disk's): only the open
    // test files are looked at, each handler file read once (answersOf's cache), never every test of the project.
    for (const uri of uris) {
      const before = this.requestsJudgedBy.get(uri);
      const found = this.folderOf(uri);
      if (before === undefined || !found) continue;
      if (answersKey(found.folder.requestAnswers(found.file, found.folder.requestsIn(found.file))) !== before) return this.events.changed();
    }
  }

  private driftOf(folder: WorkspaceRoutes, file: string): readonly DriftFact[] | undefined {
    const specs = this.specs.get(folder);
    if (!folder.built || !specs) return undefined;
    const endpoints = folder.endpoints();
    // No routes, nothing to compare: the specs are read (a walk, every YAML and JSON file) once there are some.
    if (endpoints.length === 0) return undefined;
    if (!specs.built) specs.build(collectFiles([folder.root]).files);
    return specs.driftIn(folder, projectPath(folder.root, file));
  }

  private folderOf(uri: string): { folder: WorkspaceRoutes; file: string } | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const file = parsed.fsPath;
    const folder = this.folders.find((candidate) => candidate.contains(file));
    return folder && { folder, file };
  }
}

/** What a file's requests are judged by, without offsets (an edit above a request moves it, and changes no verdict). */
function answersKey(answers: readonly RequestAnswers[]): string {
  return JSON.stringify(answers);
}
