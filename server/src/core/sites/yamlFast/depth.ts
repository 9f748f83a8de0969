/**
 * `yamlTooDeep` (core/limits.ts), line by line: each line keeps a summary of its leading run and of its brackets,
 * and folding the summaries gives exactly the verdict of running yamlTooDeep over the whole text, without
 * re-reading the text after an edit.
 */
import { MAX_YAML_NESTING } from '../../limits';

export interface NestingSummary {
  /** The line's leading run of spaces, tabs, `-` and `?` is longer than yamlTooDeep allows. */
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

/** Summarises one line (without its `\n`) as yamlTooDeep reads it. */
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
 * Whether the lines, in order, nest too deep. A floored walk from `x` ends at max(x + net, endFromZero) and peaks at
 * max(x + peakRise, peakFromZero): the floor only ever lifts a walk to where the walk from zero is.
 */
export function linesTooDeep(lines: readonly { nesting: NestingSummary }[]): boolean {
  let flow = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i].nesting;
    if (s === FLAT) continue;
    if (s.deepLead) return true;
    if (Math.max(flow + s.peakRise, s.peakFromZero) > MAX_NESTING) return true;
    flow = Math.max(flow + s.net, s.endFromZero);
  }
  return false;
}
