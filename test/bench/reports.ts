/**
 * Each tool's JSON output mapped to file:line, and the cross-check against what the generator planted.
 * Bad or missing output yields no reports (the cross-check then shows every planted problem missed).
 */
import * as path from 'node:path';
import type { PlantedProblem } from './corpus/planted';

export interface Report {
  /** Relative to the corpus root, forward slashes. */
  file: string;
  line: number;
  rule: string;
}

export type ToolKind = 'statusdoc' | 'naive' | 'Redocly' | 'Spectral' | 'ESLint';

function relative(root: string, file: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}

function json(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}

interface EslintShape {
  filePath: string;
  messages: { line?: number; ruleId?: string | null }[];
}

interface RedoclyShape {
  problems: { ruleId: string; location: { source: { ref: string }; start?: { line: number } }[] }[];
}

interface SpectralShape {
  code: string | number;
  source?: string;
  range: { start: { line: number } };
}

/** What the tool reported, as file:line:rule. statusdoc and ESLint share ESLint's JSON shape. */
export function parseReports(tool: ToolKind, stdout: string, root: string, target: string): Report[] {
  const data = json(stdout);
  if (tool === 'statusdoc' || tool === 'ESLint') {
    if (!Array.isArray(data)) return [];
    return (data as EslintShape[]).flatMap((file) =>
      file.messages
        .filter((message) => message.line !== undefined)
        .map((message) => ({ file: relative(root, file.filePath), line: message.line!, rule: message.ruleId ?? 'fatal' })),
    );
  }
  if (tool === 'Redocly') {
    const problems = (data as RedoclyShape | undefined)?.problems;
    if (!Array.isArray(problems)) return [];
    return problems.flatMap((problem) => {
      const at = problem.location?.[0];
      return at?.start ? [{ file: relative(root, at.source.ref), line: at.start.line, rule: problem.ruleId }] : [];
    });
  }
  if (tool === 'Spectral') {
    if (!Array.isArray(data)) return [];
    return (data as SpectralShape[]).map((result) => ({
      file: relative(root, result.source ?? target),
      line: result.range.start.line + 1,
      rule: String(result.code),
    }));
  }
  return [];
}

/** Reports that are the tool's own trouble reading the file, not a judgement (Spectral on bare numeric keys). */
function isParserNoise(report: Report): boolean {
  return report.rule === 'parser' || report.rule === 'fatal';
}

export interface CrossCheck {
  planted: number;
  found: number;
  missed: PlantedProblem[];
  /** Reports on lines where nothing was planted (noise, or problems of the tool's own kind). */
  other: number;
  /** Of those, the tool's complaints about reading the file. */
  parserNoise: number;
}

export function crossCheck(planted: readonly PlantedProblem[], reports: readonly Report[]): CrossCheck {
  const judged = reports.filter((report) => !isParserNoise(report));
  const at = new Set(judged.map((report) => `${report.file}:${report.line}`));
  const plantedAt = new Set(planted.map((problem) => `${problem.file}:${problem.line}`));
  const missed = planted.filter((problem) => !at.has(`${problem.file}:${problem.line}`));
  return {
    planted: planted.length,
    found: planted.length - missed.length,
    missed,
    other: judged.filter((report) => !plantedAt.has(`${report.file}:${report.line}`)).length,
    parserNoise: reports.length - judged.length,
  };
}
