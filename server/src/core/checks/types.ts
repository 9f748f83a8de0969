/** What checks produce: findings with the fixes that carry their own edits. Offsets only; LSP types live elsewhere. */
import type { Site } from '../sites/types';

export type RuleId = 'wrong-success-code' | 'undocumented-code' | 'implicit-success-code';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
/** Per-rule severities as configured; rules left out keep their default. */
export type RuleSeverities = Partial<Record<RuleId, SeveritySetting>>;

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A named import a fix needs: `HttpStatus` from '@nestjs/common'. Materialised once per file, merged across fixes. */
export interface ImportRequest {
  module: string;
  name: string;
  /** Bind it under another name (`HttpStatus as HttpStatusCode`) because the file uses the name already. */
  local?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  imports: ImportRequest[];
  /** Safe fixes are applied by fix-all (source.fixAll.statusdoc, `statusdoc check --fix`). */
  safe: boolean;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  site: Site;
  /** The documented code, where the rule knows it. */
  expected?: number;
  /** The preferred fix first; the "disable for this line" action last. */
  fixes: Fix[];
}
