/**
 * The fast YAML site finder: the same Site[] as findYamlSites (sites/yaml.ts), from line rows that an edit updates
 * near the edit only, and a structure pass over them that walks again only the units (path items, sequence items…)
 * the edit touched. Where the text holds anything it cannot read for certain, it answers undefined and the caller
 * runs the full parse.
 */
import { yamlTooDeep } from '../../limits';
import type { TextChange } from '../../text';
import type { Site } from '../types';
import { lexAll, relex, type LineTable } from './lineTable';
import { CannotRead, StructurePass } from './structure';
import type { Unit } from './units';

/** Opaque state kept between versions of one document (line rows, units). Never modified once returned. */
export interface YamlScanState {
  readonly lines: LineTable;
  readonly units: readonly Unit[];
}

/** What the fast path read: the sites (or that the text nests too deep to read), and the state for the next version. */
export interface YamlScan {
  sites: Site[];
  state: YamlScanState;
  /** Nested deeper than the full parser may be asked to read (the same verdict as limits.ts's yamlTooDeep). */
  tooDeep: boolean;
  /** Units of the previous version's structure pass taken as they were, and of those how many were shifted. */
  reused: { units: number; shifted: number };
}

const NO_UNITS: readonly Unit[] = [];

/**
 * The sites of `text`, reusing `previous.state` for everything outside `previous.change` when given.
 * Returns undefined when the text holds something the fast path cannot read for certain: the caller then runs the
 * full parse (findYamlSites). Anything else it throws is a bug here, for the caller to report (and fall back).
 */
export function scanYamlSites(text: string, previous?: { state: YamlScanState; change: TextChange }): YamlScan | undefined {
  try {
    const relexed = previous && relex(previous.state.lines, text, previous.change);
    const lines = relexed || lexAll(text);
    // findYamlSites refuses text nested too deep before parsing it; so does this, with the same verdict. The lines'
    // count is an upper bound (brackets in strings count): where it trips, the lexer decides, and where the text is
    // not too deep after all the full parse reads it.
    if (lines.tooDeep) {
      if (!yamlTooDeep(text)) return undefined;
      return { sites: [], state: { lines, units: NO_UNITS }, tooDeep: true, reused: { units: 0, shifted: 0 } };
    }
    const pass = new StructurePass(lines, text, relexed ? { units: previous.state.units } : undefined);
    const sites = pass.run();
    const units: Unit[] = [];
    for (const unit of pass.units) if (unit) units.push(unit); // the slots of walks not kept are empty
    return { sites, state: { lines, units }, tooDeep: false, reused: { units: pass.taken, shifted: pass.shifted } };
  } catch (error) {
    if (error instanceof CannotRead) return undefined;
    throw error;
  }
}
