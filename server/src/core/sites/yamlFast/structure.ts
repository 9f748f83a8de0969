/**
 * The structure pass: walks the line rows by indentation, as the `yaml` composer would build the tree, and finds
 * the same sites findYamlSites finds on that tree, without building it. Mappings are frames that remember the method
 * they name; status values wait in their frame until the method near them (own, parent's, or a sibling mapping's)
 * is known, which is when the parent mapping closes. Anything the composer would report as an error, or would read
 * in a way this pass is not sure of, throws CannotRead: the caller then runs the full parse.
 *
 * The pass is incremental through units (see units.ts): the value of a mapping pair, a mapping item of a sequence,
 * or a group of GROUP_SIZE path items or sequence items, that spans enough lines and whose walk left nothing in the
 * frames around it, is remembered with its sites; the next version's pass takes it as it is (its sites shifted by
 * the edit's length delta) when none of its lines, nor the line that ended it, was lexed anew and it is walked in
 * the same role. What crosses a unit's edge is never remembered in it: a method or status settled by the mapping
 * around it, a responses mapping (its method is the operation key above), `openapi:` and the first `paths:` (read
 * by the root, which is always walked), document markers (they end a unit's lines). A unit keeps its status values
 * even in a spec document: whether the document is a spec is known at its end, where they are dropped.
 */
import type { Site, SiteMethod } from '../types';
import { specResponseSite, statusValueSite } from '../yaml';
import { readFlow, type FlowMap, type FlowNode, type FlowSeq, type ScalarToken } from './flow';
import * as row from './lineTable';
import type { LineTable } from './lineTable';
import { LineKind, ValueKind } from './lines';
import { shiftSites, UnitIndex, type Unit } from './units';
import * as words from './words';

// Module-local copies: read through a module boundary in a hot loop, imports cost a getter call each under tsx.
const CONTENT = LineKind.Content;
const BAD_LINE = LineKind.Bad;
const DOC_START = LineKind.DocStart;
const DOC_END = LineKind.DocEnd;
const V_NONE = ValueKind.None;
const V_SCALAR = ValueKind.Scalar;
const V_FLOW = ValueKind.Flow;
const V_ALIAS = ValueKind.Alias;
const V_BLOCK = ValueKind.Block;
const V_PROPS = ValueKind.Props;
const F_COL = row.F_COL;
const F_HEAD = row.F_HEAD;
const F_INDENT = row.F_INDENT;
const F_KEY_END = row.F_KEY_END;
const F_KEY_INFO = row.F_KEY_INFO;
const F_VAL_END = row.F_VAL_END;
const F_VAL_INFO = row.F_VAL_INFO;
const F_VAL_START = row.F_VAL_START;
const H_COMMENT = row.H_COMMENT;
const H_DASH = row.H_DASH;
const H_KEY = row.H_KEY;
const H_KEY_QUOTE_SHIFT = row.H_KEY_QUOTE_SHIFT;
const H_PLAIN = row.H_PLAIN;
const H_STRONG_TAG = row.H_STRONG_TAG;
const H_TAGGED = row.H_TAGGED;
const H_VAL_QUOTE_SHIFT = row.H_VAL_QUOTE_SHIFT;
const STRIDE = row.STRIDE;
const CHUNK_BITS = row.CHUNK_BITS;
const CHUNK_MASK = row.CHUNK_MASK;
const IS_METHOD = words.IS_METHOD;
const IS_OPERATION = words.IS_OPERATION;
const IS_STATUS = words.IS_STATUS;
const keyInfoOf = words.keyInfoOf;
const valueInfoOf = words.valueInfoOf;
const valueKnown = words.valueKnown;
const valueCode = words.valueCode;
const valueMethod = words.valueMethod;
const W_CALLBACKS = words.W_CALLBACKS;
const W_OPENAPI = words.W_OPENAPI;
const W_ASYNCAPI = words.W_ASYNCAPI;
const W_COMPONENTS = words.W_COMPONENTS;
const W_PATH_ITEMS = words.W_PATH_ITEMS;
const W_PATHS = words.W_PATHS;
const W_RESPONSES = words.W_RESPONSES;
const W_SWAGGER = words.W_SWAGGER;
const W_WEBHOOKS = words.W_WEBHOOKS;
const wordText = words.wordText;
const QUOTES: readonly ScalarToken['quote'][] = ['', "'", '"'];

/** A unit must span at least this many lines to be remembered: smaller ones cost more to keep than to walk. */
const MIN_UNIT_LINES = 12;

export class CannotRead extends Error {}
const CANNOT = new CannotRead();

/** Where a mapping sits in an OpenAPI document, which decides what its keys mean. */
const enum RoleKind {
  None,
  Root,
  Paths,
  PathItem,
  Operation,
  Responses,
  Callbacks,
  /** `components`: its `pathItems` are path items, its `callbacks` callbacks (unitContext keeps kinds to 3 bits). */
  Components,
}

interface Role {
  kind: RoleKind;
  /** Callback nesting: findYamlSites reads callbacks of callbacks three levels deep. */
  depth: number;
  method: SiteMethod | undefined;
}

const NO_ROLE: Role = { kind: RoleKind.None, depth: 0, method: undefined };
const COMPONENTS_ROLE: Role = { kind: RoleKind.Components, depth: 0, method: undefined };
const ROOT_ROLE: Role = { kind: RoleKind.Root, depth: 0, method: undefined };

/** What a unit's walk depends on besides its lines: pair value or sequence item, and the role it is read in. */
const PAIR_UNIT = 0;
const ITEM_UNIT = 1;
/** A run of GROUP_SIZE siblings (path items, sequence items) taken or walked as one, so a long list costs its groups. */
const GROUP_UNIT = 2;
const GROUP_SIZE = 32;
function unitContext(type: number, role: Role): number {
  return type | (role.kind << 2) | (role.depth << 5);
}

interface Candidate {
  start: number;
  end: number;
  code: number;
  quote: ScalarToken['quote'];
  key: string;
}

class Frame {
  own: SiteMethod | undefined;
  firstChildMethod: SiteMethod | undefined;
  candidates: Candidate[] | undefined;
  pending: Frame[] | undefined;
  /** Keys whose first occurrence has been seen (findYamlSites reads the first `paths`, `responses`, …). */
  seen = 0;
  /** Child frames that named a method or held status values: what a unit must not have done to be remembered. */
  touched = 0;
  constructor(readonly parent: Frame | undefined) {}
}

const SEEN_PATHS = 1;
const SEEN_WEBHOOKS = 2;
const SEEN_OPENAPI = 4;
const SEEN_SWAGGER = 8;
const SEEN_RESPONSES = 16;
const SEEN_CALLBACKS = 32;
const SEEN_COMPONENTS = 64;
const SEEN_PATH_ITEMS = 128;
const SEEN_ASYNCAPI = 256;

/** What a value turned out to be. */
export const enum Kind {
  /** Nothing at all: a flow pair without `:`, or no lines below a key (which the block reader turns into an empty scalar). */
  Null,
  Scalar,
  Map,
  Seq,
  /** An alias: not a scalar, not a collection. */
  Other,
}

/** A scalar as the composer would give it: absolute offsets, and what its text holds (words.ts value info). */
interface Scalar {
  start: number;
  end: number;
  quote: ScalarToken['quote'];
  info: number;
}

/** The previous version's units (how its lines map to this version's, the line table says: first, resumeNew, resumeOld). */
export interface PreviousUnits {
  units: readonly Unit[];
}

export class StructurePass {
  private i = 0;
  private readonly sites: Site[] = [];
  private docSpecSites: Site[] = [];
  private docIsOpenApi = false;
  /** OpenAPI, Swagger or AsyncAPI: a `status:` beside a `method:` in it is data, not a test (findYamlSites skips them). */
  private docIsSpec = false;
  private readonly chunks: readonly Int32Array[];
  private readonly startChunks: readonly Int32Array[];
  private readonly bases: readonly number[];
  private readonly count: number;
  /** The units of this version, in order of their first line (an enclosing unit before those inside it). */
  readonly units: (Unit | undefined)[] = [];
  private readonly previous: UnitIndex | undefined;
  /**
   * The scalar the last value read was, when it was one: its line, span and quote, and its value info (which a
   * folded continuation makes unknown). Made into a Scalar only where a status or method key needs it.
   */
  private lastLine = 0;
  private lastStart = 0;
  private lastEnd = 0;
  private lastQuote: ScalarToken['quote'] = '';
  private lastInfo = 0;

  constructor(
    table: LineTable,
    private readonly text: string,
    previous?: PreviousUnits,
  ) {
    this.chunks = table.chunks;
    this.startChunks = table.startChunks;
    this.bases = table.bases;
    this.count = table.count;
    this.previous = previous && previous.units.length > 0 ? new UnitIndex(previous.units, table) : undefined;
  }

  run(): Site[] {
    const n = this.count;
    while (this.i < n) {
      const kind = this.kindAt(this.i);
      if (kind === DOC_START || kind === DOC_END) {
        this.i++;
        continue;
      }
      this.document();
    }
    const sites = this.sites;
    for (let k = 1; k < sites.length; k++) {
      // Units and documents keep text order; status values settled late may not: sort only then.
      if (sites[k - 1].start > sites[k].start) return sites.sort((a, b) => a.start - b.start);
    }
    return sites;
  }

  // ---- reading rows ----

  /** Field `f` of line `j`'s row. */
  private get(j: number, f: number): number {
    return this.chunks[j >> CHUNK_BITS][(j & CHUNK_MASK) * STRIDE + f];
  }
  /** The offset of line `j`. */
  private start(j: number): number {
    const c = j >> CHUNK_BITS;
    return this.bases[c] + this.startChunks[c][j & CHUNK_MASK];
  }

  private head(j: number): number {
    return this.get(j, F_HEAD);
  }
  private kindAt(j: number): number {
    return this.get(j, F_HEAD) & 15;
  }
  private indentAt(j: number): number {
    return this.get(j, F_INDENT);
  }
  private colAt(j: number): number {
    return this.get(j, F_COL);
  }

  /** Line `j`'s text without its line break (as the lexer read it). */
  private lineText(j: number): string {
    const start = this.start(j);
    let end = j + 1 < this.count ? this.start(j + 1) - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** The flow collection written on line `j`, read again from the text. */
  private flowAt(j: number): FlowMap | FlowSeq {
    const flow = readFlow(this.lineText(j), this.get(j, F_VAL_START));
    if (!flow) throw CANNOT; // the lexer read it; a second reading cannot differ
    return flow.node;
  }

  /** The next content line of the document, skipping blanks, comments and block-scalar text; -1 at its end. */
  private peek(): number {
    for (let i = this.i; i < this.count; i++) {
      const kind = this.kindAt(i);
      if (kind === CONTENT) return i;
      if (kind === BAD_LINE) throw CANNOT;
      if (kind === DOC_START || kind === DOC_END) return -1;
    }
    return -1;
  }

  /** Where the walk stopped looking: the next content line or document marker, or the line count. */
  private stopLine(): number {
    for (let i = this.i; i < this.count; i++) {
      const kind = this.kindAt(i);
      if (kind === CONTENT || kind === DOC_START || kind === DOC_END) return i;
      if (kind === BAD_LINE) throw CANNOT;
    }
    return this.count;
  }

  private document(): void {
    this.docSpecSites = [];
    this.docIsOpenApi = false;
    this.docIsSpec = false;
    const statusSitesFrom = this.sites.length;
    const j = this.peek();
    if (j >= 0) {
      const head = this.head(j);
      if (this.indentAt(j) !== 0) throw CANNOT;
      if (head & H_DASH) this.seq(0, undefined);
      else if (head & H_KEY) this.map(0, ROOT_ROLE, undefined);
      else {
        this.i = j + 1;
        const valueKind = (head >> 4) & 15;
        if (valueKind === V_FLOW) this.flowValue(this.flowAt(j), ROOT_ROLE, undefined, j, undefined);
        else if (valueKind === V_BLOCK || valueKind === V_PROPS) throw CANNOT;
      }
      if (this.peek() >= 0) throw CANNOT; // more content after the root node: an error the parser reports
    }
    // Skip to the document's end (blank and comment lines); the marker itself is read by run().
    while (this.i < this.count) {
      const kind = this.kindAt(this.i);
      if (kind === DOC_START || kind === DOC_END) break;
      if (kind === BAD_LINE) throw CANNOT;
      this.i++;
    }
    // Status values settle as their mappings close, before the root knows it is a spec's: dropped here.
    if (this.docIsSpec) this.sites.length = statusSitesFrom;
    if (this.docIsOpenApi) for (const site of this.docSpecSites) this.sites.push(site);
  }

  // ---- scalars ----

  /** The value of line `j` is the scalar of its row. */
  private setRowScalar(j: number): Kind {
    this.lastLine = j;
    this.lastStart = this.get(j, F_VAL_START);
    this.lastEnd = this.get(j, F_VAL_END);
    this.lastQuote = QUOTES[(this.get(j, F_HEAD) >> H_VAL_QUOTE_SHIFT) & 3];
    this.lastInfo = this.get(j, F_VAL_INFO);
    return Kind.Scalar;
  }

  /** The value is an empty scalar on line `j` (no code, no method). */
  private setEmptyScalar(j: number): Kind {
    this.lastLine = j;
    this.lastStart = 0;
    this.lastEnd = 0;
    this.lastQuote = '';
    this.lastInfo = EMPTY_INFO;
    return Kind.Scalar;
  }

  /** The value is a scalar of a flow collection on line `j`. */
  private setTokenScalar(j: number, token: ScalarToken): Kind {
    this.lastLine = j;
    this.lastStart = token.start;
    this.lastEnd = token.end;
    this.lastQuote = token.quote;
    this.lastInfo = valueInfoOf(token.text);
    return Kind.Scalar;
  }

  private lastScalar(): Scalar {
    const base = this.start(this.lastLine);
    return { start: base + this.lastStart, end: base + this.lastEnd, quote: this.lastQuote, info: this.lastInfo };
  }

  // ---- block collections ----

  /**
   * A block mapping whose keys sit at column `col`; its first key is on the next content line (which may be a
   * `- key: value` line, the mapping then being a sequence item).
   */
  private map(col: number, role: Role, parent: Frame | undefined): void {
    const frame = new Frame(parent);
    // Path items are grouped: their keys mean nothing to the frame, and those that touch it keep their group out.
    const groups = role.kind === RoleKind.Paths ? new Groups(unitContext(GROUP_UNIT, role)) : undefined;
    let first = true;
    for (;;) {
      const j = this.peek();
      if (j < 0) break;
      const head = this.head(j);
      if (first ? this.colAt(j) !== col || !(head & H_KEY) : this.indentAt(j) !== col || (head & H_DASH) !== 0 || !(head & H_KEY)) {
        if (this.indentAt(j) < col && !first) break;
        throw CANNOT;
      }
      first = false;
      if (groups && this.groupAt(groups, j, frame)) continue;
      this.i = j + 1;
      const info = this.get(j, F_KEY_INFO);
      const childRole = this.keyRole(frame, role, info, j);
      const kind = this.pairValue(j, col, childRole, frame, info);
      this.pairDone(frame, role, info, kind);
      if (groups) {
        groups.children++;
        if (IS_METHOD[info & 255] || IS_STATUS[info & 255]) groups.clean = false;
      }
    }
    if (groups) this.closeGroup(groups, frame);
    this.close(frame);
  }

  /**
   * At a child of a grouped list (line `j`): every GROUP_SIZE children, closes the group before and takes the
   * previous version's group starting here, if it holds (then answers true: its children are skipped), or opens one.
   */
  private groupAt(groups: Groups, j: number, frame: Frame | undefined): boolean {
    if (groups.children % GROUP_SIZE !== 0) return false;
    this.closeGroup(groups, frame);
    const taken = this.reuse(j, groups.context);
    if (taken) {
      groups.children += taken.children;
      return true;
    }
    groups.open = this.openUnit();
    groups.line = j;
    groups.from = groups.children;
    groups.clean = true;
    groups.touched = frame ? frame.touched : 0;
    return false;
  }

  private closeGroup(groups: Groups, frame: Frame | undefined): void {
    const open = groups.open;
    if (!open) return;
    groups.open = undefined;
    const clean = groups.clean && (!frame || frame.touched === groups.touched);
    this.closeUnit(open, groups.line, groups.context, Kind.Other, clean, groups.children - groups.from);
  }

  /** The value of the pair on line `j`: a remembered unit when one fits, else walked (and remembered if worth it). */
  private pairValue(j: number, col: number, role: Role, frame: Frame, info: number): Kind {
    const status = IS_STATUS[info & 255];
    // A responses mapping's sites carry the method of the operation above it, a line outside the unit: no unit.
    if (role.kind === RoleKind.Responses) return this.inlineOrNested(j, col, true, role, frame, status);
    const context = unitContext(PAIR_UNIT, role);
    const reused = this.reuse(j, context);
    if (reused) return reused.kind as Kind;
    const slot = this.openUnit();
    const touched = frame.touched;
    const kind = this.inlineOrNested(j, col, true, role, frame, status);
    // A scalar's or a status list's value is read by pairDone from what the walk left behind: not a unit.
    const keepable = kind === Kind.Map || (kind === Kind.Seq && !status);
    this.closeUnit(slot, j, context, kind, keepable && frame.touched === touched);
    return kind;
  }

  /** A block sequence whose dashes sit at column `col`. Collects its scalar items when asked (status lists). */
  private seq(col: number, collect: Scalar[] | undefined): void {
    // Items have no frame around them; a status list's items are read by the pair holding it, so it is not grouped.
    const groups = collect ? undefined : new Groups(unitContext(GROUP_UNIT, NO_ROLE));
    for (;;) {
      const j = this.peek();
      if (j < 0) break;
      const indent = this.indentAt(j);
      const head = this.head(j);
      if (indent < col || (indent === col && !(head & H_DASH))) break;
      if (indent > col) throw CANNOT;
      if (groups) {
        if (this.groupAt(groups, j, undefined)) continue;
        groups.children++;
      }
      if (head & H_KEY) {
        this.mapItem(j);
        continue;
      }
      this.i = j + 1;
      const kind = this.inlineOrNested(j, col, false, NO_ROLE, undefined, collect !== undefined);
      if (kind === Kind.Scalar && collect) collect.push(this.lastScalar());
    }
    if (groups) this.closeGroup(groups, undefined);
  }

  /** A `- key: value` item of a sequence: a mapping with no parent frame, so always a unit when big enough. */
  private mapItem(j: number): void {
    const context = unitContext(ITEM_UNIT, NO_ROLE);
    if (this.reuse(j, context)) return;
    const slot = this.openUnit();
    this.map(this.colAt(j), NO_ROLE, undefined);
    this.closeUnit(slot, j, context, Kind.Map, true);
  }

  // ---- units ----

  /** Units taken from the previous version, and how many of them had their sites shifted (for tests and the bench). */
  taken = 0;
  shifted = 0;

  /** Takes the previous version's unit starting on line `j` in `context`, if it still holds; returns its kind. */
  private reuse(j: number, context: number): Unit | undefined {
    const previous = this.previous;
    const unit = previous?.find(j, context);
    if (!unit) return undefined;
    const shift = previous!.lineShift(unit);
    const base = this.start(j);
    const delta = base - unit.base;
    this.taken++;
    if (delta !== 0) this.shifted++;
    // The unit keeps its sites and their base (shifted again from there when next taken): no copy kept per version.
    this.units.push(shift === 0 ? unit : { ...unit, line: j, stop: unit.stop + shift });
    // The units inside it stay for a later edit inside it; their sites are shifted when they are taken.
    previous!.carry(unit, shift, this.units);
    const sites = this.sites;
    if (delta === 0) for (const site of unit.sites) sites.push(site);
    else shiftSites(unit.sites, delta, sites);
    if (delta === 0) for (const site of unit.specSites) this.docSpecSites.push(site);
    else shiftSites(unit.specSites, delta, this.docSpecSites);
    this.i = unit.stop + shift;
    return unit;
  }

  /** Before walking what may become a unit: a slot for it ahead of the units inside it. */
  private openUnit(): OpenUnit {
    this.units.push(undefined);
    return { slot: this.units.length - 1, sites: this.sites.length, specSites: this.docSpecSites.length };
  }

  private closeUnit(open: OpenUnit, j: number, context: number, kind: Kind, keepable: boolean, children = 0): void {
    if (!keepable) return;
    const stop = this.stopLine();
    if (stop - j < MIN_UNIT_LINES) return;
    const sites = this.sites.slice(open.sites);
    const specSites = this.docSpecSites.slice(open.specSites);
    this.units[open.slot] = {
      line: j,
      stop,
      context,
      kind,
      children,
      base: this.start(j),
      sites: sites.length ? sites : NO_SITES,
      specSites: specSites.length ? specSites : NO_SITES,
    };
  }

  // ---- values ----

  /**
   * The value of a key (or of a dash) on line `j`: written on the line, or on the more-indented lines below
   * (`col` is the key's or dash's column). A mapping's key may also have a sequence at its own column.
   */
  private inlineOrNested(j: number, col: number, sameIndentSeq: boolean, role: Role, parent: Frame | undefined, wantScalars: boolean): Kind {
    const head = this.head(j);
    const valueKind = (head >> 4) & 15;
    switch (valueKind) {
      case V_NONE:
      case V_PROPS: {
        const kind = this.nested(col, sameIndentSeq, role, parent, wantScalars);
        if (kind === Kind.Null) {
          // In block style an empty value is an empty scalar, not nothing (so `openapi:` alone still counts);
          // empty, it is no code and no method.
          return this.setEmptyScalar(j);
        }
        if (valueKind === V_PROPS && ((head & H_STRONG_TAG && kind !== Kind.Scalar) || (head & H_TAGGED && kind === Kind.Scalar))) throw CANNOT;
        return kind;
      }
      case V_ALIAS:
        this.noMoreIndented(col);
        return Kind.Other;
      case V_BLOCK:
        this.setRowScalar(j);
        this.noMoreIndented(col);
        return Kind.Scalar;
      case V_FLOW:
        this.noMoreIndented(col);
        return this.flowValue(this.flowAt(j), role, parent, j, wantScalars ? [] : undefined);
      case V_SCALAR:
        this.setRowScalar(j);
        if (head & H_PLAIN) this.continuation(col, (head & H_COMMENT) !== 0);
        else this.noMoreIndented(col);
        return Kind.Scalar;
      default:
        throw CANNOT;
    }
  }

  /** A value on the lines below a key or dash at column `col`. */
  private nested(col: number, sameIndentSeq: boolean, role: Role, parent: Frame | undefined, wantScalars: boolean): Kind {
    const j = this.peek();
    if (j < 0) return Kind.Null;
    const indent = this.indentAt(j);
    const head = this.head(j);
    if (indent > col) {
      if (head & H_DASH) return this.seqValue(indent, wantScalars);
      if (head & H_KEY) {
        this.map(indent, role, parent);
        return Kind.Map;
      }
      this.i = j + 1;
      const valueKind = (head >> 4) & 15;
      if (valueKind === V_PROPS || valueKind === V_BLOCK) throw CANNOT;
      return this.inlineOrNested(j, col, false, role, parent, wantScalars);
    }
    if (indent === col && head & H_DASH && sameIndentSeq) return this.seqValue(col, wantScalars);
    return Kind.Null;
  }

  private seqValue(col: number, wantScalars: boolean): Kind {
    const items: Scalar[] | undefined = wantScalars ? [] : undefined;
    this.seq(col, items);
    this.seqScalars = items;
    return Kind.Seq;
  }

  /** The scalar items of the last sequence read, when they were collected. */
  private seqScalars: Scalar[] | undefined;

  /** A plain scalar may go on over more-indented lines; its text is then folded, which this pass does not resolve. */
  private continuation(col: number, comment: boolean): void {
    for (;;) {
      const j = this.peek();
      if (j < 0) return;
      if (this.indentAt(j) <= col) return;
      const head = this.head(j);
      if (comment || head & (H_DASH | H_KEY) || ((head >> 4) & 15) !== V_SCALAR || !(head & H_PLAIN)) throw CANNOT;
      comment = (head & H_COMMENT) !== 0;
      this.lastInfo = 0;
      this.i = j + 1;
    }
  }

  /** After a value that cannot go on below, a more-indented line is an error. */
  private noMoreIndented(col: number): void {
    const j = this.peek();
    if (j >= 0 && this.indentAt(j) > col) throw CANNOT;
  }

  // ---- what keys mean ----

  /** The role a key (of key info `info`, on line `line`) gives its value, and the OpenAPI response sites keys are. */
  private keyRole(frame: Frame, role: Role, info: number, line: number, token?: ScalarToken): Role {
    const word = info & 255;
    switch (role.kind) {
      case RoleKind.None:
        return NO_ROLE;
      case RoleKind.Root:
        if (word === W_PATHS && !(frame.seen & SEEN_PATHS)) {
          frame.seen |= SEEN_PATHS;
          return PATHS_ROLES[0];
        }
        if (word === W_WEBHOOKS && !(frame.seen & SEEN_WEBHOOKS)) {
          frame.seen |= SEEN_WEBHOOKS;
          return PATHS_ROLES[0];
        }
        if (word === W_COMPONENTS && !(frame.seen & SEEN_COMPONENTS)) {
          frame.seen |= SEEN_COMPONENTS;
          return COMPONENTS_ROLE;
        }
        return NO_ROLE;
      case RoleKind.Components:
        if (word === W_PATH_ITEMS && !(frame.seen & SEEN_PATH_ITEMS)) {
          frame.seen |= SEEN_PATH_ITEMS;
          return PATHS_ROLES[0];
        }
        if (word === W_CALLBACKS && !(frame.seen & SEEN_CALLBACKS)) {
          frame.seen |= SEEN_CALLBACKS;
          // Read as the callbacks of an operation of `paths` (findYamlSites: depth 1 for their path items).
          return CALLBACKS_ROLES[0];
        }
        return NO_ROLE;
      case RoleKind.Paths:
        return PATH_ITEM_ROLES[role.depth];
      case RoleKind.PathItem:
        if (!IS_OPERATION[word]) return NO_ROLE;
        return {
          kind: RoleKind.Operation,
          depth: role.depth,
          method: { name: wordText(word).toUpperCase(), source: 'openapi', at: this.start(line) + this.keyStart(line, token) },
        };
      case RoleKind.Operation:
        if (word === W_RESPONSES && !(frame.seen & SEEN_RESPONSES)) {
          frame.seen |= SEEN_RESPONSES;
          return { kind: RoleKind.Responses, depth: role.depth, method: role.method };
        }
        if (word === W_CALLBACKS && !(frame.seen & SEEN_CALLBACKS)) {
          frame.seen |= SEEN_CALLBACKS;
          return role.depth < 3 ? CALLBACKS_ROLES[role.depth] : NO_ROLE;
        }
        return NO_ROLE;
      case RoleKind.Callbacks:
        return PATHS_ROLES[role.depth + 1];
      case RoleKind.Responses: {
        const code = info >> 8;
        if (code !== 0) {
          const base = this.start(line);
          const start = token ? token.start : this.get(line, F_COL);
          const end = token ? token.end : this.get(line, F_KEY_END);
          const quote = token ? token.quote : QUOTES[(this.get(line, F_HEAD) >> H_KEY_QUOTE_SHIFT) & 3];
          this.docSpecSites.push(specResponseSite(base + start, base + end, code, quote, role.method!));
        }
        return NO_ROLE;
      }
    }
  }

  private keyStart(line: number, token: ScalarToken | undefined): number {
    return token ? token.start : this.get(line, F_COL); // a key starts where its entry does
  }

  /** After a pair's value is known: the method the mapping names, the status values it holds, `openapi:` present. */
  private pairDone(frame: Frame, role: Role, info: number, kind: Kind): void {
    const word = info & 255;
    if (role.kind === RoleKind.Root) {
      const flag = word === W_OPENAPI ? SEEN_OPENAPI : word === W_SWAGGER ? SEEN_SWAGGER : word === W_ASYNCAPI ? SEEN_ASYNCAPI : 0;
      if (flag && !(frame.seen & flag)) {
        frame.seen |= flag;
        if (kind !== Kind.Null) {
          this.docIsSpec = true;
          if (flag !== SEEN_ASYNCAPI) this.docIsOpenApi = true;
        }
      }
    }
    if (kind === Kind.Scalar && !frame.own && IS_METHOD[word]) {
      const scalar = this.lastScalar();
      if (!valueKnown(scalar.info)) throw CANNOT;
      const name = valueMethod(scalar.info);
      if (name) frame.own = { name, source: 'mapping', at: scalar.start };
    }
    if (IS_STATUS[word]) {
      const values = kind === Kind.Scalar ? [this.lastScalar()] : kind === Kind.Seq ? this.seqScalars! : [];
      for (const value of values) {
        if (!valueKnown(value.info)) throw CANNOT;
        const code = valueCode(value.info);
        if (code === 0) continue;
        (frame.candidates ??= []).push({ start: value.start, end: value.end, code, quote: value.quote, key: wordText(word) });
      }
    }
  }

  /** A mapping is complete: settle its status values, and those of its children that waited for it. */
  private close(frame: Frame): void {
    if (frame.pending) {
      const method = frame.own ?? frame.firstChildMethod;
      if (method) for (const child of frame.pending) this.emit(child.candidates!, method);
    }
    const parent = frame.parent;
    if (!parent) {
      if (frame.candidates && frame.own) this.emit(frame.candidates, frame.own);
      return;
    }
    if (frame.own || frame.candidates) parent.touched++;
    if (frame.candidates) {
      if (frame.own) this.emit(frame.candidates, frame.own);
      else (parent.pending ??= []).push(frame);
    }
    if (frame.own && !parent.firstChildMethod) parent.firstChildMethod = frame.own;
  }

  private emit(candidates: Candidate[], method: SiteMethod): void {
    for (const c of candidates) this.sites.push(statusValueSite(c.start, c.end, c.code, c.quote, c.key, method));
  }

  // ---- flow collections ----

  /** A flow collection on line `line`, walked like a block one. */
  private flowValue(node: FlowMap | FlowSeq, role: Role, parent: Frame | undefined, line: number, collect: Scalar[] | undefined): Kind {
    if (node.kind === 'seq') {
      for (const item of node.items) {
        const kind = this.flowNode(item, NO_ROLE, undefined, line, false);
        if (kind === Kind.Scalar && collect) collect.push(this.lastScalar());
      }
      this.seqScalars = collect;
      return Kind.Seq;
    }
    const frame = new Frame(parent);
    for (const pair of node.pairs) {
      const keyText = pair.key.text;
      if (keyText === undefined) throw CANNOT;
      const info = keyInfoOf(keyText);
      const childRole = this.keyRole(frame, role, info, line, pair.key);
      const kind = pair.value ? this.flowNode(pair.value, childRole, frame, line, IS_STATUS[info & 255]) : Kind.Null;
      this.pairDone(frame, role, info, kind);
    }
    this.close(frame);
    return Kind.Map;
  }

  private flowNode(node: FlowNode, role: Role, parent: Frame | undefined, line: number, wantScalars: boolean): Kind {
    if (node.kind === 'scalar') return this.setTokenScalar(line, node);
    return this.flowValue(node, role, parent, line, wantScalars ? [] : undefined);
  }
}

/** Where a unit being walked began: its slot in the units, and how many sites there were before it. */
interface OpenUnit {
  slot: number;
  sites: number;
  specSites: number;
}

/** The group being walked in a list of siblings. */
class Groups {
  /** Children of the list so far. */
  children = 0;
  open: OpenUnit | undefined;
  /** Its first line, and the number of children before it. */
  line = 0;
  from = 0;
  /** No child touched the frame around them (nor named a method or status there). */
  clean = true;
  touched = 0;
  constructor(readonly context: number) {}
}

/** The value info of an empty scalar: known, no code, no method. */
const EMPTY_INFO = valueInfoOf('');
const NO_SITES: Site[] = [];

// Roles without a method are the same object for the same depth: a unit's context compares kind and depth only.
const PATHS_ROLES: readonly Role[] = [0, 1, 2, 3, 4].map((depth) => ({ kind: RoleKind.Paths, depth, method: undefined }));
const PATH_ITEM_ROLES: readonly Role[] = [0, 1, 2, 3, 4].map((depth) => ({ kind: RoleKind.PathItem, depth, method: undefined }));
const CALLBACKS_ROLES: readonly Role[] = [0, 1, 2, 3].map((depth) => ({ kind: RoleKind.Callbacks, depth, method: undefined }));
