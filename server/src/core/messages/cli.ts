/** What the CLI says on stderr and about the constants module, in English and Simplified Chinese. */
import type { NotChecked } from '../limits';
import type { Problem } from '../table/problems';
import type { Lang } from '../table/types';
import { renderProblem } from './problems';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const CLI_MESSAGES = {
  /**
   * A broken table or .statusdoc.json stops the run (exit 2) rather than checking against something else: no "the
   * default table is used", since none is. A .statusdoc.json problem names its file and needs no "bad table".
   */
  badTable: (lang: Lang, problem: Problem) => {
    const text = renderProblem(problem.kind === 'tableInvalid' ? { ...problem, kept: 'none' } : problem, lang);
    if (problem.kind === 'configInvalid' || problem.kind === 'configUnreadable' || problem.kind === 'configOutsideWorkspace') return text;
    return lang === 'zh-cn' ? `状态码表有问题：${text}` : `bad table: ${text}`;
  },
  /** Why a file was not checked, for CLI notes, reports and the editor's message. */
  skipCause: (lang: Lang, cause: NotChecked) => {
    switch (cause.kind) {
      case 'binary':
        return lang === 'zh-cn' ? '二进制内容' : 'binary content';
      case 'too-deep':
        if (cause.limit === undefined) return lang === 'zh-cn' ? '嵌套过深，解析器无法读取' : 'nested too deeply for the parser to read';
        return lang === 'zh-cn' ? `嵌套超过 ${cause.limit} 层` : `nested deeper than ${cause.limit} levels`;
      case 'failure':
        return lang === 'zh-cn'
          ? `statusdoc 读取时出错（${cause.firstLine}）；用 --debug 查看详情`
          : `statusdoc could not finish reading it (${cause.firstLine}); run with --debug for the trace`;
      case 'unreadable':
        return lang === 'zh-cn' ? `无法读取（${cause.reason}）` : `cannot be read: ${cause.reason}`;
      case 'too-large': {
        const limit = cause.limit.toLocaleString('en');
        const chars = cause.chars.toLocaleString('en');
        return lang === 'zh-cn' ? `超过 ${limit} 个字符（${chars}）` : `larger than ${limit} characters (${chars})`;
      }
    }
  },
  skipped: (lang: Lang, file: string, cause: NotChecked) =>
    lang === 'zh-cn' ? `已跳过 ${file}：${CLI_MESSAGES.skipCause(lang, cause)}` : `skipped ${file}: ${CLI_MESSAGES.skipCause(lang, cause)}`,
  folderUnreadable: (lang: Lang, folder: string, reason: string) =>
    lang === 'zh-cn' ? `已跳过文件夹 ${folder}：无法读取（${reason}）` : `skipped the folder ${folder}: cannot be read: ${reason}`,
  /** --fix: the findings of the file are reported as they were; the run exits 2. */
  fixNotWritten: (lang: Lang, file: string, reason: string) =>
    lang === 'zh-cn' ? `无法把修复写入 ${file}：${reason}` : `could not write the fixes to ${file}: ${reason}`,
  /** --fix: someone changed the file while statusdoc worked on it; their edit wins. */
  fixChangedMeanwhile: (lang: Lang, file: string) =>
    lang === 'zh-cn'
      ? `未修复 ${file}：statusdoc 检查期间该文件被修改了；请再运行一次 --fix`
      : `did not fix ${file}: it changed while statusdoc was checking it; run --fix again`,
  constantsNotWritten: (lang: Lang, file: string, reason: string) => (lang === 'zh-cn' ? `无法写入 ${file}：${reason}` : `could not write ${file}: ${reason}`),
  noSuchPath: (lang: Lang, paths: readonly string[]) =>
    lang === 'zh-cn' ? `找不到文件或文件夹：${paths.join(', ')}` : `no such file or folder: ${paths.join(', ')}`,
  notSupported: (lang: Lang, file: string) =>
    lang === 'zh-cn'
      ? `已跳过 ${file}：不是 TypeScript、JavaScript、YAML 文件或 JSON 格式的 OpenAPI 规范`
      : `skipped ${file}: not a TypeScript, JavaScript or YAML file, nor an OpenAPI spec in JSON`,
  fixed: (lang: Lang, problems: number, files: number) =>
    lang === 'zh-cn' ? `已修复 ${files} 个文件中的 ${problems} 个问题` : `fixed ${plural(problems, 'problem')} in ${plural(files, 'file')}`,
  constantsUpToDate: (lang: Lang, file: string) => (lang === 'zh-cn' ? `${file} 与文档状态码表一致` : `${file} is up to date with the documented table`),
  constantsMissing: (lang: Lang, file: string) =>
    lang === 'zh-cn' ? `${file} 不存在：请运行 statusdoc constants 生成` : `${file} does not exist: run statusdoc constants to regenerate it`,
  constantsOutOfDate: (lang: Lang, file: string) =>
    lang === 'zh-cn' ? `${file} 已过期：请运行 statusdoc constants 重新生成` : `${file} is out of date: run statusdoc constants to regenerate it`,
  constantsAlreadyUpToDate: (lang: Lang, file: string) => (lang === 'zh-cn' ? `${file} 已是最新` : `${file} is already up to date`),
  constantsWritten: (lang: Lang, file: string) => (lang === 'zh-cn' ? `已写入 ${file}` : `wrote ${file}`),
  /** --cache: a cache file that is not statusdoc's, or is damaged, is never trusted; a foreign one is not overwritten. */
  cacheIgnored: (lang: Lang, file: string, why: 'unreadable' | 'damaged' | 'foreign') => {
    if (lang === 'zh-cn') {
      const reason = why === 'unreadable' ? '无法读取' : why === 'damaged' ? '已损坏，将重写' : '不是 statusdoc 的缓存文件，不会覆盖它';
      return `忽略缓存 ${file}：${reason}`;
    }
    const reason =
      why === 'unreadable' ? 'cannot be read' : why === 'damaged' ? 'damaged; it will be rewritten' : 'not a statusdoc cache; it will not be overwritten';
    return `ignoring the cache ${file}: ${reason}`;
  },
  cacheNotWritten: (lang: Lang, file: string, failure: string) =>
    lang === 'zh-cn' ? `无法写入缓存 ${file}：${failure}` : `could not write the cache ${file}: ${failure}`,
};
