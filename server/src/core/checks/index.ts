/**
 * Runs every rule over a document's sites against the table in force. Each rule looks at one site at a time;
 * severities come from configuration, messages from ../messages.ts. Findings are data: the fixes are computed on
 * demand by ../fixes, for the finding a code action asks about.
 */
import type { SourceDocument } from '../document';
import { MESSAGES } from '../messages';
import type { Site } from '../sites/types';
import { reasonOf } from '../table/lookup';
import type { Lang, StatusTable } from '../table/types';
import { disabledRules } from './disable';
import { changeToDocumented, documentedInstead, methodLabel, NamedCodes } from './documented';
import { RULES } from './rules';
import type { Finding, RuleId, RuleSeverities } from './types';

export interface CheckOptions {
  severities: RuleSeverities;
  lang: Lang;
}

interface RuleHit {
  message: string;
  expected?: number;
  fixable: boolean;
}

type Rule = (site: Site, context: RuleContext) => RuleHit | undefined;

interface RuleContext {
  table: StatusTable;
  document: SourceDocument;
  named: NamedCodes;
  lang: Lang;
}

function named(table: StatusTable, code: number) {
  return { code, reason: reasonOf(table, code) };
}

const CHECKS: Record<RuleId, Rule> = {
  'wrong-success-code': (site, context) => {
    const { table, lang } = context;
    if (site.form.kind === 'implicit' || !site.method || site.code < 200 || site.code > 299) return undefined;
    const expected = documentedInstead(site, table);
    if (expected === undefined) return undefined;
    return {
      message: MESSAGES.wrongSuccessCode(lang, methodLabel(site.method), named(table, site.code), named(table, expected)),
      expected,
      fixable: changeToDocumented(site, expected, context.document, context.named) !== undefined,
    };
  },
  'undocumented-code': (site, { table, lang }) => {
    // A constant merely referenced (not answered, expected, mocked or declared) is not judged.
    if (site.form.kind === 'implicit' || site.role === 'reference' || table.entries.has(site.code)) return undefined;
    return { message: MESSAGES.undocumentedCode(lang, named(table, site.code)), fixable: false };
  },
  'implicit-success-code': (site, { table, lang }) => {
    if (site.form.kind !== 'implicit' || !site.method) return undefined;
    const expected = documentedInstead(site, table);
    if (expected === undefined) return undefined;
    return {
      message: MESSAGES.implicitSuccessCode(lang, methodLabel(site.method), named(table, site.code), named(table, expected)),
      expected,
      // Adding @HttpCode is always possible.
      fixable: true,
    };
  },
};

export function runChecks(document: SourceDocument, table: StatusTable, options: CheckOptions): Finding[] {
  const sites = document.facts.sites;
  if (sites.length === 0) return [];
  const context: RuleContext = { table, document, named: new NamedCodes(sites), lang: options.lang };
  const disabled = document.derived(disabledIn);
  const findings: Finding[] = [];
  for (const site of sites) {
    for (const rule of RULES) {
      const severity = options.severities[rule.id] ?? rule.defaultSeverity;
      if (severity === 'off') continue;
      const hit = CHECKS[rule.id](site, context);
      if (!hit || disabled(document.lines.lineOf(site.start), rule.id)) continue;
      findings.push({ rule: rule.id, severity, start: site.start, end: site.end, message: hit.message, site, expected: hit.expected, fixable: hit.fixable });
    }
  }
  return findings;
}

/** The document's statusdoc-disable comments, read once per version. */
function disabledIn(document: SourceDocument) {
  return disabledRules(document.text);
}
