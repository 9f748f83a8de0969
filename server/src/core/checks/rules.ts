/** Every rule, written once: id, default severity, and what it is about. Messages are in ../messages.ts. */
import type { RuleId, Severity, SeveritySetting } from './types';

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  description: string;
}

export const RULES: readonly RuleMeta[] = [
  {
    id: 'wrong-success-code',
    defaultSeverity: 'error',
    description: 'A 2xx code where the documented table gives the HTTP method in force another success code.',
  },
  {
    id: 'undocumented-code',
    defaultSeverity: 'warning',
    description: 'A status code the documented table does not document at all.',
  },
  {
    id: 'implicit-success-code',
    defaultSeverity: 'warning',
    description: "A NestJS handler without @HttpCode whose framework default (POST 201, others 200) differs from the table.",
  },
];

export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.id);

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}
