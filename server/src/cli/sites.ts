/** `statusdoc sites`: every status-code site with what the table says, as text or JSON. */
import { idiomLabel, summaryLine, type Lang, type Site, type StatusTable } from '../core';
import type { FileResult } from './analyze';

interface SiteRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: number;
  reason: string;
  documented: boolean;
  kind?: string;
  meaning?: Partial<Record<Lang, string>>;
  role: Site['role'];
  idiom: string;
  method: Site['method'] | null;
  table: string;
}

function records(result: FileResult): SiteRecord[] {
  const lines = result.document.lines;
  return result.document.facts.sites.map((site) => {
    const start = lines.positionAt(site.start);
    const end = lines.positionAt(site.end);
    const entry = result.inForce.table.entries.get(site.code);
    return {
      file: result.file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      code: site.code,
      reason: entry?.reason ?? '',
      documented: entry !== undefined,
      kind: entry?.kind,
      meaning: entry?.meanings,
      role: site.role,
      idiom: idiomLabel(site.idiom),
      method: site.method ?? null,
      table: result.inForce.path ?? 'default',
    };
  });
}

function textLine(record: SiteRecord, table: StatusTable, lang: Lang): string {
  const method = record.method ? `  [${record.method.name} · ${record.idiom}]` : `  [${record.idiom}]`;
  return `${record.file}:${record.line}:${record.column} ${record.code} ${summaryLine(record.code, table, lang)}${method}`;
}

export function formatSites(results: readonly FileResult[], format: 'text' | 'json', lang: Lang, fileCount: number): string {
  if (format === 'json') return `${JSON.stringify(results.flatMap(records), null, 2)}\n`;
  const lines = results.flatMap((result) => records(result).map((record) => textLine(record, result.inForce.table, lang)));
  const count = lines.length;
  lines.push(`${count} status-code site${count === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
