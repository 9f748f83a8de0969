/**
 * The next version's parse from the last one: TypeScript's own incremental parser (`ts.updateSourceFile`) reuses the
 * nodes the edit did not touch, and a reused top-level statement keeps its sites, moved, unless what they read beyond
 * the statement changed:
 *
 *  - the handlers registered by name (`app.post('/x', create)` lends POST to `function create`): the file-wide map is
 *    rebuilt from each statement's registrations and compared with the last version's; a statement that looked up a
 *    name whose entry changed is walked again;
 *  - the names of the top level (`const res = await request(app).post('/x')` lends POST to `res.status`; an import
 *    says which library `status.NOT_FOUND` is from; a local helper makes `json(429, body)` a status): a statement
 *    that looked up a name bound by a statement the edit added, changed or removed is walked again.
 *
 * Everything else a site reads (the handler around it, the call chain, its own scopes) lies inside its statement.
 * The old parse is consumed: the incremental parser moves and reuses its nodes.
 */
import ts from 'typescript';
import type { TextChange } from '../../text';
import type { ImplicitAnswer, ImportFact, OpenEnd, Site, SiteMethod } from '../types';
import type { Registration } from './methods';
import { readStatements, StatementScope, tracedOf, type StatementFacts, type TypeScriptParse } from './statements';

/** Old offset -> new offset, for offsets outside the change; NaN inside it (what was there is gone). */
type OffsetMap = (offset: number) => number;

function offsetMap(change: TextChange): OffsetMap {
  const delta = change.newEnd - change.oldEnd;
  return (offset) => (offset < change.start ? offset : offset >= change.oldEnd ? offset + delta : Number.NaN);
}

/** Whether `change` really turns `before` into `after`; a wrong one would make the incremental parser read garbage. */
export function fits(before: string, after: string, change: TextChange): boolean {
  const { start, oldEnd, newEnd } = change;
  if (!(start >= 0 && start <= oldEnd && oldEnd <= before.length && start <= newEnd && newEnd <= after.length)) return false;
  if (before.length - oldEnd !== after.length - newEnd) return false;
  // Slices compared whole (===) are compared fast; startsWith is not.
  return before.slice(0, start) === after.slice(0, start) && before.slice(oldEnd) === after.slice(newEnd);
}

/** The next version's parse and sites, or undefined where the change does not fit the texts. */
export function updateParse(previous: TypeScriptParse, text: string, change: TextChange): ReturnType<typeof readStatements> | undefined {
  const before = previous.sourceFile;
  if (!fits(before.text, text, change)) return undefined;
  const sourceFile = ts.updateSourceFile(before, text, {
    span: { start: change.start, length: change.oldEnd - change.start },
    newLength: change.newEnd - change.start,
  });
  const move = offsetMap(change);

  // The statements the parser reused, moved as the edit says, with their facts moved too.
  const candidates = new Map<ts.Statement, StatementFacts>();
  for (const statement of sourceFile.statements) {
    const facts = previous.statements.get(statement);
    if (!facts || move(facts.pos) !== statement.pos || move(facts.end) !== statement.end) continue;
    const moved = moveFacts(facts, change, move);
    if (moved) candidates.set(statement, moved);
  }

  // Top-level names bound by the statements that are gone or new.
  const rebound = new Set<string>();
  for (const [statement, facts] of previous.statements) if (!candidates.has(statement)) for (const name of facts.traced) rebound.add(name);
  for (const statement of sourceFile.statements) if (!candidates.has(statement)) for (const name of tracedOf(statement, sourceFile)) rebound.add(name);

  // Handlers registered by name whose route changed, if any reused statement looked one up.
  const scope = new StatementScope(sourceFile, candidates);
  let handlerReaders = false;
  for (const facts of candidates.values()) handlerReaders ||= facts.handlerReads !== undefined;
  const changedHandlers = handlerReaders ? changedEntries(previous.handlers, scope.namedHandlers(), move) : undefined;

  const kept = new Map<ts.Statement, StatementFacts>();
  for (const [statement, facts] of candidates) {
    if (facts.topLevelReads && overlaps(facts.topLevelReads, rebound)) continue;
    if (facts.handlerReads && (!changedHandlers || overlaps(facts.handlerReads, changedHandlers))) continue;
    kept.set(statement, facts);
  }
  return readStatements(sourceFile, kept, scope);
}

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const name of a) if (b.has(name)) return true;
  return false;
}

/** Names whose entry differs between the last version's map (moved) and this one's; all of them when the last is unknown. */
function changedEntries(before: ReadonlyMap<string, SiteMethod> | undefined, after: ReadonlyMap<string, SiteMethod>, move: OffsetMap): Set<string> | undefined {
  if (!before) return undefined;
  const changed = new Set<string>();
  for (const [name, method] of after) {
    const old = before.get(name);
    if (!old || !sameMethod(moveMethod(old, move), method)) changed.add(name);
  }
  for (const name of before.keys()) if (!after.has(name)) changed.add(name);
  return changed;
}

function sameMethod(a: SiteMethod | undefined, b: SiteMethod | undefined): boolean {
  return (
    a === b ||
    (!!a &&
      !!b &&
      a.name === b.name &&
      a.source === b.source &&
      a.at === b.at &&
      String(a.others) === String(b.others) &&
      a.path === b.path &&
      a.pathStart === b.pathStart &&
      a.app === b.app)
  );
}

function moveMethod(method: SiteMethod, move: OffsetMap): SiteMethod | undefined {
  const at = move(method.at);
  if (Number.isNaN(at)) return undefined;
  if (method.pathStart === undefined || method.pathEnd === undefined) return at === method.at ? method : { ...method, at };
  const pathStart = move(method.pathStart);
  const pathEnd = move(method.pathEnd);
  if (Number.isNaN(pathStart) || Number.isNaN(pathEnd)) return undefined;
  return at === method.at && pathStart === method.pathStart ? method : { ...method, at, pathStart, pathEnd };
}

/** A reused statement's facts in the new offsets; undefined if an offset they hold fell inside the change. */
function moveFacts(facts: StatementFacts, change: TextChange, move: OffsetMap): StatementFacts | undefined {
  // Nothing it holds lies at or after the change: the same facts serve.
  if (facts.reach < change.start) return facts;
  const sites: Site[] = new Array(facts.sites.length);
  for (let i = 0; i < facts.sites.length; i++) {
    const site = facts.sites[i];
    const start = move(site.start);
    const end = move(site.end);
    if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
    const method = site.method && moveMethod(site.method, move);
    if (site.method && !method) return undefined;
    if (start === site.start && end === site.end && method === site.method) sites[i] = site;
    else sites[i] = method ? { ...site, start, end, method } : { ...site, start, end };
  }
  let registrations: Registration[] | undefined;
  if (facts.registrations) {
    registrations = new Array(facts.registrations.length);
    for (let i = 0; i < facts.registrations.length; i++) {
      const [name, method] = facts.registrations[i];
      const moved = moveMethod(method, move);
      if (!moved) return undefined;
      registrations[i] = [name, moved];
    }
  }
  const openEnds = moveSpans(facts.openEnds, move);
  const implicitAnswers = moveSpans(facts.implicitAnswers, move);
  if (!openEnds || !implicitAnswers) return undefined;
  const imports = facts.imports.map((fact) => moveImport(fact, move));
  return {
    pos: move(facts.pos),
    end: move(facts.end),
    reach: move(facts.reach),
    sites,
    openEnds,
    implicitAnswers,
    imports,
    names: facts.names,
    traced: facts.traced,
    handlerReads: facts.handlerReads,
    topLevelReads: facts.topLevelReads,
    registrations,
  };
}

/** Spans of a reused statement in the new offsets; undefined if one fell inside the change. */
function moveSpans<T extends OpenEnd | ImplicitAnswer>(spans: readonly T[], move: OffsetMap): T[] | undefined {
  const moved: T[] = new Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const start = move(spans[i].start);
    const end = move(spans[i].end);
    if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
    moved[i] = start === spans[i].start && end === spans[i].end ? spans[i] : { ...spans[i], start, end };
  }
  return moved;
}

/** An import of a reused statement: all its offsets lie inside the statement, outside the change. */
function moveImport(fact: ImportFact, move: OffsetMap): ImportFact {
  const moved: ImportFact = {
    ...fact,
    start: move(fact.start),
    end: move(fact.end),
    names: fact.names.map((name) => ({ ...name, start: move(name.start), end: move(name.end) })),
  };
  if (fact.namedInsertAt !== undefined) moved.namedInsertAt = move(fact.namedInsertAt);
  return moved;
}
