/**
 * Table doc and .statusdoc.json problems in words, English and Simplified Chinese. Each language is a record with one
 * function per kind, so the compiler insists every kind is written in every language with the right arguments.
 * File names, lines, codes, quoted values and a parser's own text are shown as they are.
 */
import type { ConfigIssue, NamedBy, Problem, ReadFailure, RowRef, TableIssue, TableProblem } from '../table/problems';
import type { Lang } from '../table/types';

type Phrases<T extends { kind: string }> = { [K in T['kind']]: (args: Extract<T, { kind: K }>) => string };

interface Catalogue {
  row: Phrases<RowRef>;
  /** Issues scoped to a row are rendered "<row>: <issue>" in both languages. */
  table: Phrases<TableIssue>;
  config: Phrases<ConfigIssue>;
  /** " (named by …)", leading space included. */
  namedBy: Phrases<NamedBy>;
  /** After "<file> (named by …)" or "<file>", separator included. */
  failure: Phrases<ReadFailure>;
  problem: Phrases<Problem>;
}

const phrase = <T extends { kind: string }>(phrases: Phrases<T>, item: T): string => (phrases[item.kind as T['kind']] as (args: T) => string)(item);

/** What is in force instead of a broken doc, as a tail; nothing where nothing is (the CLI stops with exit 2). */
const KEPT_EN = { lastGood: ' (the last good version stays in force)', default: ' (the default table is used)', none: '' };
const KEPT_ZH = { lastGood: '（仍使用上一个正确的版本）', default: '（改用默认状态码表）', none: '' };

// Called only once the catalogues below exist.
const enRow = (at: RowRef) => phrase(EN.row, at);
const zhRow = (at: RowRef) => phrase(ZH.row, at);

const EN: Catalogue = {
  row: {
    row: ({ row, table }) => `row ${row}${table === undefined ? '' : ` of table ${table}`}`,
    entry: ({ index }) => `entry ${index}`,
    key: ({ key }) => `entry "${key}"`,
    defaultRow: ({ row }) => `default row ${row}`,
  },
  table: {
    binary: () => 'the file is binary, not a table doc',
    readerFailed: ({ message }) => `could not read the table: ${message}`,
    noTable: () => 'no status-code table found: expected rows that start with a code such as 404',
    tooDeep: ({ levels }) => `nested deeper than ${levels} levels: not a status-code table`,
    invalidData: ({ parserMessage }) => `not valid JSON/YAML: ${parserMessage}`,
    multipleDocuments: () => 'the file holds more than one YAML document (a "---" line between them); keep the table as its only document',
    notAList: () => 'expected a list of codes, or a mapping "codes:" of code to meaning',
    notAMapping: ({ at }) => `${enRow(at)}: expected a mapping with code, reason and meaning`,
    unknownTranslation: ({ at, lang }) => `${enRow(at)}: unknown translation language "${lang}" (use en or zh-cn)`,
    methodsNotAList: ({ at }) => `${enRow(at)}: methods must be a list such as [POST]`,
    unknownKind: ({ at, kindText }) => `${enRow(at)}: unknown kind "${kindText}" (use success or error)`,
    badCode: ({ at, found }) => `${enRow(at)}: expected a status code from 100 to 599, found "${found}"`,
    duplicateCode: ({ at, code, firstLine }) => `${enRow(at)}: ${code} is documented twice${firstLine ? ` (first on line ${firstLine})` : ''}`,
    noMeaning: ({ at, code }) => `${enRow(at)}: ${code} has no meaning`,
    notAMethod: ({ at, name }) => `${enRow(at)}: "${name}" is not an HTTP method`,
    methodClash: ({ at, method, code, other, otherAt }) =>
      `${enRow(at)}: ${method} is named as the normal answer of both ${other} (${enRow(otherAt)}) and ${code}`,
  },
  config: {
    configNotJson: ({ parserMessage }) => `not valid JSON: ${parserMessage}`,
    configNotObject: () => 'expected a JSON object',
    tableNotString: () => '"table" must be a path string',
    rulesNotObject: () => '"rules" must be an object of rule id to severity',
    unknownRule: ({ rule, known }) => `"rules.${rule}": unknown rule (known: ${known.join(', ')})`,
    badSeverity: ({ rule, allowed }) => `"rules.${rule}": expected one of ${allowed.join(', ')}`,
    constantsNotObject: () => '"constants" must be an object with "source" and/or "module"',
    badConstantsSource: ({ allowed }) => `"constants.source": expected one of ${allowed.join(', ')}`,
    constantsModuleNotString: () => '"constants.module" must be a path string',
    badApi: ({ index, field, issue }) => {
      const where = index === undefined ? '"apis"' : field ? `"apis[${index}].${field}"` : `"apis[${index}]"`;
      const how = {
        notList: 'must be a list of { "spec", "prefix", "code" } entries',
        notObject: 'must be an object with "spec" (and optionally "prefix" and "code")',
        missing: 'is required: the spec file, relative to .statusdoc.json',
        notString: 'must be a string',
        notStringList: 'must be a list of folders, relative to .statusdoc.json',
        notPath: 'must be a path such as "/api/v1" (starting with "/", no "{variables}")',
      }[issue];
      return `${where} ${how}`;
    },
    unknownKeys: ({ keys, known }) =>
      `unknown ${keys.length === 1 ? 'key' : 'keys'} ${keys.map((key) => `"${key}"`).join(', ')}, ignored (known: ${known.join(', ')})`,
  },
  namedBy: {
    setting: () => ' (named by the statusdoc.table setting)',
    flag: () => ' (named by --table)',
    eslintOption: () => ' (named by the ESLint rule option "table")',
    config: ({ file }) => ` (named by ${file})`,
  },
  failure: {
    notFound: () => ': file not found',
    notAFile: () => ': not a file',
    ioError: ({ message }) => `: ${message}`,
    parseFailed: ({ message }) => `: ${message}`,
  },
  problem: {
    configInvalid: ({ file, issue, kept }) => `${file}: ${phrase(EN.config, issue)}${kept ? ' (its last good version stays in force)' : ''}`,
    configUnreadable: ({ file, failure, kept }) => `${file}${phrase(EN.failure, failure)}${kept ? ' (its last good version stays in force)' : ''}`,
    configOutsideWorkspace: ({ file }) =>
      `${file} is a link to a file outside the workspace, and an untrusted workspace reads nothing from outside; it is ignored`,
    tableUnreadable: ({ file, namedBy, failure }) => `${file}${phrase(EN.namedBy, namedBy)}${phrase(EN.failure, failure)}`,
    tableOutsideWorkspace: ({ file, namedBy }) =>
      `${file}${phrase(EN.namedBy, namedBy)} is outside the workspace, and an untrusted workspace reads no table from outside; the default table is used`,
    tableInvalid: ({ file, line, issue, kept }) => `${line ? `${file}:${line}` : file}: ${phrase(EN.table, issue)}${KEPT_EN[kept]}`,
  },
};

const ZH: Catalogue = {
  row: {
    row: ({ row, table }) => (table === undefined ? `第 ${row} 行` : `表 ${table} 第 ${row} 行`),
    entry: ({ index }) => `第 ${index} 项`,
    key: ({ key }) => `条目 "${key}"`,
    defaultRow: ({ row }) => `默认表第 ${row} 行`,
  },
  table: {
    binary: () => '该文件是二进制文件，不是状态码表文档',
    readerFailed: ({ message }) => `无法读取状态码表：${message}`,
    noTable: () => '没有找到状态码表：应有以状态码（如 404）开头的行',
    tooDeep: ({ levels }) => `嵌套超过 ${levels} 层：不是状态码表`,
    invalidData: ({ parserMessage }) => `不是有效的 JSON/YAML：${parserMessage}`,
    multipleDocuments: () => '该文件包含多个 YAML 文档（中间有 "---" 行）；请只保留状态码表这一个文档',
    notAList: () => '应为状态码列表，或状态码到说明的 "codes:" 映射',
    notAMapping: ({ at }) => `${zhRow(at)}: 应为包含 code、reason 和 meaning 的映射`,
    unknownTranslation: ({ at, lang }) => `${zhRow(at)}: 未知的翻译语言 "${lang}"（请用 en 或 zh-cn）`,
    methodsNotAList: ({ at }) => `${zhRow(at)}: methods 必须是列表，例如 [POST]`,
    unknownKind: ({ at, kindText }) => `${zhRow(at)}: 未知的类型 "${kindText}"（请用 success 或 error）`,
    badCode: ({ at, found }) => `${zhRow(at)}: 应为 100 到 599 之间的状态码，实际为 "${found}"`,
    duplicateCode: ({ at, code, firstLine }) => `${zhRow(at)}: ${code} 被记录了两次${firstLine ? `（首次在第 ${firstLine} 行）` : ''}`,
    noMeaning: ({ at, code }) => `${zhRow(at)}: ${code} 没有说明`,
    notAMethod: ({ at, name }) => `${zhRow(at)}: "${name}" 不是 HTTP 方法`,
    methodClash: ({ at, method, code, other, otherAt }) => `${zhRow(at)}: ${method} 同时被写为 ${other}（${zhRow(otherAt)}）和 ${code} 的正常返回`,
  },
  config: {
    configNotJson: ({ parserMessage }) => `不是有效的 JSON：${parserMessage}`,
    configNotObject: () => '应为 JSON 对象',
    tableNotString: () => '"table" 必须是路径字符串',
    rulesNotObject: () => '"rules" 必须是规则 ID 到严重级别的对象',
    unknownRule: ({ rule, known }) => `"rules.${rule}": 未知的规则（已知：${known.join(', ')}）`,
    badSeverity: ({ rule, allowed }) => `"rules.${rule}": 应为以下之一：${allowed.join(', ')}`,
    constantsNotObject: () => '"constants" 必须是包含 "source" 和/或 "module" 的对象',
    badConstantsSource: ({ allowed }) => `"constants.source": 应为以下之一：${allowed.join(', ')}`,
    constantsModuleNotString: () => '"constants.module" 必须是路径字符串',
    badApi: ({ index, field, issue }) => {
      const where = index === undefined ? '"apis"' : field ? `"apis[${index}].${field}"` : `"apis[${index}]"`;
      const how = {
        notList: '必须是由 { "spec", "prefix", "code" } 组成的列表',
        notObject: '必须是包含 "spec"（以及可选的 "prefix" 和 "code"）的对象',
        missing: '是必需的：规范文件路径，相对于 ".statusdoc.json" 所在的文件夹',
        notString: '必须是字符串',
        notStringList: '必须是文件夹列表，相对于 ".statusdoc.json" 所在的文件夹',
        notPath: '必须是类似 "/api/v1" 的路径（以 "/" 开头，不含 "{变量}"）',
      }[issue];
      return `${where} ${how}`;
    },
    unknownKeys: ({ keys, known }) => `未知的键 ${keys.map((key) => `"${key}"`).join('、')}，已忽略（已知：${known.join(', ')}）`,
  },
  namedBy: {
    setting: () => '（由 statusdoc.table 设置指定）',
    flag: () => '（由 --table 指定）',
    eslintOption: () => '（由 ESLint 规则选项 "table" 指定）',
    config: ({ file }) => `（由 ${file} 指定）`,
  },
  failure: {
    notFound: () => '：找不到文件',
    notAFile: () => '：不是文件',
    ioError: ({ message }) => `: ${message}`,
    parseFailed: ({ message }) => `: ${message}`,
  },
  problem: {
    configInvalid: ({ file, issue, kept }) => `${file}: ${phrase(ZH.config, issue)}${kept ? '（仍使用它上一个正确的版本）' : ''}`,
    configUnreadable: ({ file, failure, kept }) => `${file}${phrase(ZH.failure, failure)}${kept ? '（仍使用它上一个正确的版本）' : ''}`,
    configOutsideWorkspace: ({ file }) => `${file} 链接到工作区之外的文件，不受信任的工作区不读取工作区外的内容；已忽略该文件`,
    tableUnreadable: ({ file, namedBy, failure }) => `${file}${phrase(ZH.namedBy, namedBy)}${phrase(ZH.failure, failure)}`,
    tableOutsideWorkspace: ({ file, namedBy }) =>
      `${file}${phrase(ZH.namedBy, namedBy)} 在工作区之外，不受信任的工作区不读取工作区外的状态码表；改用默认状态码表`,
    tableInvalid: ({ file, line, issue, kept }) => `${line ? `${file}:${line}` : file}: ${phrase(ZH.table, issue)}${KEPT_ZH[kept]}`,
  },
};

const catalogue = (lang: Lang): Catalogue => (lang === 'zh-cn' ? ZH : EN);

/** A problem with the table or config in force, as one line naming the file (and line) to fix. */
export function renderProblem(problem: Problem, lang: Lang): string {
  return phrase(catalogue(lang).problem, problem);
}

/** What a loader found wrong in a doc, without the file: "row 2: expected a status code …". */
export function renderTableProblem(problem: TableProblem, lang: Lang): string {
  return phrase(catalogue(lang).table, problem.issue);
}

/** What is wrong inside a .statusdoc.json, without the file. */
export function renderConfigIssue(issue: ConfigIssue, lang: Lang): string {
  return phrase(catalogue(lang).config, issue);
}
