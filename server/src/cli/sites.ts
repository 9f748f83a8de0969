/** `statusdoc sites`: every status-code site with what the table says, as text or JSON. */
import { idiomLabel, type Lang, type Site } from '../core';
import type { FileResult } from './analyze';
import { editorPositions } from './positions';
import type { FileReport } from './report';

export interface SiteRecord {
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

export function siteRecords(result: FileResult): SiteRecord[] {
  const positionAt = editorPositions(result.document);
  return result.document.facts.sites.map((site) => {
    const start = positionAt(site.start);
    const end = positionAt(site.end);
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

function textLine({ record, summary }: { record: SiteRecord; summary: string }): string {
  const method = record.method ? `  [${record.method.name} · ${record.idiom}]` : `  [${record.idiom}]`;
  return `${record.file}:${record.line}:${record.column} ${record.code} ${summary}${method}`;
}

export function formatSites(reports: readonly FileReport[], format: 'text' | 'json', fileCount: number): string {
  const sites = reports.flatMap((report) => report.sites ?? []);
  if (format === 'json')
    return `${JSON.stringify(
      sites.map((site) => site.record),
      null,
      2,
    )}\n`;
  const lines = sites.map(textLine);
  const count = lines.length;
  lines.push(`${count} status-code site${count === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
