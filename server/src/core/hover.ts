/** What a hover over a status-code site says: the documented table's word on that code. */
import { codesOf, placeText, type EndpointAnswer, type Place, type RequestAnswers } from './checks/requestAnswers';
import { STANDARD_REASONS, statusClass } from './httpStatus';
import type { OpenEndReason } from './sites/types';
import type { Site } from './sites/types';
import type { Lang, StatusEntry, StatusTable } from './table/types';

export interface HoverContext {
  table: StatusTable;
  /** The language to show first; the other one follows beneath. */
  lang: Lang;
  /** How to name the table in force: a workspace-relative path, or the default's name. */
  tableLabel: string;
  /** The endpoints a route in another file serves this handler under (the project's route index). */
  route?: { endpoints: readonly string[]; registeredAt: string };
  /** A test's expected code: the endpoints its request hits and what their handlers answer (the route index). */
  request?: RequestAnswers;
}

const LABELS = {
  en: {
    success: 'success',
    error: 'error',
    informational: 'informational',
    redirect: 'redirect',
    normalAnswerOf: 'Documented normal answer of',
    notDocumented: 'Not documented in the status-code table.',
    documented: 'Documented codes',
    table: 'Table',
    line: 'line',
    endpoint: 'Endpoint',
    registeredAt: 'registered at',
    handler: 'handler',
    inlineHandler: 'its inline handler',
    answers: 'answers',
    handlerNotFound: 'handler not found: what it answers is not known',
    andNotKnown: 'and codes not known',
  },
  'zh-cn': {
    success: '正常返回码',
    error: '错误返回码',
    informational: '信息',
    redirect: '重定向',
    normalAnswerOf: '文档规定的正常返回',
    notDocumented: '状态码表中没有记录此状态码。',
    documented: '已记录的状态码',
    table: '状态码表',
    line: '行',
    endpoint: '接口',
    registeredAt: '路由注册于',
    handler: '处理函数',
    inlineHandler: '其内联处理函数',
    answers: '返回',
    handlerNotFound: '未找到处理函数，其返回码未知',
    andNotKnown: '另有未知返回码',
  },
} as const;

const CLASS_LABELS: Record<Lang, Record<ReturnType<typeof statusClass>, string>> = {
  en: { informational: '1xx', success: '2xx', redirect: '3xx', 'client error': 'client error', 'server error': 'server error' },
  'zh-cn': { informational: '1xx', success: '2xx', redirect: '3xx', 'client error': '客户端错误', 'server error': '服务端错误' },
};

function other(lang: Lang): Lang {
  return lang === 'en' ? 'zh-cn' : 'en';
}

function codeLine(site: Site, reason: string): string {
  const constant = site.form.kind === 'constant' || site.form.kind === 'enum' ? ` · \`${site.form.text}\`` : '';
  return `**${site.code} ${reason}**${constant}`;
}

function meaningLines(entry: StatusEntry, lang: Lang): string[] {
  const first = entry.meanings[lang] ?? entry.meanings[entry.documentedLang]!;
  const second = entry.meanings[other(lang)];
  return second && second !== first ? [first, `*${second}*`] : [first];
}

function tableLine(context: HoverContext, entry?: StatusEntry): string {
  const labels = LABELS[context.lang];
  const where = entry?.line ? ` (${labels.line} ${entry.line})` : '';
  return `${labels.table}: ${context.tableLabel}${where}`;
}

/** `Endpoint: POST /v1/users (registered at src/routes/v1/user.route.js:6)`, for a handler routed from elsewhere. */
function routeLines(context: HoverContext): string[] {
  if (!context.route) return [];
  const labels = LABELS[context.lang];
  const endpoints = context.route.endpoints.map((endpoint) => `\`${endpoint}\``).join(', ');
  return [`${labels.endpoint}: ${endpoints} (${labels.registeredAt} ${context.route.registeredAt})`];
}

const OPEN_END_LABELS: Record<Lang, Record<OpenEndReason, string>> = {
  en: {
    'status-from-value': 'a status from a value',
    'error-passed-on': 'an error passed on',
    'unknown-throw': 'a throw',
    'response-handed-off': 'the response handed off',
    middleware: 'middleware before the handler',
  },
  'zh-cn': {
    'status-from-value': '状态码来自变量',
    'error-passed-on': '错误被传递出去',
    'unknown-throw': '抛出异常',
    'response-handed-off': '响应交给了其他函数',
    middleware: '处理函数之前的中间件',
  },
};

/** `user.controller.js:22`: the file's name is enough beside the handler's full place. */
function shortPlace(place: Place): string {
  return `${place.file.slice(place.file.lastIndexOf('/') + 1)}:${place.line}`;
}

/**
 * `GET /v1/users/{userId}` → handler `getUser` answers 200 (user.controller.js:22), 404 (user.controller.js:24), for
 * each endpoint a test's request hits; "and codes not known (…)" naming the first open end where there is one.
 */
function endpointLine(answer: EndpointAnswer, lang: Lang): string {
  const labels = LABELS[lang];
  const head = `\`${answer.endpoint}\` →`;
  if (!answer.handlerAt) return `${head} ${labels.handlerNotFound}`;
  const handler = answer.handler ? `${labels.handler} \`${answer.handler}\`` : labels.inlineHandler;
  const places = codesOf(answer).map((code) => {
    const at = answer.codes.filter((answered) => answered.code === code).map((answered) => shortPlace(answered.at));
    return `${code} (${at.join(', ')})`;
  });
  const comma = lang === 'zh-cn' ? '，' : ', ';
  const open = answer.openEnd
    ? `${places.length > 0 ? comma : ''}${labels.andNotKnown} (${OPEN_END_LABELS[lang][answer.openEnd.reason]}, ${shortPlace(answer.openEnd.at)})`
    : answer.known
      ? ''
      : `${places.length > 0 ? comma : ''}${labels.andNotKnown}`;
  return `${head} ${handler} (${placeText(answer.handlerAt)}) ${labels.answers} ${places.join(comma)}${open}`;
}

function requestLines(context: HoverContext): string[] {
  return context.request?.endpoints.map((answer) => endpointLine(answer, context.lang)) ?? [];
}

/** Markdown for a hover over a site. */
export function hoverMarkdown(site: Site, context: HoverContext): string {
  const labels = LABELS[context.lang];
  const entry = context.table.entries.get(site.code);
  if (!entry) {
    const documented = [...context.table.entries.keys()].join(', ');
    return [
      `${codeLine(site, STANDARD_REASONS.get(site.code) ?? '')} — ${CLASS_LABELS[context.lang][statusClass(site.code)]}`,
      `⚠ ${labels.notDocumented}`,
      `${labels.documented}: ${documented}`,
      ...routeLines(context),
      ...requestLines(context),
      tableLine(context),
    ].join('\n\n');
  }
  const kind = `${labels[entry.kind]} (${CLASS_LABELS[context.lang][statusClass(entry.code)]})`;
  const parts = [`${codeLine(site, entry.reason)} — ${kind}`, ...meaningLines(entry, context.lang)];
  if (entry.methods.length > 0) parts.push(`${labels.normalAnswerOf}: ${entry.methods.join(', ')}`);
  parts.push(...routeLines(context), ...requestLines(context), tableLine(context, entry));
  return parts.join('\n\n');
}

/** One line for the CLI: "Service Unavailable — 请求未完成，系统暂时异常。" */
export function summaryLine(code: number, table: StatusTable, lang: Lang): string {
  const entry = table.entries.get(code);
  if (!entry) return `${STANDARD_REASONS.get(code) ?? 'Unknown'} — ${LABELS[lang].notDocumented}`;
  return `${entry.reason} — ${entry.meanings[lang] ?? entry.meanings[entry.documentedLang]}`;
}
