/**
 * Inline suppression the way ESLint users expect, in any comment syntax (`//`, `/* *\/`, `#`):
 *   statusdoc-disable-next-line [rule, …]   the next line
 *   statusdoc-disable-line [rule, …]        this line
 *   statusdoc-disable [rule, …] … statusdoc-enable [rule, …]   a region
 * No rule list means every rule; text after `--` is a reason and is ignored.
 */
import type { RuleId } from './types';

const DIRECTIVE = /(?:\/\/|\/\*|#)\s*statusdoc-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

type Rules = Set<string> | 'all';

function parseRules(rest: string): Rules {
  const list = rest
    .replace(/\*\/.*$/, '')
    .split('--')[0]
    .split(/[\s,]+/)
    .filter(Boolean);
  return list.length === 0 ? 'all' : new Set(list);
}

function covers(rules: Rules, rule: RuleId): boolean {
  return rules === 'all' || rules.has(rule);
}

/** Is `rule` disabled on 0-based `line`? */
export type DisabledRules = (line: number, rule: RuleId) => boolean;

/** Reads every directive of a text once; returns the predicate. */
export function disabledRules(text: string): DisabledRules {
  if (!text.includes('statusdoc-')) return () => false;
  const perLine = new Map<number, Rules[]>();
  const regions: { from: number; to: number; rules: Rules }[] = [];
  const open: { from: number; rules: Rules }[] = [];
  let line = 0;
  let scanned = 0;
  for (const match of text.matchAll(DIRECTIVE)) {
    for (let i = scanned; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    scanned = match.index;
    const [, kind, rest] = match;
    const rules = parseRules(rest);
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      const target = kind === 'disable-line' ? line : line + 1;
      perLine.set(target, [...(perLine.get(target) ?? []), rules]);
    } else if (kind === 'disable') {
      open.push({ from: line, rules });
    } else {
      // statusdoc-enable closes every open region (ESLint closes the named rules; regions here are coarse).
      for (const region of open.splice(0)) regions.push({ ...region, to: line });
    }
  }
  for (const region of open) regions.push({ ...region, to: Number.MAX_SAFE_INTEGER });
  return (target, rule) =>
    (perLine.get(target) ?? []).some((rules) => covers(rules, rule)) ||
    regions.some((region) => region.from <= target && target <= region.to && covers(region.rules, rule));
}
