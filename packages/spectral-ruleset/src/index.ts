/**
 * statusdoc as a Spectral ruleset: `extends: [statusdoc-spectral-ruleset]` (or the path of its dist/index.js) adds
 * the rules `statusdoc/wrong-success-code` and `statusdoc/undocumented-code`. One custom function reads the text of
 * the document Spectral is linting with statusdoc's core, the table and `.statusdoc.json` found from the spec's
 * folder, and returns each finding at the path of the response code's key, where `statusdoc check` puts it.
 */
import * as fs from 'node:fs';
import { RULES } from '../../../server/src/core';
import { specFindings } from '../../shared/specFindings';

const SPEC_RULES = ['wrong-success-code', 'undocumented-code'] as const;
type SpecRule = (typeof SPEC_RULES)[number];

/** What Spectral hands a function: only the parts used here. */
interface FunctionContext {
  document: { source: string | null; input?: unknown };
}

/** The document's own text: Spectral keeps what it parsed (`input`); else the file it came from. */
function textOf(document: FunctionContext['document']): string | undefined {
  if (typeof document.input === 'string') return document.input;
  try {
    return document.source ? fs.readFileSync(document.source, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function statusdoc(_input: unknown, options: { rule: SpecRule }, context: FunctionContext) {
  const text = textOf(context.document);
  if (text === undefined) return [{ message: 'statusdoc: the text of this document is not available', path: [] }];
  const result = specFindings(context.document.source ?? undefined, text);
  if (!result.ok) return [{ message: result.problem, path: result.path }];
  return result.findings.filter((finding) => finding.rule === options.rule).map((finding) => ({ message: finding.message, path: finding.path }));
}

const ruleset = {
  rules: Object.fromEntries(
    RULES.filter((meta) => (SPEC_RULES as readonly string[]).includes(meta.id)).map((meta) => [
      `statusdoc/${meta.id}`,
      {
        description: meta.description.en,
        // Spectral's words for statusdoc's default severity.
        severity: meta.defaultSeverity === 'information' ? 'info' : meta.defaultSeverity === 'warning' ? 'warn' : meta.defaultSeverity,
        recommended: true,
        message: '{{error}}',
        given: '$',
        then: { function: statusdoc, functionOptions: { rule: meta.id } },
      },
    ]),
  ),
};

export = ruleset;
