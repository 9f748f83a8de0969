/** The benchmark's tables: plain text for the terminal, Markdown for BENCHMARKS.md, and the machine they ran on. */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import type { ItemResult } from './cliBench';
import type { DocumentFigures } from './lspBench';
import { mb, ms, ratio, spread, type Summary } from './measure/stats';

export type Table = { title: string; headers: string[]; rows: string[][]; notes: string[] };

const bytes = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`);
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');

export function cliTable(items: ItemResult[]): Table {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const { item, results, loadBefore, loadAfter } of items) {
    results.forEach((result, index) => {
      const check = result.check;
      rows.push([
        index === 0 ? `${item.name} (${bytes(item.bytes)}${item.files > 1 ? `, ${item.files} files` : ''})` : '',
        result.tool.label,
        `${spread(result.time, ms)}${result.time.count < (results[0]?.time.count ?? 0) ? ` [${result.time.count} rounds]` : ''}`,
        result.ratio ? spread(result.ratio, ratio) : result.tool.kind === 'statusdoc' && index === 0 ? '1' : '—',
        result.rssKb.count > 0 ? mb(result.rssKb.max) : '—',
        check ? `${check.found}/${check.planted}` : '—',
        check ? `${check.other}${check.parserNoise > 0 ? ` (+${check.parserNoise} parser)` : ''}` : '—',
        result.note ?? '',
      ]);
    });
    notes.push(`${item.name}: load average ${load(loadBefore)} before, ${load(loadAfter)} after.`);
  }
  return {
    title: 'CLI, whole processes',
    headers: ['corpus', 'tool', 'time, median (min–max)', '× statusdoc, median (min–max)', 'peak RSS', 'planted found', 'other reports', 'note'],
    rows,
    notes,
  };
}

export function spawnTable(spawns: { server: string; figures: Summary }[]): Table {
  return {
    title: 'Language server: spawn → initialize answered',
    headers: ['server', 'median (min–max)'],
    rows: spawns.map(({ server, figures }) => [server, spread(figures, ms)]),
    notes: [],
  };
}

const p50p95 = (summary: Summary) => (summary.count === 0 ? '—' : `${ms(summary.median)} / ${ms(summary.p95)}`);

export function documentTable(documents: { server: string; figures: DocumentFigures }[], loads: string[]): Table {
  return {
    title: 'Language server on large documents',
    headers: ['document', 'server', 'open → diagnostics', 'keystroke → diagnostics p50 / p95', 'hover p50 / p95', 'completion p50 / p95', 'VmRSS / VmHWM'],
    rows: documents.map(({ server, figures }) => [
      figures.document.name,
      server,
      `${ms(figures.openMs)}, ${figures.skipped ? `skipped: 0 diagnostics (${figures.document.planted} planted)` : `${figures.openItems} diagnostics`}`,
      `${p50p95(figures.keystroke)} (${figures.skipped ? 'skipped: no diagnostics' : `${figures.fresh}/${figures.keystrokes} fresh`})`,
      `${p50p95(figures.hover)} (${figures.hoversAnswered}/${figures.hover.count} answered)`,
      `${p50p95(figures.completion)} (${figures.completionItems} items)`,
      `${mb(figures.vmRssKb)} / ${mb(figures.vmHwmKb)}`,
    ]),
    notes: loads,
  };
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** The commit a checkout is at, noting uncommitted changes outside the benchmark's own files. */
export function commitOf(root: string): string {
  const measured = ['server', 'scripts', 'package.json', 'package-lock.json'];
  const head = git(['log', '-1', '--format=%h', '--abbrev=7'], root) || 'unknown commit';
  const code = git(['log', '-1', '--format=%h %s', '--', ...measured], root);
  const dirty = git(['status', '--porcelain', '--untracked-files=no', '--', ...measured], root);
  return `checkout at ${head}; its server and build last changed in ${code || 'unknown'}${dirty ? ' (with uncommitted changes)' : ''}`;
}

export function machine(): string[] {
  const cpus = os.cpus();
  return [
    `CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (os.cpus()); ${os.availableParallelism()} available`,
    `Memory: ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${os.type()} ${os.release()} ${os.arch()}`,
    `Node ${process.version}`,
  ];
}

function markdownCell(cell: string): string {
  return cell.replace(/\|/g, '\\|');
}

export function toMarkdown(table: Table): string {
  const lines = [`### ${table.title}`, '', `| ${table.headers.join(' | ')} |`, `|${table.headers.map(() => '---').join('|')}|`];
  for (const row of table.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  if (table.notes.length > 0) lines.push('', ...table.notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}

export function toText(table: Table): string {
  const widths = table.headers.map((header, column) => Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [`== ${table.title}`, line(table.headers), ...table.rows.map(line), ...table.notes.map((note) => `   ${note}`), ''].join('\n');
}
