/**
 * statusdoc's own rules as ESLint rules, one per core rule: the findings of the file's shared analysis for this rule,
 * with the rule's safe fix (the same one `statusdoc check --fix` applies) where it has one.
 */
import type { Rule } from 'eslint';
import { fixesFor, RULES, type RuleMeta } from '../../../server/src/core';
import { analysisOf } from './analysis';
import { ruleDocsUrl } from './docs';
import { OPTIONS_SCHEMA, readOptions } from './options';
import { fixerOf, locOf, tellOnce } from './report';

/** Whether statusdoc has a safe fix for some of this rule's findings (`check --fix` applies it). */
const FIXABLE: Readonly<Record<RuleMeta['id'], boolean>> = {
  'wrong-success-code': true,
  'undocumented-code': false,
  'implicit-success-code': true,
  'operation-without-route': false,
  'route-not-in-spec': false,
  'test-expects-unanswered-code': false,
  // Its fix edits the spec, another file: offered in the editor only.
  'response-not-in-spec': false,
  'spec-response-unanswered': false,
};

function statusdocRule(meta: RuleMeta): Rule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description.en, recommended: true, url: ruleDocsUrl(meta.id) },
      ...(FIXABLE[meta.id] ? { fixable: 'code' as const } : {}),
      schema: OPTIONS_SCHEMA,
    },
    create(context) {
      const options = readOptions(context.options);
      return {
        Program() {
          const analysis = analysisOf(context.filename, context.sourceCode.text, context.cwd, options);
          if (!analysis) return;
          tellOnce(context, analysis, options.lang);
          const { document } = analysis;
          for (const finding of analysis.findings) {
            if (finding.rule !== meta.id) continue;
            const fix = finding.fixable ? fixesFor(document, finding, options.lang).find((candidate) => candidate.safe) : undefined;
            context.report({ loc: locOf(context, finding.start, finding.end), message: finding.message, ...(fix ? { fix: fixerOf(document, fix) } : {}) });
          }
        },
      };
    },
  };
}

export const STATUSDOC_RULES: Record<string, Rule.RuleModule> = Object.fromEntries(RULES.map((meta) => [meta.id, statusdocRule(meta)]));
