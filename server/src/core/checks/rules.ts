/**
 * Every rule, written once: id, default severity, and what it is about in both languages. `RuleId` is derived from
 * this list; SARIF, the docs and (through `npm run sync`) the manifest's settings, its translations and the
 * `.statusdoc.json` schema read the descriptions. Messages are in ../messages.ts.
 */
import type { Lang } from '../table/types';
import type { Severity, SeveritySetting } from './types';

interface RuleSpec {
  id: string;
  defaultSeverity: Severity;
  /** One sentence per language, shown as the rule's setting description and in SARIF (English). */
  description: Readonly<Record<Lang, string>>;
}

const RULE_SPECS = [
  {
    id: 'wrong-success-code',
    defaultSeverity: 'error',
    description: {
      en: 'A 2xx code where the documented table gives the HTTP method in force another success code.',
      'zh-cn': '某个 2xx 状态码，而文档状态码表为该 HTTP 方法规定了另一个正常返回码。',
    },
  },
  {
    id: 'undocumented-code',
    defaultSeverity: 'warning',
    description: {
      en: 'A status code the documented table does not document at all.',
      'zh-cn': '文档状态码表中没有记录的状态码。',
    },
  },
  {
    id: 'implicit-success-code',
    defaultSeverity: 'warning',
    description: {
      en: 'A NestJS handler without @HttpCode whose framework default (POST 201, others 200) differs from the table.',
      'zh-cn': '没有 @HttpCode 的 NestJS 处理方法，其框架默认返回码（POST 为 201，其余为 200）与状态码表不同。',
    },
  },
  {
    id: 'operation-without-route',
    defaultSeverity: 'information',
    description: {
      en: 'An OpenAPI operation that no route of the code it describes serves.',
      'zh-cn': '所描述的代码中没有任何路由提供的 OpenAPI 操作。',
    },
  },
  {
    id: 'route-not-in-spec',
    defaultSeverity: 'information',
    description: {
      en: 'A route registered in code that the OpenAPI spec describing that code does not list.',
      'zh-cn': '代码中注册了、但描述该代码的 OpenAPI 规范没有列出的路由。',
    },
  },
  {
    id: 'test-expects-unanswered-code',
    defaultSeverity: 'warning',
    description: {
      en: 'A test expects a status code that the handler of the route it calls never answers (judged only where all its answers are known).',
      'zh-cn': '测试期望的状态码，其请求的路由处理函数从不返回（仅在该处理函数的所有返回码均已知时判断）。',
    },
  },
  {
    id: 'response-not-in-spec',
    defaultSeverity: 'warning',
    description: {
      en: 'A handler answers a status code that its OpenAPI operation neither lists nor covers with a range or default.',
      'zh-cn': '处理方法返回的状态码，其 OpenAPI 操作既未列出，也未被范围（4XX/5XX）或 default 覆盖。',
    },
  },
  {
    id: 'spec-response-unanswered',
    defaultSeverity: 'information',
    description: {
      en: 'An OpenAPI operation lists a status code that no site of its handler answers (judged only where every code the handler can answer is known).',
      'zh-cn': 'OpenAPI 操作列出了一个其处理方法从不返回的状态码（仅在处理方法可能返回的状态码全部已知时判断）。',
    },
  },
] as const satisfies readonly RuleSpec[];

export type RuleId = (typeof RULE_SPECS)[number]['id'];

export interface RuleMeta extends RuleSpec {
  id: RuleId;
}

export const RULES: readonly RuleMeta[] = RULE_SPECS;

export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.id);

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}
