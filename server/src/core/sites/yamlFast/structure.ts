/**
 * The structure pass: walks the line records by indentation, as the `yaml` composer would build the tree, and finds
 * the same sites findYamlSites finds on that tree, without building it. Mappings are frames that remember the method
 * they name; status values wait in their frame until the method near them (own, parent's, or a sibling mapping's)
 * is known, which is when the parent mapping closes. Anything the composer would report as an error, or would read
 * in a way this pass is not sure of, throws CannotRead: the caller then runs the full parse.
 */
import { normalizeMethod } from '../../table/methods';
import { METHOD_KEYS, OPERATION_KEYS, STATUS_KEYS, specResponseSite, statusCodeOfSource, statusValueSite } from '../yaml';
import type { Site, SiteMethod } from '../types';
import type { FlowMap, FlowNode, FlowSeq, ScalarToken } from './flow';
import { LineKind, ValueKind, type LineRecord, type ValueToken } from './lines';

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
const STATUS = STATUS_KEYS;
const METHOD = METHOD_KEYS;
const OPERATION = OPERATION_KEYS;

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
}

interface Role {
  kind: RoleKind;
  /** Callback nesting: findYamlSites reads callbacks of callbacks three levels deep. */
  depth: number;
  method: SiteMethod | undefined;
}

/** An empty scalar: no code, no method. */
const EMPTY_TOKEN: ScalarToken = { kind: 'scalar', start: 0, end: 0, quote: '', text: '' };

const NO_ROLE: Role = { kind: RoleKind.None, depth: 0, method: undefined };
const ROOT_ROLE: Role = { kind: RoleKind.Root, depth: 0, method: undefined };

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
  constructor(readonly parent: Frame | undefined) {}
}

const SEEN_PATHS = 1;
const SEEN_WEBHOOKS = 2;
const SEEN_OPENAPI = 4;
const SEEN_SWAGGER = 8;
const SEEN_RESPONSES = 16;
const SEEN_CALLBACKS = 32;

/** What a value turned out to be. */
const enum Kind {
  /** Nothing at all: a flow pair without `:`, or no lines below a key (which the block reader turns into an empty scalar). */
  Null,
  Scalar,
  Map,
  Seq,
  /** An alias: not a scalar, not a collection. */
  Other,
}

/** A scalar as the composer would give it: absolute offsets, and its source text if known. */
interface Scalar {
  start: number;
  end: number;
  quote: ScalarToken['quote'];
  text: string | undefined;
}

export class StructurePass {
  private i = 0;
  private readonly sites: Site[] = [];
  private docSpecSites: Site[] = [];
  private docIsOpenApi = false;
  /**
   * The scalar the last value read was, when it was one: its token, line and text (which a folded continuation
   * makes unknown). Kept apart, and made into a Scalar only where a status or method key needs it.
   */
  private lastToken: ScalarToken = EMPTY_TOKEN;
  private lastLine = 0;
  private lastText: string | undefined;

  constructor(
    private readonly recs: readonly LineRecord[],
    private readonly starts: readonly number[],
  ) {}

  run(): Site[] {
    const n = this.recs.length;
    while (this.i < n) {
      const rec = this.recs[this.i];
      if (rec.kind === DOC_START || rec.kind === DOC_END) {
        this.i++;
        continue;
      }
      this.document();
    }
    return this.sites.sort((a, b) => a.start - b.start);
  }

  /** The next content line of the document, skipping blanks, comments and block-scalar text; -1 at its end. */
  private peek(): number {
    const recs = this.recs;
    for (let i = this.i; i < recs.length; i++) {
      const kind = recs[i].kind;
      if (kind === CONTENT) return i;
      if (kind === BAD_LINE) throw CANNOT;
      if (kind === DOC_START || kind === DOC_END) return -1;
    }
    return -1;
  }

  private document(): void {
    this.docSpecSites = [];
    this.docIsOpenApi = false;
    const j = this.peek();
    if (j >= 0) {
      const rec = this.recs[j];
      if (rec.indent !== 0) throw CANNOT;
      if (rec.dash) this.seq(0, undefined);
      else if (rec.key) this.map(0, ROOT_ROLE, undefined);
      else {
        this.i = j + 1;
        if (rec.value.kind === V_FLOW) this.flowValue(rec.value.flow!, ROOT_ROLE, undefined, j, undefined);
        else if (rec.value.kind === V_BLOCK || rec.value.kind === V_PROPS) throw CANNOT;
      }
      if (this.peek() >= 0) throw CANNOT; // more content after the root node: an error the parser reports
    }
    // Skip to the document's end (blank and comment lines); the marker itself is read by run().
    while (this.i < this.recs.length && this.recs[this.i].kind !== DOC_START && this.recs[this.i].kind !== DOC_END) {
      if (this.recs[this.i].kind === BAD_LINE) throw CANNOT;
      this.i++;
    }
    if (this.docIsOpenApi) for (const site of this.docSpecSites) this.sites.push(site);
  }

  private setScalar(line: number, token: ScalarToken): Kind {
    this.lastToken = token;
    this.lastLine = line;
    this.lastText = token.text;
    return Kind.Scalar;
  }

  private lastScalar(): Scalar {
    const base = this.starts[this.lastLine];
    return { start: base + this.lastToken.start, end: base + this.lastToken.end, quote: this.lastToken.quote, text: this.lastText };
  }

  /**
   * A block mapping whose keys sit at column `col`; its first key is on the next content line (which may be a
   * `- key: value` line, the mapping then being a sequence item).
   */
  private map(col: number, role: Role, parent: Frame | undefined): void {
    const frame = new Frame(parent);
    let first = true;
    for (;;) {
      const j = this.peek();
      if (j < 0) break;
      const rec = this.recs[j];
      if (first ? rec.col !== col || !rec.key : rec.indent !== col || rec.dash || !rec.key) {
        if (rec.indent < col && !first) break;
        throw CANNOT;
      }
      first = false;
      this.i = j + 1;
      const key = rec.key!;
      const keyText = key.text!;
      const childRole = this.keyRole(frame, role, keyText, j, key);
      const kind = this.inlineOrNested(rec, j, col, true, childRole, frame, STATUS.has(keyText));
      this.pairDone(frame, role, keyText, kind);
    }
    this.close(frame);
  }

  /** A block sequence whose dashes sit at column `col`. Collects its scalar items when asked (status lists). */
  private seq(col: number, collect: Scalar[] | undefined): void {
    for (;;) {
      const j = this.peek();
      if (j < 0) break;
      const rec = this.recs[j];
      if (rec.indent < col || (rec.indent === col && !rec.dash)) break;
      if (rec.indent > col) throw CANNOT;
      if (rec.key) {
        this.map(rec.col, NO_ROLE, undefined);
        continue;
      }
      this.i = j + 1;
      const kind = this.inlineOrNested(rec, j, col, false, NO_ROLE, undefined, collect !== undefined);
      if (kind === Kind.Scalar && collect) collect.push(this.lastScalar());
    }
  }

  /**
   * The value of a key (or of a dash) on line `j`: written on the line, or on the more-indented lines below
   * (`col` is the key's or dash's column). A mapping's key may also have a sequence at its own column.
   */
  private inlineOrNested(rec: LineRecord, j: number, col: number, sameIndentSeq: boolean, role: Role, parent: Frame | undefined, wantScalars: boolean): Kind {
    const value = rec.value;
    switch (value.kind) {
      case V_NONE:
      case V_PROPS: {
        const kind = this.nested(col, sameIndentSeq, role, parent, wantScalars);
        if (kind === Kind.Null) {
          // In block style an empty value is an empty scalar, not nothing (so `openapi:` alone still counts);
          // empty, it is no code and no method.
          return this.setScalar(j, EMPTY_TOKEN);
        }
        if (value.kind === V_PROPS && ((value.strongTag && kind !== Kind.Scalar) || (value.tagged && kind === Kind.Scalar))) throw CANNOT;
        return kind;
      }
      case V_ALIAS:
        this.noMoreIndented(col);
        return Kind.Other;
      case V_BLOCK:
        this.setScalar(j, value.scalar!);
        this.noMoreIndented(col);
        return Kind.Scalar;
      case V_FLOW:
        this.noMoreIndented(col);
        return this.flowValue(value.flow!, role, parent, j, wantScalars ? [] : undefined);
      case V_SCALAR:
        this.setScalar(j, value.scalar!);
        if (value.plain) this.continuation(col, value);
        else this.noMoreIndented(col);
        return Kind.Scalar;
    }
  }

  /** A value on the lines below a key or dash at column `col`. */
  private nested(col: number, sameIndentSeq: boolean, role: Role, parent: Frame | undefined, wantScalars: boolean): Kind {
    const j = this.peek();
    if (j < 0) return Kind.Null;
    const rec = this.recs[j];
    if (rec.indent > col) {
      if (rec.dash) return this.seqValue(rec.indent, wantScalars);
      if (rec.key) {
        this.map(rec.indent, role, parent);
        return Kind.Map;
      }
      this.i = j + 1;
      const value = rec.value;
      if (value.kind === V_PROPS || value.kind === V_BLOCK) throw CANNOT;
      return this.inlineOrNested(rec, j, col, false, role, parent, wantScalars);
    }
    if (rec.indent === col && rec.dash && sameIndentSeq) return this.seqValue(col, wantScalars);
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
  private continuation(col: number, first: ValueToken): void {
    let comment = first.comment;
    for (;;) {
      const j = this.peek();
      if (j < 0) return;
      const rec = this.recs[j];
      if (rec.indent <= col) return;
      if (comment || rec.dash || rec.key || rec.value.kind !== V_SCALAR || !rec.value.plain) throw CANNOT;
      comment = rec.value.comment;
      this.lastText = undefined;
      this.i = j + 1;
    }
  }

  /** After a value that cannot go on below, a more-indented line is an error. */
  private noMoreIndented(col: number): void {
    const j = this.peek();
    if (j >= 0 && this.recs[j].indent > col) throw CANNOT;
  }

  /** The role a key gives its value, and the OpenAPI response sites keys are. */
  private keyRole(frame: Frame, role: Role, key: string, line: number, token: ScalarToken): Role {
    switch (role.kind) {
      case RoleKind.None:
        return NO_ROLE;
      case RoleKind.Root:
        if (key === 'paths' && !(frame.seen & SEEN_PATHS)) {
          frame.seen |= SEEN_PATHS;
          return { kind: RoleKind.Paths, depth: 0, method: undefined };
        }
        if (key === 'webhooks' && !(frame.seen & SEEN_WEBHOOKS)) {
          frame.seen |= SEEN_WEBHOOKS;
          return { kind: RoleKind.Paths, depth: 0, method: undefined };
        }
        return NO_ROLE;
      case RoleKind.Paths:
        return { kind: RoleKind.PathItem, depth: role.depth, method: undefined };
      case RoleKind.PathItem:
        if (!OPERATION.has(key)) return NO_ROLE;
        return { kind: RoleKind.Operation, depth: role.depth, method: { name: key.toUpperCase(), source: 'openapi', at: this.starts[line] + token.start } };
      case RoleKind.Operation:
        if (key === 'responses' && !(frame.seen & SEEN_RESPONSES)) {
          frame.seen |= SEEN_RESPONSES;
          return { kind: RoleKind.Responses, depth: role.depth, method: role.method };
        }
        if (key === 'callbacks' && !(frame.seen & SEEN_CALLBACKS)) {
          frame.seen |= SEEN_CALLBACKS;
          return role.depth < 3 ? { kind: RoleKind.Callbacks, depth: role.depth, method: undefined } : NO_ROLE;
        }
        return NO_ROLE;
      case RoleKind.Callbacks:
        return { kind: RoleKind.Paths, depth: role.depth + 1, method: undefined };
      case RoleKind.Responses: {
        const code = statusCodeOfSource(key);
        if (code !== undefined) {
          const base = this.starts[line];
          this.docSpecSites.push(specResponseSite(base + token.start, base + token.end, code, token.quote, role.method!));
        }
        return NO_ROLE;
      }
    }
  }

  /** After a pair's value is known: the method the mapping names, the status values it holds, `openapi:` present. */
  private pairDone(frame: Frame, role: Role, key: string, kind: Kind): void {
    if (role.kind === RoleKind.Root) {
      const flag = key === 'openapi' ? SEEN_OPENAPI : key === 'swagger' ? SEEN_SWAGGER : 0;
      if (flag && !(frame.seen & flag)) {
        frame.seen |= flag;
        if (kind !== Kind.Null) this.docIsOpenApi = true;
      }
    }
    if (kind === Kind.Scalar && !frame.own && METHOD.has(key)) {
      const scalar = this.lastScalar();
      if (scalar.text === undefined) throw CANNOT;
      const name = normalizeMethod(scalar.text);
      if (name) frame.own = { name, source: 'mapping', at: scalar.start };
    }
    if (STATUS.has(key)) {
      const values = kind === Kind.Scalar ? [this.lastScalar()] : kind === Kind.Seq ? this.seqScalars! : [];
      for (const value of values) {
        if (value.text === undefined) throw CANNOT;
        const code = statusCodeOfSource(value.text);
        if (code === undefined) continue;
        (frame.candidates ??= []).push({ start: value.start, end: value.end, code, quote: value.quote, key });
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
    if (frame.candidates) {
      if (frame.own) this.emit(frame.candidates, frame.own);
      else if (parent) (parent.pending ??= []).push(frame);
    }
    if (parent && frame.own && !parent.firstChildMethod) parent.firstChildMethod = frame.own;
  }

  private emit(candidates: Candidate[], method: SiteMethod): void {
    for (const c of candidates) this.sites.push(statusValueSite(c.start, c.end, c.code, c.quote, c.key, method));
  }

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
      const childRole = this.keyRole(frame, role, keyText, line, pair.key);
      const kind = pair.value ? this.flowNode(pair.value, childRole, frame, line, STATUS.has(keyText)) : Kind.Null;
      this.pairDone(frame, role, keyText, kind);
    }
    this.close(frame);
    return Kind.Map;
  }

  private flowNode(node: FlowNode, role: Role, parent: Frame | undefined, line: number, wantScalars: boolean): Kind {
    if (node.kind === 'scalar') return this.setScalar(line, node);
    return this.flowValue(node, role, parent, line, wantScalars ? [] : undefined);
  }
}
