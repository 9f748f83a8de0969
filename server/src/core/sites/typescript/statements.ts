/**
 * The parse of one version of a TS/JS document, kept for the next: the compiler's source file and what each top-level
 * statement contributes (its sites, and what they read beyond the statement). The walk goes statement by statement,
 * so that after an edit only the statements the edit touched, or whose reads it changed, are walked again
 * (incremental.ts).
 */
import type ts from 'typescript';
import { importsOf, namesBoundBy, readImports } from '../imports';
import type { ImportFact, Site, SiteMethod } from '../types';
import { SiteFinder } from './finder';
import { importedModules, MethodResolver, tracedNames, type FileScope, type Registration } from './methods';

/** One top-level statement's part of the facts, in the offsets of the version it belongs to. */
export interface StatementFacts {
  /** The statement's full span (leading trivia included), to check that a reused node moved as the edit says. */
  readonly pos: number;
  readonly end: number;
  /** The furthest offset it holds: a site's method may point past the statement (a registration further down). */
  readonly reach: number;
  /** By offset. */
  readonly sites: readonly Site[];
  /** Its imports or requires, and the names it binds (for fixes). */
  readonly imports: readonly ImportFact[];
  readonly names: readonly string[];
  /** Names it binds at the top level that a site may look up (`const res = await request(app)…`, an import, an enum). */
  readonly traced: readonly string[];
  /** Names its sites looked up among the handlers registered by name. */
  readonly handlerReads: ReadonlySet<string> | undefined;
  /** Names its sites looked up among the variables of the top level. */
  readonly topLevelReads: ReadonlySet<string> | undefined;
  /** Its handlers registered by name, once some site has needed the file's (offsets inside the statement). */
  registrations: readonly Registration[] | undefined;
}

export interface TypeScriptParse {
  readonly sourceFile: ts.SourceFile;
  /** Keyed by the statement node: the incremental parser hands back the nodes it reuses, moved. */
  readonly statements: ReadonlyMap<ts.Statement, StatementFacts>;
  /** Handlers registered by name in the whole file, when some site needed them. */
  readonly handlers?: ReadonlyMap<string, SiteMethod>;
}

/**
 * The file-wide facts, built from each statement's registrations (known ones reused, the others read on first need),
 * and the reads of the statement being walked.
 */
export class StatementScope implements FileScope {
  /** The reads of the statement being walked. */
  reading: { handlers?: Set<string>; topLevel?: Set<string> } = {};
  private handlers: Map<string, SiteMethod> | undefined;
  private imports: Map<string, string> | undefined;
  private readonly registrations = new Map<ts.Statement, readonly Registration[]>();
  private readonly resolver: MethodResolver;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    known: ReadonlyMap<ts.Statement, StatementFacts> = new Map(),
  ) {
    this.resolver = new MethodResolver(sourceFile, this);
    for (const [statement, facts] of known) if (facts.registrations) this.registrations.set(statement, facts.registrations);
  }

  namedHandlers(): ReadonlyMap<string, SiteMethod> {
    if (!this.handlers) {
      this.handlers = new Map();
      for (const statement of this.sourceFile.statements) {
        for (const [name, method] of this.registrationsOf(statement)) this.handlers.set(name, method);
      }
    }
    return this.handlers;
  }

  /** The handler map, if anything has built it. */
  get builtHandlers(): ReadonlyMap<string, SiteMethod> | undefined {
    return this.handlers;
  }

  registrationsOf(statement: ts.Statement): readonly Registration[] {
    let found = this.registrations.get(statement);
    if (!found) this.registrations.set(statement, (found = this.resolver.registrationsIn(statement)));
    return found;
  }

  /** What is known of a statement's registrations, without reading them. */
  knownRegistrations(statement: ts.Statement): readonly Registration[] | undefined {
    return this.registrations.get(statement);
  }

  readHandler(name: string): void {
    (this.reading.handlers ??= new Set()).add(name);
  }

  readTopLevel(name: string): void {
    (this.reading.topLevel ??= new Set()).add(name);
  }

  importedFrom(name: string): string | undefined {
    // An import is a top-level name: a statement that read it is walked again when the import changes.
    this.readTopLevel(name);
    this.imports ??= importedModules(readImports(this.sourceFile));
    return this.imports.get(name);
  }
}

/**
 * The names a top-level statement binds that a site elsewhere may look up: the variables a status subject is traced
 * to, and every binding a code is read from (an import of a constants library, an enum, a status helper).
 */
export function tracedOf(statement: ts.Statement, sourceFile: ts.SourceFile): string[] {
  const names = namesBoundBy(statement);
  const traced = tracedNames(statement, sourceFile);
  return names.length === 0 ? traced : [...new Set([...traced, ...names])];
}

/** Walks one statement: its sites and what they read. */
export function readStatement(statement: ts.Statement, finder: SiteFinder, scope: StatementScope): StatementFacts {
  scope.reading = {};
  const sites = finder.findIn(statement);
  const { handlers, topLevel } = scope.reading;
  scope.reading = {};
  let reach = statement.end;
  for (const site of sites) if (site.method) reach = Math.max(reach, site.method.at, site.method.pathEnd ?? 0);
  return {
    pos: statement.pos,
    end: statement.end,
    reach,
    sites,
    imports: importsOf(statement, finder.sourceFile),
    names: namesBoundBy(statement),
    traced: tracedOf(statement, finder.sourceFile),
    handlerReads: handlers,
    topLevelReads: topLevel,
    registrations: undefined,
  };
}

/**
 * The facts of every top-level statement: `kept` ones as they are, the others walked. Returns the parse for the next
 * version and the file's sites (by offset: statements do not overlap, so their sites concatenate in order), imports
 * and top-level names.
 */
export function readStatements(
  sourceFile: ts.SourceFile,
  kept: ReadonlyMap<ts.Statement, StatementFacts> = new Map(),
  scope: StatementScope = new StatementScope(sourceFile, kept),
): { parse: TypeScriptParse; sites: Site[]; imports: ImportFact[]; names: string[] } {
  const finder = new SiteFinder(sourceFile, scope);
  const statements = new Map<ts.Statement, StatementFacts>();
  const sites: Site[] = [];
  const imports: ImportFact[] = [];
  const names: string[] = [];
  for (const statement of sourceFile.statements) {
    const facts = kept.get(statement) ?? readStatement(statement, finder, scope);
    statements.set(statement, facts);
    for (const site of facts.sites) sites.push(site);
    for (const fact of facts.imports) imports.push(fact);
    for (const name of facts.names) names.push(name);
  }
  // Registrations read during the walk (all of them, if any site needed the map) are kept for the next version.
  if (scope.builtHandlers) for (const [statement, facts] of statements) facts.registrations ??= scope.knownRegistrations(statement);
  return { parse: { sourceFile, statements, handlers: scope.builtHandlers }, sites, imports, names };
}
