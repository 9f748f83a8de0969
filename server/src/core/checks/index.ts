/**
 * Runs every rule over a document's sites against the table in force. Each rule looks at one site at a time;
 * severities come from configuration, messages from ../messages.ts. Findings are data: the fixes are computed on
 * demand by ../fixes, for the finding a code action asks about.
 */
import type { SourceDocument } from '../document';
import type { DriftFact } from '../spec/link';
import { MESSAGES } from '../messages';
import type { Site } from '../sites/types';
import { reasonOf } from '../table/lookup';
import type { Lang, StatusTable } from '../table/types';
import { disabledRules } from './disable';
import { changeToDocumented, documentedInstead, methodLabel, NamedCodes } from './documented';
import { codesOf, placeText, requestAnswersOf, unansweredBy, type RequestAnswers } from './requestAnswers';
import { RULES } from './rules';
import type { Finding, RuleId, RuleSeverities, SeveritySetting } from './types';

export interface CheckOptions {
  severities: RuleSeverities;
  lang: Lang;
  /**
   * Handlers of this document that routes in other files name (the project's route index): a response site inside
   * one, with no method of its own, is judged under the route's method.
   */
  routeMethods?: readonly RouteMethodScope[];
  /**
   * What the project's specs and routes say about this document (spec/link.ts): an operation here no route serves, a
   * route here no spec lists. Judged with the rules' severities and the document's disable comments.
   */
  drift?: readonly DriftFact[];
  /**
   * The requests this document's tests make that hit routes of the project, with what their handlers answer (the
   * project's route index): an expected code none of them answers is flagged (test-expects-unanswered-code).
   */
  requestAnswers?: readonly RequestAnswers[];
}

/** A span of the document (a handler's declaration) and the method a route elsewhere gives it. */
export interface RouteMethodScope {
  /** The handler's name in its file (`createUser`, `exports.login`, `OrdersController.create`). */
  name: string;
  start: number;
  end: number;
  /** Offset of the handler's name: sites of one handler share it (fix-all groups by it). */
  at: number;
  method: string;
  /** Where the route is registered, as people read it: `src/routes/v1/user.route.js:14`. */
  registeredAt: string;
  /** The endpoints it serves: `POST /v1/users` (for hovers). */
  endpoints?: string[];
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
  severities: RuleSeverities;
  requestAnswers?: readonly RequestAnswers[];
}

function named(table: StatusTable, code: number) {
  return { code, reason: reasonOf(table, code) };
}

/** The rules about endpoints rather than status sites: told by `drift`, not looked for in sites. */
type SiteRuleId = Exclude<RuleId, DriftFact['rule']>;

const CHECKS: Record<SiteRuleId, Rule> = {
  'wrong-success-code': (site, context) => {
    const { table, lang } = context;
    const expected = wrongSuccessExpected(site, table);
    if (expected === undefined) return undefined;
    const method = methodLabel(site.method!);
    const registeredAt = site.method!.registeredAt;
    const from = registeredAt ? MESSAGES.methodRegisteredAt(lang, site.method!.name, registeredAt) : '';
    if (!table.entries.has(site.code)) {
      // Also undocumented: one finding says both; changing 202 Accepted to 201 changes behaviour, so the change is
      // offered on request only (never by fix-all or --fix).
      return { message: MESSAGES.wrongUndocumentedSuccessCode(lang, method, named(table, site.code), named(table, expected)) + from, expected, fixable: false };
    }
    return {
      message: MESSAGES.wrongSuccessCode(lang, method, named(table, site.code), named(table, expected)) + from,
      expected,
      fixable: changeToDocumented(site, expected, context.document, context.named) !== undefined,
    };
  },
  'undocumented-code': (site, { table, lang, severities }) => {
    // A constant merely referenced (not answered, expected, mocked or declared) is not judged.
    if (site.form.kind === 'implicit' || site.role === 'reference' || table.entries.has(site.code)) return undefined;
    // One problem per place: an undocumented 2xx under a judged method is wrong-success-code's, unless that rule is off.
    if (severityOf('wrong-success-code', severities) !== 'off' && wrongSuccessExpected(site, table) !== undefined) return undefined;
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
  'test-expects-unanswered-code': (site, { table, lang, severities, requestAnswers }) => {
    // One problem per place: a success code the table gives the method another one for is wrong-success-code's (its
    // fix, the documented code, is what a handler true to the table answers).
    if (severityOf('wrong-success-code', severities) !== 'off' && wrongSuccessExpected(site, table) !== undefined) return undefined;
    const request = requestAnswersOf(site, requestAnswers);
    const wrongAbout = request ? unansweredBy(request, site.code) : [];
    if (wrongAbout.length === 0) return undefined;
    const endpoints = wrongAbout.map((answer) => ({
      endpoint: answer.endpoint,
      handler: answer.handler,
      codes: codesOf(answer),
      at: answer.handlerAt && placeText(answer.handlerAt),
    }));
    return { message: MESSAGES.unansweredCode(lang, site.code, endpoints), fixable: false };
  },
};

/** The sites with the methods routes in other files give their handlers, where they have none of their own. */
function withRouteMethods(sites: readonly Site[], scopes: readonly RouteMethodScope[] | undefined): readonly Site[] {
  if (!scopes || scopes.length === 0) return sites;
  return sites.map((site) => {
    if (site.method || site.role !== 'response') return site;
    const scope = scopes.find((s) => s.start <= site.start && site.end <= s.end);
    return scope ? { ...site, method: { name: scope.method, source: 'route-file', at: scope.at, registeredAt: scope.registeredAt } } : site;
  });
}

/** The documented success code a written 2xx should be under its method, where the table says another one. */
function wrongSuccessExpected(site: Site, table: StatusTable): number | undefined {
  if (site.form.kind === 'implicit' || !site.method || site.code < 200 || site.code > 299) return undefined;
  return documentedInstead(site, table);
}

/** The severity configured for a rule, else its default. */
function severityOf(rule: RuleId, severities: RuleSeverities): SeveritySetting {
  return severities[rule] ?? RULES.find((meta) => meta.id === rule)!.defaultSeverity;
}

export function runChecks(document: SourceDocument, table: StatusTable, options: CheckOptions): Finding[] {
  const sites = withRouteMethods(document.facts.sites, options.routeMethods);
  const drift = options.drift && options.drift.length > 0 ? driftFindings(document, options.drift, options) : [];
  if (sites.length === 0) return drift;
  const context: RuleContext = {
    table,
    document,
    named: new NamedCodes(sites),
    lang: options.lang,
    severities: options.severities,
    requestAnswers: options.requestAnswers,
  };
  const disabled = document.derived(disabledIn);
  const findings: Finding[] = [];
  for (const site of sites) {
    for (const rule of RULES) {
      const severity = severityOf(rule.id, options.severities);
      if (severity === 'off' || !(rule.id in CHECKS)) continue;
      const hit = CHECKS[rule.id as SiteRuleId](site, context);
      if (!hit || disabled(document.lines.lineOf(site.start), rule.id)) continue;
      findings.push({ rule: rule.id, severity, start: site.start, end: site.end, message: hit.message, site, expected: hit.expected, fixable: hit.fixable });
    }
  }
  return drift.length === 0 ? findings : [...findings, ...drift].sort((a, b) => a.start - b.start);
}

/** Findings of the drift facts told about this document (a spec's operations, a route file's registrations). */
function driftFindings(document: SourceDocument, facts: readonly DriftFact[], options: CheckOptions): Finding[] {
  const disabled = document.derived(disabledIn);
  const text = document.text;
  const findings: Finding[] = [];
  for (const fact of facts) {
    const severity = severityOf(fact.rule, options.severities);
    // A fact from an older text of the file (the index lags an edit) that no longer fits is dropped, not misplaced.
    if (severity === 'off' || fact.start >= text.length) continue;
    // A route's method name (`post` of router.post, `Get` of @Get, `GET` of export function GET): to its end.
    const end = fact.rule === 'route-not-in-spec' ? fact.start + (/^[\w$]+/.exec(text.slice(fact.start, fact.start + 64))?.[0].length ?? 0) : fact.end;
    if (end <= fact.start || end > text.length || disabled(document.lines.lineOf(fact.start), fact.rule)) continue;
    findings.push({ rule: fact.rule, severity, start: fact.start, end, message: driftMessage(fact, options.lang), fixable: false, drift: fact });
  }
  return findings;
}

function driftMessage(fact: DriftFact, lang: Lang): string {
  switch (fact.rule) {
    case 'operation-without-route':
      return MESSAGES.operationWithoutRoute(lang, fact.endpoint);
    case 'route-not-in-spec':
      return MESSAGES.routeNotInSpec(lang, fact.endpoint, fact.specs);
    case 'response-not-in-spec':
      return MESSAGES.responseNotInSpec(lang, fact.code, fact.operation, `${fact.spec}:${fact.line ?? '?'}`);
    case 'spec-response-unanswered':
      return MESSAGES.specResponseUnanswered(lang, fact.code, fact.operation, fact.handlers);
  }
}

/** The document's statusdoc-disable comments, read once per version. */
function disabledIn(document: SourceDocument) {
  return disabledRules(document.text);
}
