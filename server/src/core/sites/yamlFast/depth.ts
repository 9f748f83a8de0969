/**
 * `yamlMayBeTooDeep` (core/limits.ts), line by line: each line has a summary of its leading run and of its brackets,
 * and folding the summaries gives exactly the verdict of yamlMayBeTooDeep over the whole text; the line table keeps the
 * running count, so an edit refolds only the lines whose count changed. It is an upper bound (a bracket in a string
 * counts): where it trips, yamlTooDeep's lexer decides whether the nesting is real.
 */
import { MAX_YAML_NESTING } from '../../limits';

export interface NestingSummary {
  /** The line's leading run of spaces, tabs, `-` and `?` is longer than yamlMayBeTooDeep allows. */
  deepLead: boolean;
  /** Brackets opened minus closed, without the floor at zero. */
  net: number;
  /** Highest running sum of `net` over the line's prefixes (0 at the start). */
  peakRise: number;
  /** Counter at the end of the line and its highest value on the line, starting from zero with the floor at zero. */
  endFromZero: number;
  peakFromZero: number;
}

// A module-local copy: imports cost a getter call each under tsx, and the fold below runs once per line.
const MAX_NESTING = MAX_YAML_NESTING;
const FLAT: NestingSummary = { deepLead: false, net: 0, peakRise: 0, endFromZero: 0, peakFromZero: 0 };

/** Summarises one line (without its `\n`) as yamlMayBeTooDeep reads it. */
export function summariseNesting(line: string): NestingSummary {
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 45 && c !== 63) break;
  }
  const deepLead = i > MAX_NESTING * 2;
  let net = 0;
  let peakRise = 0;
  let floored = 0;
  let peakFloored = 0;
  let any = false;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 91 || c === 123) {
      any = true;
      if (++net > peakRise) peakRise = net;
      if (++floored > peakFloored) peakFloored = floored;
    } else if (c === 93 || c === 125) {
      any = true;
      net--;
      if (floored > 0) floored--;
    }
  }
  if (!any && !deepLead) return FLAT;
  return { deepLead, net, peakRise, endFromZero: floored, peakFromZero: peakFloored };
}

/**
 * One step of yamlMayBeTooDeep's walk over the lines: the bracket count after a line whose summary is `s`, given the count
 * before it; -1 when the line makes the text too deep. A floored walk from `x` ends at max(x + net, endFromZero) and
 * peaks at max(x + peakRise, peakFromZero): the floor only ever lifts a walk to where the walk from zero is.
 */
export function foldNesting(flow: number, s: NestingSummary): number {
  if (s === FLAT) return flow;
  if (s.deepLead || Math.max(flow + s.peakRise, s.peakFromZero) > MAX_NESTING) return -1;
  return Math.max(flow + s.net, s.endFromZero);
}
