/**
 * Units: pieces of the structure pass's walk remembered between versions. A unit is the value of a mapping pair, a
 * `- key: …` item of a sequence, or a group of consecutive path items or sequence items, whose walk read lines
 * [line, stop] (stop: the line that ended it, a document marker, or the line count) and left nothing in the frames
 * around it. Its result (the kind of value, the sites found
 * inside) depends only on those lines and on the role it is read in, so the next version takes it as it is when none
 * of those lines was lexed anew: all before the first re-lexed line, or all in the copied lines after the change.
 * Sites hold absolute offsets; a unit keeps the line start they were computed at and is shifted when taken.
 */
import type { Site, SiteMethod } from '../types';
import type { LineTable } from './lineTable';

export interface Unit {
  readonly line: number;
  readonly stop: number;
  /** The role it was read in, and pair value or sequence item (structure.ts unitContext). */
  readonly context: number;
  /** structure.ts Kind of the value. */
  readonly kind: number;
  /** For a group of siblings, how many it holds. */
  readonly children: number;
  /** The start of `line` when `sites` were computed. */
  readonly base: number;
  /** Status-value sites and OpenAPI response sites found inside, in the order the walk found them. */
  readonly sites: readonly Site[];
  readonly specSites: readonly Site[];
}

/** The previous version's units, looked up by this version's line numbers, in order (the walk only goes forward). */
export class UnitIndex {
  /** Lines [first, resumeNew) of this version were lexed anew; line resumeOld of the previous version is resumeNew now. */
  private readonly first: number;
  private readonly resumeNew: number;
  private readonly resumeOld: number;
  /** The first unit at or after the last line looked up. */
  private cursor = 0;

  constructor(
    private readonly units: readonly Unit[],
    table: LineTable,
  ) {
    this.first = table.first;
    this.resumeNew = table.resumeNew;
    this.resumeOld = table.resumeOld;
  }

  /** The previous version's unit read in `context` from this version's line `line`, if it still holds. */
  find(line: number, context: number): Unit | undefined {
    let old: number;
    if (line < this.first) old = line;
    else if (line >= this.resumeNew) old = line - this.resumeNew + this.resumeOld;
    else return undefined;
    const units = this.units;
    let k = this.cursor;
    if (k > 0 && units[k - 1].line >= old) k = this.firstAt(old); // a step back: not expected, still answered
    while (k < units.length && units[k].line < old) k++;
    this.cursor = k;
    for (; k < units.length && units[k].line === old; k++) {
      const unit = units[k];
      if (unit.context !== context) continue;
      // Every line it read, the one that stopped it included, must be unchanged.
      if (unit.stop >= this.first && unit.line < this.resumeOld) return undefined;
      this.found = k;
      return unit;
    }
    return undefined;
  }

  private found = 0;

  /** How far this version's line numbers are from the unit's (the one find just returned). */
  lineShift(unit: Unit): number {
    return unit.stop < this.first ? 0 : this.resumeNew - this.resumeOld;
  }

  /** Adds the units inside the one find just returned to `into`, renumbered by `shift`. */
  carry(unit: Unit, shift: number, into: (Unit | undefined)[]): void {
    const units = this.units;
    for (let m = this.found + 1; m < units.length && units[m].line < unit.stop; m++) {
      const inner = units[m];
      into.push(shift === 0 ? inner : { ...inner, line: inner.line + shift, stop: inner.stop + shift });
    }
  }

  /** The index of the first unit starting at or after `line`. */
  private firstAt(line: number): number {
    let low = 0;
    let high = this.units.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.units[mid].line < line) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Appends to `into` copies of `sites` moved by `delta` characters (start, end, the method's offset); shared methods stay shared. */
export function shiftSites(sites: readonly Site[], delta: number, into: Site[]): void {
  let lastIn: SiteMethod | undefined;
  let lastOut: SiteMethod | undefined;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i];
    let method = site.method;
    if (method) {
      if (method !== lastIn) {
        lastIn = method;
        lastOut = { name: method.name, source: method.source, at: method.at + delta };
      }
      method = lastOut;
    }
    into.push({ start: site.start + delta, end: site.end + delta, code: site.code, form: site.form, role: site.role, idiom: site.idiom, method });
  }
}
