/** What the checks, fixes and the server say, in English and Simplified Chinese. The only place their wording lives. */
import type { NotChecked } from './limits';
import { CLI_MESSAGES } from './messages/cli';
import { renderProblem } from './messages/problems';
import type { Problem } from './table/problems';
import type { Lang } from './table/types';

export { renderConfigIssue, renderProblem, renderTableProblem } from './messages/problems';
export { CLI_MESSAGES } from './messages/cli';

interface Named {
  code: number;
  reason: string;
}

const name = (n: Named) => `${n.code} ${n.reason}`.trim();

export const MESSAGES = {
  wrongSuccessCode: (lang: Lang, method: string, found: Named, expected: Named) =>
    lang === 'zh-cn'
      ? `文档状态码表规定 ${method} 操作正常返回 ${name(expected)}，而不是 ${name(found)}。`
      : `${method} answers ${name(expected)} in the documented table, not ${name(found)}.`,
  /** wrong-success-code on a code the table does not document at all (202 under POST): one finding says both. */
  wrongUndocumentedSuccessCode: (lang: Lang, method: string, found: Named, expected: Named) =>
    lang === 'zh-cn'
      ? `文档状态码表规定 ${method} 操作正常返回 ${name(expected)}，而不是 ${name(found)}（状态码表中没有记录该状态码）。`
      : `${method} answers ${name(expected)} in the documented table, not ${name(found)}, which the table does not document.`,
  /** Appended where the method comes from a route in another file: where that route is registered. */
  methodRegisteredAt: (lang: Lang, method: string, registeredAt: string) =>
    lang === 'zh-cn' ? `（${method}，路由注册于 ${registeredAt}）` : ` (${method}, registered at ${registeredAt})`,
  /**
   * The code lens above a handler: `POST /v1/users · answers 201, 400` (`, …` when what it answers is not all known;
   * `· tests 2` when tests call it).
   */
  handlerLens: (lang: Lang, endpoints: readonly string[], codes: readonly number[], known: boolean, tests: number) => {
    const answered = codes.length === 0 && !known ? '…' : `${codes.join(', ')}${known ? '' : ', …'}`;
    const testCount = tests > 0 ? (lang === 'zh-cn' ? ` · ${tests} 个测试` : ` · ${tests} test${tests === 1 ? '' : 's'}`) : '';
    return lang === 'zh-cn' ? `${endpoints.join('，')} · 返回 ${answered}${testCount}` : `${endpoints.join(', ')} · answers ${answered}${testCount}`;
  },
  /**
   * The code lens above a spec operation: `spec 201 400 · code 201 409 · tests 201` — its response keys, what its
   * handlers answer (`…` where that is not all known) and what its tests expect; `no route` where none serves it.
   */
  operationLens: (
    lang: Lang,
    lens: { spec: readonly string[]; routed: boolean; codes: readonly number[]; known: boolean; tests: readonly number[] | undefined },
  ) => {
    const zh = lang === 'zh-cn';
    const list = (codes: readonly (string | number)[]) => (codes.length > 0 ? ` ${codes.join(' ')}` : '');
    const parts = [`${zh ? '规范' : 'spec'}${list(lens.spec) || (zh ? ' 无' : ' none')}`];
    if (!lens.routed) parts.push(zh ? '无路由' : 'no route');
    else parts.push(`${zh ? '代码' : 'code'}${list(lens.codes)}${lens.known ? '' : ' …'}`);
    if (lens.routed) parts.push(lens.tests ? `${zh ? '测试' : 'tests'}${list(lens.tests) || ' …'}` : zh ? '无测试' : 'no tests');
    return parts.join(' · ');
  },
  operationWithoutRoute: (lang: Lang, endpoint: string) =>
    lang === 'zh-cn' ? `规范列出了 ${endpoint}，但代码中没有提供它的路由。` : `The spec lists ${endpoint}, but no route in the code serves it.`,
  routeNotInSpec: (lang: Lang, endpoint: string, specs: readonly string[]) =>
    lang === 'zh-cn' ? `路由 ${endpoint} 未列在规范中（${specs.join('、')}）。` : `The route ${endpoint} is not listed in the spec (${specs.join(', ')}).`,
  /**
   * test-expects-unanswered-code: `GET /v1/users/{userId} never answers 400 (its handler getUser answers 200, 404;
   * src/controllers/user.controller.js:20)`, one clause per endpoint the request hits.
   */
  unansweredCode: (lang: Lang, code: number, endpoints: readonly { endpoint: string; handler?: string; codes: readonly number[]; at?: string }[]) =>
    endpoints
      .map(({ endpoint, handler, codes, at }) => {
        const where = at ? (lang === 'zh-cn' ? `；${at}` : `; ${at}`) : '';
        if (lang === 'zh-cn') return `${endpoint} 从不返回 ${code}（其处理函数${handler ? ` ${handler} ` : ''}只返回 ${codes.join('、')}${where}）`;
        return `${endpoint} never answers ${code} (its handler${handler ? ` ${handler}` : ''} answers ${codes.join(', ')}${where})`;
      })
      .join(lang === 'zh-cn' ? '；' : '; ') + (lang === 'zh-cn' ? '。' : '.'),
  responseNotInSpec: (lang: Lang, code: number, operation: string, place: string) =>
    lang === 'zh-cn'
      ? `处理方法返回 ${code}，但规范中的操作 ${operation}（${place}）没有列出它。`
      : `The handler answers ${code}, which the spec's operation ${operation} (${place}) does not list.`,
  specResponseUnanswered: (lang: Lang, code: number, operation: string, handlers: readonly string[]) =>
    lang === 'zh-cn'
      ? `${operation} 列出了 ${code}，但其处理方法（${handlers.join('、')}）从不返回它。`
      : `${operation} lists ${code}, but its handler (${handlers.join(', ')}) never answers it.`,
  specResponseHover: (lang: Lang, key: string, description: string | undefined, place: string) =>
    `${lang === 'zh-cn' ? '规范' : 'Spec'}: ${key}${description ? ` — ${description}` : ''} (${place})`,
  fixAddToSpec: (lang: Lang, code: number) => (lang === 'zh-cn' ? `将 '${code}' 添加到规范` : `Add '${code}' to the spec`),
  undocumentedCode: (lang: Lang, found: Named) =>
    lang === 'zh-cn' ? `状态码表中没有记录 ${name(found)}。` : `${name(found)} is not documented in the status-code table.`,
  implicitSuccessCode: (lang: Lang, method: string, found: Named, expected: Named) =>
    lang === 'zh-cn'
      ? `NestJS 默认以 ${name(found)} 响应 ${method}，而文档状态码表规定 ${method} 操作正常返回 ${name(expected)}。`
      : `NestJS answers ${method} with ${name(found)} by default; the documented table gives ${method} ${name(expected)}.`,
  fixChangeCode: (lang: Lang, text: string, method: string) =>
    lang === 'zh-cn' ? `改为 ${text}（文档规定的 ${method} 返回码）` : `Change to ${text} (documented for ${method})`,
  /** The change offered on request only: the code being replaced is undocumented, so the change changes behaviour. */
  fixChangeUndocumentedCode: (lang: Lang, found: number, text: string, method: string) =>
    lang === 'zh-cn'
      ? `将 ${found} 改为 ${text}（文档规定的 ${method} 返回码；会改变客户端收到的响应）`
      : `Change ${found} to ${text} (documented for ${method}; changes what clients receive)`,
  fixAddHttpCode: (lang: Lang, decorator: string) => (lang === 'zh-cn' ? `添加 ${decorator}` : `Add ${decorator}`),
  fixDisableLine: (lang: Lang, rule: string) => (lang === 'zh-cn' ? `在此行禁用 statusdoc 规则 ${rule}` : `Disable ${rule} for this line`),
  /** ESLint's statusdoc/prefer-named-constant: a literal status code that has a named constant. */
  preferNamedConstant: (lang: Lang, code: number, constant: string) =>
    lang === 'zh-cn' ? `状态码 ${code} 请使用具名常量 ${constant}。` : `Use the named constant ${constant} for ${code}.`,
  /** A file a shell that reports per file (the ESLint plugin) could not check in full: never a silent pass. */
  notChecked: (lang: Lang, cause: NotChecked) =>
    lang === 'zh-cn'
      ? `statusdoc 未检查此文件：${CLI_MESSAGES.skipCause(lang, cause)}。`
      : `statusdoc did not check this file: ${CLI_MESSAGES.skipCause(lang, cause)}.`,
  fixUseConstant: (lang: Lang, text: string) => (lang === 'zh-cn' ? `使用 ${text}` : `Use ${text}`),
  useAllConstants: (lang: Lang) => (lang === 'zh-cn' ? '将所有状态码数字替换为具名常量' : 'Use named constants for every status code'),
  createConstantsModule: (lang: Lang) => (lang === 'zh-cn' ? '根据文档状态码表创建状态码常量' : 'Create status-code constants from the documented table'),
  /** A table or .statusdoc.json problem as the editor shows it: framed, naming the file (and line) to fix. */
  tableProblem: (lang: Lang, problem: Problem) =>
    lang === 'zh-cn' ? `statusdoc：状态码表或 .statusdoc.json 有问题：${renderProblem(problem, lang)}` : `statusdoc: ${renderProblem(problem, lang)}`,
  noFolder: (lang: Lang) =>
    lang === 'zh-cn'
      ? 'statusdoc：请先打开一个文件夹，常量模块会写入工作区。'
      : 'statusdoc: open a folder first: the constants module is written into the workspace.',
  untrustedWrite: (lang: Lang, file: string) =>
    lang === 'zh-cn'
      ? `statusdoc：${file} 在工作区之外，不受信任的工作区不会写入该文件。`
      : `statusdoc: ${file} is outside the workspace; an untrusted workspace does not write there.`,
  /**
   * A document the editor does not check, and why. `limit` names the size setting that skipped it: the code-file one
   * says why it is lower (every keystroke re-reads the file), and both where to raise it.
   */
  documentSkipped: (lang: Lang, file: string, reason: string, limit?: 'statusdoc.maxFileSizeMB' | 'statusdoc.maxCodeFileSizeMB') => {
    if (lang === 'zh-cn') {
      const hint =
        limit === 'statusdoc.maxCodeFileSizeMB'
          ? '每次按键都要重新解析这么大的 TypeScript/JavaScript 文件，输入会变卡。可调大 statusdoc.maxCodeFileSizeMB 设置，或用 statusdoc 命令行检查。'
          : limit
            ? `可调整 ${limit} 设置。`
            : '';
      return `statusdoc：未检查 ${file}（${reason}），其中的状态码没有悬停提示和诊断。${hint}`;
    }
    const hint =
      limit === 'statusdoc.maxCodeFileSizeMB'
        ? ' Re-reading a TypeScript or JavaScript file this large on every keystroke would make typing lag: raise the statusdoc.maxCodeFileSizeMB setting to check it anyway, or check it with the statusdoc CLI.'
        : limit
          ? ` The limit is the ${limit} setting.`
          : '';
    return `statusdoc: ${file} is not checked (${reason}): no hovers or diagnostics for its status codes.${hint}`;
  },
  /** The client would not apply the constants module's edit. */
  couldNotWrite: (lang: Lang, file: string, reason?: string) =>
    lang === 'zh-cn' ? `statusdoc：无法写入 ${file}${reason ? `：${reason}` : ''}` : `statusdoc: could not write ${file}${reason ? `: ${reason}` : ''}`,
  /** The label of the edit that writes the constants module (the editor's undo names it). */
  constantsModuleEdit: (lang: Lang) => (lang === 'zh-cn' ? 'statusdoc：状态码常量模块' : 'statusdoc: constants module'),
  fixAll: (lang: Lang) => (lang === 'zh-cn' ? '修复所有 statusdoc 可自动修复的问题' : 'Fix all auto-fixable statusdoc problems'),
};
