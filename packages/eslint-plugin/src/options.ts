/** The rules' options: which table (over .statusdoc.json's), which language for messages, and for constants where from. */
import type { JSONSchema4 } from 'json-schema';
import { CONSTANTS_SETTINGS, type ConstantsSetting, type Lang } from '../../../server/src/core';
import type { AnalysisOptions } from './analysis';

export interface RuleOptions extends AnalysisOptions {
  constants: { source: ConstantsSetting; module: string };
}

const COMMON = {
  table: { type: 'string', description: "A table doc, relative to ESLint's working directory; overrides .statusdoc.json's." },
  lang: { enum: ['en', 'zh-cn'], description: 'The language of the messages (default en).' },
} satisfies Record<string, JSONSchema4>;

export const OPTIONS_SCHEMA: JSONSchema4[] = [{ type: 'object', properties: COMMON, additionalProperties: false }];

export const CONSTANTS_OPTIONS_SCHEMA: JSONSchema4[] = [
  {
    type: 'object',
    properties: {
      ...COMMON,
      constants: {
        type: 'object',
        properties: {
          source: { enum: [...CONSTANTS_SETTINGS], description: "Where constants come from (default auto: .statusdoc.json's, then the file's imports)." },
          module: { type: 'string', description: "The project's constants module, relative to the nearest package.json's folder." },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
];

/** ESLint has checked the options against the schema; what is missing gets its default. */
export function readOptions(options: readonly unknown[]): RuleOptions {
  const given = (options[0] ?? {}) as { table?: string; lang?: Lang; constants?: { source?: ConstantsSetting; module?: string } };
  return {
    table: given.table || undefined,
    lang: given.lang ?? 'en',
    constants: { source: given.constants?.source ?? 'auto', module: given.constants?.module ?? '' },
  };
}
