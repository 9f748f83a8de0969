/**
 * `statusdoc merge a.json b.json …`: the reports of shards (`check --shard i/n`) as one report, in the same format,
 * as if one run had checked every file: ESLint-style JSON or SARIF, files in the order one run gives them. The
 * totals decide the exit code as `check` would.
 */
import type { Log, Notification, Result, Run } from 'sarif';

export interface MergeTotals {
  /** Errors, counting files not checked (one fatal message each in JSON, a notification in SARIF). */
  errors: number;
  warnings: number;
}

export type MergeOutcome = { ok: true; output: string; totals: MergeTotals } | { ok: false; problem: string };

export interface Input {
  name: string;
  text: string;
}

interface JsonFile {
  filePath: string;
  messages: { fatal?: boolean; severityName?: string }[];
  errorCount: number;
}

/** Code-unit order, as one run sorts its files. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function isJsonFile(value: unknown): value is JsonFile {
  const file = value as Partial<JsonFile> | null;
  return typeof file === 'object' && file !== null && typeof file.filePath === 'string' && Array.isArray(file.messages) && typeof file.errorCount === 'number';
}

function isStatusdocSarif(value: unknown): value is Log & { runs: [Run] } {
  const log = value as Partial<Log> | null;
  return (
    typeof log === 'object' &&
    log !== null &&
    log.version === '2.1.0' &&
    Array.isArray(log.runs) &&
    log.runs.length === 1 &&
    log.runs[0]?.tool?.driver?.name === 'statusdoc' &&
    Array.isArray(log.runs[0].results)
  );
}

export function mergeReports(inputs: readonly Input[]): MergeOutcome {
  const parsed: unknown[] = [];
  for (const input of inputs) {
    try {
      parsed.push(JSON.parse(input.text));
    } catch (error) {
      return { ok: false, problem: `${input.name} is not JSON: ${(error as Error).message}` };
    }
  }
  if (parsed.every((value) => Array.isArray(value))) return mergeJson(inputs, parsed as unknown[][]);
  if (parsed.every(isStatusdocSarif)) return mergeSarif(inputs, parsed);
  const odd = inputs.find((_, i) => !Array.isArray(parsed[i]) && !isStatusdocSarif(parsed[i]));
  return {
    ok: false,
    problem: odd
      ? `${odd.name} is neither statusdoc's JSON (--format json) nor its SARIF (--format sarif)`
      : 'the reports mix JSON and SARIF: merge reports of one format',
  };
}

function mergeJson(inputs: readonly Input[], reports: unknown[][]): MergeOutcome {
  const from = new Map<string, string>();
  const files: JsonFile[] = [];
  for (const [i, report] of reports.entries()) {
    for (const file of report) {
      if (!isJsonFile(file)) return { ok: false, problem: `${inputs[i].name} holds an entry that is not a file's results` };
      const earlier = from.get(file.filePath);
      if (earlier !== undefined) return { ok: false, problem: `${file.filePath} is in both ${earlier} and ${inputs[i].name}: shards never overlap` };
      from.set(file.filePath, inputs[i].name);
      files.push(file);
    }
  }
  files.sort((a, b) => byText(a.filePath, b.filePath));
  const messages = files.flatMap((file) => file.messages);
  return {
    ok: true,
    output: `${JSON.stringify(files, null, 2)}\n`,
    totals: { errors: files.reduce((sum, file) => sum + file.errorCount, 0), warnings: messages.filter((m) => m.severityName === 'warning').length },
  };
}

const uriOf = (item: Result | Notification) => item.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';

/** The path a result's (percent-encoded) URI names: sorted like the unsharded run sorts its files. */
const pathOf = (item: Result | Notification) => {
  const uri = uriOf(item);
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
};

function mergeSarif(inputs: readonly Input[], logs: (Log & { runs: [Run] })[]): MergeOutcome {
  const version = logs[0].runs[0].tool.driver.version;
  const other = logs.findIndex((log) => log.runs[0].tool.driver.version !== version);
  if (other >= 0)
    return {
      ok: false,
      problem: `${inputs[other].name} comes from statusdoc ${logs[other].runs[0].tool.driver.version}, ${inputs[0].name} from ${version}: merge reports of one version`,
    };
  const from = new Map<string, string>();
  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const [i, log] of logs.entries()) {
    const run = log.runs[0];
    const own = [...run.results!, ...(run.invocations ?? []).flatMap((invocation) => invocation.toolExecutionNotifications ?? [])];
    for (const uri of new Set(own.map(uriOf))) {
      const earlier = from.get(uri);
      if (earlier !== undefined) return { ok: false, problem: `${uri} is in both ${earlier} and ${inputs[i].name}: shards never overlap` };
      from.set(uri, inputs[i].name);
    }
    results.push(...run.results!);
    notifications.push(...(run.invocations ?? []).flatMap((invocation) => invocation.toolExecutionNotifications ?? []));
  }
  // Stable sorts: a file's results keep the order its shard gave them.
  results.sort((a, b) => byText(pathOf(a), pathOf(b)));
  notifications.sort((a, b) => byText(pathOf(a), pathOf(b)));
  const run: Run = { ...logs[0].runs[0] };
  delete run.invocations;
  run.results = results;
  if (notifications.length > 0) run.invocations = [{ executionSuccessful: false, toolExecutionNotifications: notifications }];
  const merged: Log = { ...logs[0], runs: [run] };
  return {
    ok: true,
    output: `${JSON.stringify(merged, null, 2)}\n`,
    totals: { errors: results.filter((r) => r.level === 'error').length + notifications.length, warnings: results.filter((r) => r.level === 'warning').length },
  };
}
