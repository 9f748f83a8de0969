/**
 * Runs every rule over a document's sites against the table in force. Each rule looks at one site at a time;
 * severities come from configuration, messages from ../messages.ts, fixes from ../fixes.
 */
import { reasonOf } from '../table/lookup';
import { MESSAGES } from '../messages';
import { addHttpCodeFix, changeCodeFix, disableLineFix } from '../fixes/ruleFixes';
import type { DocumentFacts, Site } from '../sites/types';
import type { Lang, StatusTable } from '../table/types';
import { positionLocator } from '../text';
import { disabledRules } from './disable';
import { RULES } from './rules';
import type { Finding, Fix, RuleId, RuleSeverities } from './types';

export interface CheckOptions {
  severities: RuleSeverities;
  lang: Lang;
}

interface RuleHit {
  message: string;
  expected?: number;
  fix?: Fix;
}

type Rule = (site: Site, context: RuleContext) => RuleHit | undefined;

interface RuleContext {
  table: StatusTable;
  facts: DocumentFacts;
  text: string;
  lang: Lang;
}

function named(table: StatusTable, code: number) {
  return { code, reason: reasonOf(table, code) };
}

/** The success code the table documents for the site's method, when it is not the site's own code. */
function documentedInstead(site: Site, table: StatusTable): number | undefined {
  const expected = site.method && table.successCodeByMethod.get(site.method.name);
  return expected === undefined || expected === site.code ? undefined : expected;
}

const CHECKS: Record<RuleId, Rule> = {
  'wrong-success-code': (site, { table, facts, text, lang }) => {
    if (site.form.kind === 'implicit' || !site.method || site.code < 200 || site.code > 299) return undefined;
    const expected = documentedInstead(site, table);
    if (expected === undefined) return undefined;
    return {
      message: MESSAGES.wrongSuccessCode(lang, site.method.name, named(table, site.code), named(table, expected)),
      expected,
      fix: changeCodeFix(site, expected, facts, text, lang),
    };
  },
  'undocumented-code': (site, { table, lang }) => {
    // A constant merely referenced (not answered, expected, mocked or declared) is not judged.
    if (site.form.kind === 'implicit' || site.role === 'reference' || table.entries.has(site.code)) return undefined;
    return { message: MESSAGES.undocumentedCode(lang, named(table, site.code)) };
  },
  'implicit-success-code': (site, { table, facts, text, lang }) => {
    if (site.form.kind !== 'implicit' || !site.method) return undefined;
    const expected = documentedInstead(site, table);
    if (expected === undefined) return undefined;
    return {
      message: MESSAGES.implicitSuccessCode(lang, site.method.name, named(table, site.code), named(table, expected)),
      expected,
      fix: addHttpCodeFix(site, expected, facts, text, lang),
    };
  },
};

export function runChecks(facts: DocumentFacts, text: string, table: StatusTable, options: CheckOptions): Finding[] {
  if (facts.sites.length === 0) return [];
  const context: RuleContext = { table, facts, text, lang: options.lang };
  const isDisabled = disabledRules(text);
  const lineOf = positionLocator(text);
  const findings: Finding[] = [];
  for (const site of facts.sites) {
    for (const rule of RULES) {
      const severity = options.severities[rule.id] ?? rule.defaultSeverity;
      if (severity === 'off') continue;
      const hit = CHECKS[rule.id](site, context);
      if (!hit || isDisabled(lineOf(site.start).line, rule.id)) continue;
      findings.push({
        rule: rule.id,
        severity,
        start: site.start,
        end: site.end,
        message: hit.message,
        site,
        expected: hit.expected,
        fixes: [...(hit.fix ? [hit.fix] : []), disableLineFix(site, rule.id, facts, text, options.lang)],
      });
    }
  }
  return findings;
}
