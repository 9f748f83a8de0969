/**
 * The front door to statusdoc's core: everything the language server, the CLI and any other caller (an ESLint rule,
 * a worker thread) need, over one document value (`SourceDocument`: text, language, facts and line index of one
 * version). Nothing outside `core/` imports a core module but this one (test/unit/invariants.test.ts holds it).
 *
 *   document   new SourceDocument(text, language, version, { maxChars }), then document.edit(text, version, change)
 *   check      check(document, table, { severities, lang }) -> Finding[] (data: no edits)
 *   hover      siteAt(document.facts.sites, offset), hoverMarkdown(site, context)
 *   complete   statusSlotAt(document, offset) -> where a code is being typed; completionOrder(table, site)
 *   fix        fixesFor / fixAllEdits / fixEdits / mergeFixes -> edits, computed on demand
 *   constants  useConstantFix / useAllConstants / constantsBinding, decideConstantsSource, generateConstantsModule
 *   table      loadTable, DEFAULT_TABLE, reasonOf
 *   routes     moduleFactsOf(text, file) per module; ProjectIndex links them: endpoints(), handlersIn(file);
 *              requestsOf(sites): a file's test requests; endpointsMatching(endpoints, method, path): the routes one hits
 *   answers    handlerAnswers(document, span) -> the codes a handler answers, and whether they are all it can
 *   specs      readSpec(text, 'yaml' | 'json') -> operations, response keys, prefixes; linkSpecs(endpoints, specs)
 *   matrix     buildMatrix(inputs, table) -> MatrixModel; renderMatrixMarkdown / renderMatrixJson / renderMatrixHtml
 *   tests      check(…, { requestAnswers }) judges a test's expected codes by them; requestAnswersOf(site, all) for hover
 */
import { runChecks, type CheckOptions } from './checks';
import type { Finding } from './checks/types';
import type { ConstantsSource } from './constants/source';
import type { SourceDocument } from './document';
import { mergeFixes } from './fixes/fixAll';
import type { TextEdit } from './fixes/types';
import { takesConstant, useConstantFix } from './fixes/useConstant';
import type { Site } from './sites/types';
import type { Lang, StatusTable } from './table/types';

export { SourceDocument } from './document';
export { completionOrder, statusSlotAt, type StatusSlot } from './completion';
export type { AnalyzeOptions } from './sites';
export { isScriptLanguage, languageOfFile, languageOfId, siteAt } from './sites';
export type {
  CodeForm,
  ConstantLibrary,
  DocumentFacts,
  DocumentLanguage,
  ImplicitAnswer,
  ImplicitIdiom,
  ImportFact,
  OpenEnd,
  OpenEndReason,
  ScriptLanguage,
  Site,
  SiteMethod,
  SiteRole,
} from './sites/types';
export { LineIndex, collapseChanges, diffTexts, positionLocator, type LineColumn, type TextChange } from './text';
export { CLI_MAX_CHARS, EDITOR_MAX_CHARS, EDITOR_MAX_CODE_CHARS, skipReason, type NotChecked, type SkipReason } from './limits';

export type { CheckOptions, RouteMethodScope } from './checks';
export { requestAnswersOf, unansweredBy, type EndpointAnswer, type Place, type RequestAnswers } from './checks/requestAnswers';
export { RULES, RULE_IDS, SEVERITY_SETTINGS, isRuleId, isSeveritySetting, type RuleMeta } from './checks/rules';
export type { Finding, RuleId, RuleSeverities, Severity, SeveritySetting } from './checks/types';

export { fixesFor } from './fixes/ruleFixes';
export { fixAllEdits, fixEdits, mergeFixes } from './fixes/fixAll';
export { applyEdits } from './fixes/edits';
export { importEdits } from './fixes/imports';
export type { Fix, ImportRequest, TextEdit } from './fixes/types';
export { constantsBinding, memberNameFor, takesConstant, useConstantFix } from './fixes/useConstant';

export { CONSTANTS_SETTINGS, decideConstantsSource, type ConstantsSetting, type ConstantsSource, type SourceInputs } from './constants/source';
export { generateConstantsModule, moduleMemberName } from './constants/module';
export { constantNameFor, MODULE_OBJECT } from './sites/constants';
export { PROJECT_MODULE_FILE } from './constants/libraries';
export { idiomLabel } from './sites/idioms';

export {
  answeredCodes,
  answerFactsOf,
  answersIn,
  ANY_METHOD,
  handlerAnswers,
  documentModuleFacts,
  endpointsMatching,
  mayCheckRequests,
  mayDeclareRoutes,
  moduleFactsOf,
  ProjectIndex,
  rescopeByFacts,
  requestsOf,
  rescopeRouteMethods,
  routeMatcher,
  type AnswerFacts,
  type AnsweredCode,
  type AnswerSource,
  type Definition,
  type Endpoint,
  type Handler,
  type HandlerAnswers,
  type HandlerScope,
  type ModuleFacts,
  type PathAliases,
  type RequestCall,
  type Span,
} from './routes';

export { mayBeJsonSpec, mayBeYamlSpec, readSpec } from './spec/operations';
export {
  isTestFile,
  linkSpecs,
  type DriftFact,
  type LinkedOperation,
  type ResponseNotInSpec,
  type SpecLinks,
  type SpecResponseUnanswered,
  type SpecSource,
} from './spec/link';
export { coveringResponse, handlerFileOf, ResponseDrift, responseDriftIn, type AnswersView, type ResponseDriftSources } from './spec/responses';
export { addResponseEdit } from './spec/addResponse';
export { responseDescription } from './spec/describe';
export type { SpecFacts, SpecOperation, SpecResponse } from './spec/types';
export * from './matrix';

export { hoverMarkdown, summaryLine, type HoverContext } from './hover';
export { CLI_MESSAGES, MESSAGES, renderConfigIssue, renderProblem, renderTableProblem } from './messages';
export { caughtText, problemKey, type ConfigIssue, type NamedBy, type Problem, type ProblemKind, type ReadFailure, type TableIssue } from './table/problems';

export { DEFAULT_TABLE } from './table/defaultTable';
export { loadTable } from './table/load';
export { reasonOf } from './table/lookup';
export { withoutJsonComments } from './table/data';
export type { Lang, StatusEntry, StatusKind, StatusTable, TableProblem, TableResult } from './table/types';

/** A document's findings under a table: every rule, its severity, disable comments. Empty for a skipped document. */
export function check(document: SourceDocument, table: StatusTable, options: CheckOptions): Finding[] {
  return runChecks(document, table, options);
}

/** "Use named constants for every status code": the fixes of every literal at once, merged like fix-all. */
export function useAllConstants(
  document: SourceDocument,
  source: ConstantsSource,
  table: StatusTable,
  lang: Lang,
  except: ReadonlySet<Site> = new Set(),
): TextEdit[] {
  const fixes = document.facts.sites
    .filter((site) => takesConstant(site, document.language) && !except.has(site))
    .map((site) => useConstantFix(document, site, source, table, lang))
    .filter((fix) => fix !== undefined);
  return mergeFixes(document, fixes);
}
