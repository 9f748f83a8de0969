/** What a hover over a status-code site says: the documented table's word on that code. */
import { STANDARD_REASONS, statusClass } from './httpStatus';
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
      tableLine(context),
    ].join('\n\n');
  }
  const kind = `${labels[entry.kind]} (${CLASS_LABELS[context.lang][statusClass(entry.code)]})`;
  const parts = [`${codeLine(site, entry.reason)} — ${kind}`, ...meaningLines(entry, context.lang)];
  if (entry.methods.length > 0) parts.push(`${labels.normalAnswerOf}: ${entry.methods.join(', ')}`);
  parts.push(...routeLines(context), tableLine(context, entry));
  return parts.join('\n\n');
}

/** One line for the CLI: "Service Unavailable — 请求未完成，系统暂时异常。" */
export function summaryLine(code: number, table: StatusTable, lang: Lang): string {
  const entry = table.entries.get(code);
  if (!entry) return `${STANDARD_REASONS.get(code) ?? 'Unknown'} — ${LABELS[lang].notDocumented}`;
  return `${entry.reason} — ${entry.meanings[lang] ?? entry.meanings[entry.documentedLang]}`;
}
