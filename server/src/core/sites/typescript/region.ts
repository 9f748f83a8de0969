/**
 * The sites a fresh parse of an edited text would find around a small edit, read from the last parse without
 * touching it: only the top-level statement holding the edit is parsed again (with the statement after it, so that
 * the parser sees what follows, as it would in the whole file), as a small text of its own, its offsets moved back
 * after. Completion tries a placeholder code at the cursor this way, on a parse the document keeps for its next version.
 *
 * What the statement's sites read beyond it comes from the last parse: the handlers registered by name (the other
 * statements' registrations, moved past the edit) and the top-level variables (where a statement before it binds a
 * name its sites look up, the answer is not certain here, and undefined says so). Undefined too where the edit
 * spills out of its statement, or the padded text would not parse as the file does (module or script).
 */
import ts from 'typescript';
import type { TextChange } from '../../text';
import type { Site, SiteMethod } from '../types';
import { bindingsOf, type Binding, type TopLevelNames } from './bindings';
import { SiteFinder } from './finder';
import { fits } from './incremental';
import { PARSE_OPTIONS } from './parseOptions';
import { importsOf } from '../imports';
import { importedModules, MethodResolver, type FileScope } from './methods';
import { StatementScope, type TypeScriptParse } from './statements';

/** Makes the padded text a module when the file is one: top-level `await` parses differently in a module. */
const MODULE_MARKER = 'export {};';

export function sitesAroundEdit(parse: TypeScriptParse, scriptKind: ts.ScriptKind, text: string, change: TextChange): Site[] | undefined {
  const { sourceFile } = parse;
  if (!fits(sourceFile.text, text, change)) return undefined;
  const statements = sourceFile.statements;
  const index = statementHolding(statements, change);
  if (index === undefined) return undefined;
  const statement = statements[index];
  // The statement keeps its first token: the one before it, which may have looked at that token, parses the same.
  if (statement.getStart(sourceFile) >= change.start) return undefined;

  const delta = change.newEnd - change.oldEnd;
  const regionEnd = (index + 1 < statements.length ? statements[index + 1].end : sourceFile.text.length) + delta;
  const isModule = ts.isExternalModule(sourceFile);
  const marker = isModule ? MODULE_MARKER : '';
  // Region offsets: the marker, then the text from the statement's full start; `base` turns them into the file's.
  const base = statement.pos - marker.length;
  const region = ts.createSourceFile('document', marker + text.slice(statement.pos, regionEnd), PARSE_OPTIONS, true, scriptKind);
  if (ts.isExternalModule(region) !== isModule) return undefined;

  // The edited statement, now perhaps several: those after the marker ending where the old statement ended, moved.
  const statementEnd = statement.end + delta - base;
  const edited = region.statements.filter((candidate) => candidate.pos >= marker.length && candidate.end <= statementEnd);
  if (edited.length === 0 || edited[edited.length - 1].end !== statementEnd) return undefined;

  const scope = new RegionScope(parse, index, region, edited, delta, base);
  const finder = new SiteFinder(region, scope, regionTopLevel(parse, index, edited));
  const sites = edited.flatMap((node) => finder.findIn(node)).map((site) => moved(site, base));
  // A name its sites looked up among the top-level variables, bound before it: the answer lies outside the region.
  if (scope.topLevelReads.size > 0) {
    for (let before = 0; before < index; before++) {
      const traced = parse.statements.get(statements[before])?.traced ?? [];
      if (traced.some((name) => scope.topLevelReads.has(name))) return undefined;
    }
  }
  return sites;
}

function moved(site: Site, by: number): Site {
  const { method } = site;
  return method
    ? { ...site, start: site.start + by, end: site.end + by, method: movedMethod(method, by) }
    : { ...site, start: site.start + by, end: site.end + by };
}

function movedMethod(method: SiteMethod, by: number): SiteMethod {
  const moved = { ...method, at: method.at + by };
  if (method.pathStart !== undefined && method.pathEnd !== undefined) Object.assign(moved, { pathStart: method.pathStart + by, pathEnd: method.pathEnd + by });
  return moved;
}

/**
 * The names of the top level as the whole file binds them: the edited statement's own from the region, the others'
 * from the last parse (unchanged by the edit; a site reads only their kind and values, never their offsets).
 */
function regionTopLevel(parse: TypeScriptParse, index: number, edited: readonly ts.Statement[]): TopLevelNames {
  let names: Map<string, Binding> | undefined;
  return {
    bindingOf(name) {
      const statements = parse.sourceFile.statements;
      names ??= bindingsOf([...statements.slice(0, index), ...edited, ...statements.slice(index + 1)]);
      return names.get(name);
    },
  };
}

/** The top-level statement whose span holds the whole change. */
function statementHolding(statements: ts.NodeArray<ts.Statement>, change: TextChange): number | undefined {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const statement = statements[mid];
    if (statement.end <= change.start) low = mid + 1;
    else if (statement.pos > change.start) high = mid - 1;
    else return change.oldEnd <= statement.end ? mid : undefined;
  }
  return undefined;
}

/** The file-wide facts for the edited statement: the others' from the last parse, its own from the region. */
class RegionScope implements FileScope {
  readonly topLevelReads = new Set<string>();
  private handlers: Map<string, SiteMethod> | undefined;
  private imports: Map<string, string> | undefined;

  constructor(
    private readonly parse: TypeScriptParse,
    private readonly index: number,
    private readonly region: ts.SourceFile,
    private readonly edited: readonly ts.Statement[],
    private readonly delta: number,
    private readonly base: number,
  ) {}

  namedHandlers(): ReadonlyMap<string, SiteMethod> {
    if (!this.handlers) {
      const handlers = new Map<string, SiteMethod>();
      const { sourceFile, statements } = this.parse;
      const last = new StatementScope(sourceFile, statements);
      const own = new MethodResolver(this.region, this);
      sourceFile.statements.forEach((statement, index) => {
        if (index === this.index) {
          for (const node of this.edited) for (const [name, method] of own.registrationsIn(node)) handlers.set(name, method);
          return;
        }
        // In the region's offsets, as the edited statement's own: the sites found are moved back by `base`.
        const by = (index < this.index ? 0 : this.delta) - this.base;
        for (const [name, method] of last.registrationsOf(statement)) handlers.set(name, movedMethod(method, by));
      });
      this.handlers = handlers;
    }
    return this.handlers;
  }

  readHandler(): void {}

  readTopLevel(name: string): void {
    this.topLevelReads.add(name);
  }

  /** The imports of the other statements (from the last parse) and of the edited one (from the region). */
  importedFrom(name: string): string | undefined {
    if (!this.imports) {
      const { sourceFile } = this.parse;
      const facts = sourceFile.statements.flatMap((statement, index) =>
        index === this.index ? this.edited.flatMap((node) => importsOf(node, this.region)) : importsOf(statement, sourceFile),
      );
      this.imports = importedModules(facts);
    }
    return this.imports.get(name);
  }
}
