/**
 * Units: pieces of the structure pass's walk remembered between versions. A unit is the value of a mapping pair, or
 * a `- key: …` item of a sequence, whose walk read lines [line, stop] (stop: the line that ended it, a document
 * marker, or the line count) and left nothing in the frames around it. Its result (the kind of value, the sites found
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
  /** The start of `line` when `sites` were computed. */
  readonly base: number;
  /** Status-value sites and OpenAPI response sites found inside, in the order the walk found them. */
  readonly sites: readonly Site[];
  readonly specSites: readonly Site[];
}

/** A unit of the previous version that holds in this one: where it stops now, and the units inside it, renumbered. */
export interface FoundUnit {
  unit: Unit;
  stop: number;
  carried: Unit[];
}

/** The previous version's units, looked up by this version's line numbers. */
export class UnitIndex {
  /** Lines [first, resumeNew) of this version were lexed anew; line resumeOld of the previous version is resumeNew now. */
  private readonly first: number;
  private readonly resumeNew: number;
  private readonly resumeOld: number;

  constructor(
    private readonly units: readonly Unit[],
    table: LineTable,
  ) {
    this.first = table.first;
    this.resumeNew = table.resumeNew;
    this.resumeOld = table.resumeOld;
  }

  /** The previous version's unit read in `context` from this version's line `line`, if it still holds. */
  find(line: number, context: number): FoundUnit | undefined {
    let old: number;
    if (line < this.first) old = line;
    else if (line >= this.resumeNew) old = line - this.resumeNew + this.resumeOld;
    else return undefined;
    const units = this.units;
    let k = this.firstAt(old);
    for (; k < units.length && units[k].line === old; k++) if (units[k].context === context) break;
    if (k === units.length || units[k].line !== old) return undefined;
    const unit = units[k];
    // Every line it read, the one that stopped it included, must be unchanged.
    const before = unit.stop < this.first;
    if (!before && unit.line < this.resumeOld) return undefined;
    const shift = before ? 0 : this.resumeNew - this.resumeOld;
    const carried: Unit[] = [];
    for (let m = k + 1; m < units.length && units[m].line < unit.stop; m++) {
      const inner = units[m];
      carried.push(shift === 0 ? inner : { ...inner, line: inner.line + shift, stop: inner.stop + shift });
    }
    return { unit, stop: unit.stop + shift, carried };
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

/** Copies of `sites` moved by `delta` characters (start, end, and the method's offset); methods shared stay shared. */
export function shiftSites(sites: readonly Site[], delta: number): Site[] {
  const out: Site[] = new Array(sites.length);
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
    out[i] = { start: site.start + delta, end: site.end + delta, code: site.code, form: site.form, role: site.role, idiom: site.idiom, method };
  }
  return out;
}
