/**
 * statusdoc/prefer-named-constant: a literal status code where a named constant can stand (`res.status(201)` ->
 * `HttpStatus.CREATED`), from the same source the editor's "Use …" quick-fix picks (the file's imports, then the
 * nearest package.json's dependencies, the project's module, node:http2). A suggestion, not an automatic fix: which
 * library a team imports is a choice, and the fix adds an import.
 */
import * as path from 'node:path';
import type { Rule } from 'eslint';
import { MESSAGES, takesConstant, useConstantFix } from '../../../server/src/core';
import { constantsSourceFor } from '../../../server/src/project/constants';
import { analysisOf } from './analysis';
import { ruleDocsUrl } from './docs';
import { CONSTANTS_OPTIONS_SCHEMA, readOptions } from './options';
import { fixerOf, locOf, tellOnce } from './report';

export const PREFER_NAMED_CONSTANT = 'prefer-named-constant';

export const preferNamedConstant: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'A literal status code where the named constant (HttpStatus.CREATED, StatusCodes.CREATED, …) could stand.',
      recommended: false,
      url: ruleDocsUrl(PREFER_NAMED_CONSTANT),
    },
    hasSuggestions: true,
    schema: CONSTANTS_OPTIONS_SCHEMA,
  },
  create(context) {
    const options = readOptions(context.options);
    return {
      Program() {
        const analysis = analysisOf(context.filename, context.sourceCode.text, context.cwd, options);
        if (!analysis) return;
        tellOnce(context, analysis, options.lang);
        const { document, inForce } = analysis;
        const literals = document.facts.sites.filter((site) => takesConstant(site, document.language));
        if (literals.length === 0) return;
        const dir = path.dirname(path.resolve(context.cwd, context.filename));
        const source = constantsSourceFor(dir, document.facts.imports, options.constants, inForce);
        for (const site of literals) {
          const fix = useConstantFix(document, site, source, inForce.table, options.lang);
          if (!fix) continue;
          context.report({
            loc: locOf(context, site.start, site.end),
            message: MESSAGES.preferNamedConstant(options.lang, site.code, fix.edits[0].newText),
            suggest: [{ desc: fix.title, fix: fixerOf(document, fix) }],
          });
        }
      },
    };
  },
};
