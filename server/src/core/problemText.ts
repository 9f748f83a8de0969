/**
 * Simplified Chinese for the problems a table doc or .statusdoc.json can have. The loaders write them in English,
 * composed from a few fixed phrases (each written in one place: core/table/*, project/*); this table renders each
 * phrase in Chinese and leaves file names, lines, codes and quoted values as they are. A test feeds it every kind
 * of problem the loaders produce and checks that no English phrase is left over.
 */
import type { Lang } from './table/types';

const ZH: [RegExp, string][] = [
  [/no status-code table found: expected rows that start with a code such as 404/g, '没有找到状态码表：应有以状态码（如 404）开头的行'],
  [/\brow (\d+) of table (\d+)/g, '表 $2 第 $1 行'],
  [/\bdefault row (\d+)/g, '默认表第 $1 行'],
  [/\brow (\d+)/g, '第 $1 行'],
  [/\bentry (\d+)/g, '第 $1 项'],
  [/\bentry "([^"]*)"/g, '条目 "$1"'],
  [/expected a status code from 100 to 599, found "([^"]*)"/g, '应为 100 到 599 之间的状态码，实际为 "$1"'],
  [/(\d{3}) is documented twice \(first on line (\d+)\)/g, '$1 被记录了两次（首次在第 $2 行）'],
  [/(\d{3}) is documented twice/g, '$1 被记录了两次'],
  [/(\d{3}) has no meaning/g, '$1 没有说明'],
  [/"([^"]*)" is not an HTTP method/g, '"$1" 不是 HTTP 方法'],
  [/([A-Z]+) is named as the normal answer of both (\d{3}) \(([^)]*)\) and (\d{3})/g, '$1 同时被写为 $2（$3）和 $4 的正常返回'],
  [/nested deeper than (\d+) levels: not a status-code table/g, '嵌套超过 $1 层：不是状态码表'],
  [/not valid JSON\/YAML: /g, '不是有效的 JSON/YAML：'],
  [/not valid JSON: /g, '不是有效的 JSON：'],
  [/expected a mapping with code, reason and meaning/g, '应为包含 code、reason 和 meaning 的映射'],
  [/unknown translation language "([^"]*)" \(use en or zh-cn\)/g, '未知的翻译语言 "$1"（请用 en 或 zh-cn）'],
  [/methods must be a list such as \[POST\]/g, 'methods 必须是列表，例如 [POST]'],
  [/unknown kind "([^"]*)" \(use success or error\)/g, '未知的类型 "$1"（请用 success 或 error）'],
  [/expected a list of codes, or a mapping "codes:" of code to meaning/g, '应为状态码列表，或状态码到说明的 "codes:" 映射'],
  [/could not read the table: /g, '无法读取状态码表：'],
  [/the file is binary, not a table doc/g, '该文件是二进制文件，不是状态码表文档'],
  [/expected a JSON object/g, '应为 JSON 对象'],
  [/"table" must be a path string/g, '"table" 必须是路径字符串'],
  [/"rules" must be an object of rule id to severity/g, '"rules" 必须是规则 ID 到严重级别的对象'],
  [/"constants" must be an object with "source" and\/or "module"/g, '"constants" 必须是包含 "source" 和/或 "module" 的对象'],
  [/"constants\.module" must be a path string/g, '"constants.module" 必须是路径字符串'],
  [/unknown rule \(known: ([^)]*)\)/g, '未知的规则（已知：$1）'],
  [/expected one of /g, '应为以下之一：'],
  [/ ?\(named by the statusdoc\.table setting\)/g, '（由 statusdoc.table 设置指定）'],
  [/ ?\(named by --table\)/g, '（由 --table 指定）'],
  [/ ?\(named by ([^)]*)\)/g, '（由 $1 指定）'],
  [/: file not found/g, '：找不到文件'],
  [/: not a file/g, '：不是文件'],
  [/ is outside the workspace, and an untrusted workspace reads no table from outside; the default table is used/g, ' 在工作区之外，不受信任的工作区不读取工作区外的状态码表；改用默认状态码表'],
  [/ ?\(the last good version stays in force\)/g, '（仍使用上一个正确的版本）'],
  [/ ?\(the default table is used\)/g, '（改用默认状态码表）'],
];

/** The problem in the user's language: as written for English, phrase by phrase for Chinese. */
export function problemText(lang: Lang, problem: string): string {
  return lang === 'zh-cn' ? ZH.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), problem) : problem;
}
