/**
 * statusdoc as a Redocly CLI plugin: `plugins: [statusdoc-redocly-plugin]` (or the path of its dist/index.js) and the
 * rules `statusdoc/wrong-success-code`, `statusdoc/undocumented-code`. Each rule reads the text of the document
 * Redocly is linting (its source body) with statusdoc's core, the table and `.statusdoc.json` found from the spec's
 * folder, and reports each finding on the response code's key, where `statusdoc check` puts it.
 */
import { RULES } from '../../../server/src/core';
import { specFindings } from '../../shared/specFindings';

/** The rules statusdoc has for specs: the NestJS-only rule never fires in OpenAPI. */
const SPEC_RULES = ['wrong-success-code', 'undocumented-code'] as const;
type SpecRule = (typeof SPEC_RULES)[number];

/** What Redocly hands a visitor: only the parts used here. */
interface Location {
  source: { absoluteRef: string; body: string };
  child(path: (string | number)[]): Location;
  key(): Location;
}
interface RuleContext {
  location: Location;
  report(problem: { message: string; location: Location }): void;
}

function rule(id: SpecRule) {
  return () => ({
    Root: {
      enter(_root: unknown, ctx: RuleContext) {
        const { absoluteRef, body } = ctx.location.source;
        // A spec fetched by URL has no folder of its own: the working folder's table is in force.
        const result = specFindings(/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef) ? undefined : absoluteRef, body);
        if (!result.ok) {
          ctx.report({ message: result.problem, location: ctx.location });
          return;
        }
        for (const finding of result.findings) {
          if (finding.rule !== id) continue;
          const location = finding.path.length > 0 ? ctx.location.child(finding.path).key() : ctx.location;
          ctx.report({ message: finding.message, location });
        }
      },
    },
  });
}

const rules = Object.fromEntries(SPEC_RULES.map((id) => [id, rule(id)]));

/** statusdoc's default severities, in Redocly's words. */
const recommended = {
  rules: Object.fromEntries(
    RULES.filter((meta) => (SPEC_RULES as readonly string[]).includes(meta.id)).map((meta) => [
      `statusdoc/${meta.id}`,
      meta.defaultSeverity === 'error' ? 'error' : 'warn',
    ]),
  ),
};

function statusdocPlugin() {
  return {
    id: 'statusdoc',
    rules: { oas3: rules, oas2: rules },
    configs: { recommended, all: { rules: Object.fromEntries(SPEC_RULES.map((id) => [`statusdoc/${id}`, 'error'])) } },
  };
}

export = statusdocPlugin;
