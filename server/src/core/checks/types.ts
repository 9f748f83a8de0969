/** What checks produce (findings, as data) and what fixes produce on demand (edits). Offsets only; LSP types live elsewhere. */
import type { Site } from '../sites/types';
import type { DriftFact } from '../spec/link';
import type { RuleId } from './rules';

/** Derived from the list of rules in ./rules.ts. */
export type { RuleId };
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
/** Per-rule severities as configured; rules left out keep their default. */
export type RuleSeverities = Partial<Record<RuleId, SeveritySetting>>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** The status site judged; undefined for a finding about an endpoint (operation-without-route, route-not-in-spec). */
  site?: Site;
  /** The documented code, where the rule knows it. */
  expected?: number;
  /** The drift fact an endpoint or spec finding tells (its quick-fix and navigation read it). */
  drift?: DriftFact;
  /** Whether the rule's own fix applies safely (fix-all, `check --fix`); the fix itself is computed on demand. */
  fixable: boolean;
}
