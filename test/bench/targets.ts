/** The issue's targets beside what this run measured, per statusdoc build: the figures the work is judged by. */
import type { ItemResult, ToolResult } from './cliBench';
import type { DocumentFigures } from './lspBench';
import { mb, ms, ratio, type Summary } from './measure/stats';
import type { Table } from './report';
import type { RouteFigures } from './routesBench';

export interface Measured {
  cli: ItemResult[];
  spawns: { server: string; figures: Summary }[];
  documents: { server: string; figures: DocumentFigures }[];
  routes?: RouteFigures;
}

const p50p95 = (summary: Summary | undefined) => (summary && summary.count > 0 ? `${ms(summary.median)} / ${ms(summary.p95)}` : '—');

function cliFigure(measured: Measured, build: string, itemPath: string, peer?: string) {
  const item = measured.cli.find((result) => result.item.path === itemPath);
  const own = item?.results.find((result) => result.tool.label === build);
  const other = peer ? item?.results.find((result) => result.tool.label.startsWith(peer)) : undefined;
  return { item, own, other };
}

/**
 * How many times statusdoc's time a tool took: the median of per-round ratios for the reference build (the table's
 * figure), the ratio of medians for another build.
 */
function timesOf(item: ItemResult, own: ToolResult, other: ToolResult): number {
  return item.results[0] === own && other.ratio ? other.ratio.median : other.time.median / own.time.median;
}

/** "Redocly 1.9× statusdoc's time" — how many times slower than statusdoc the peer was (median of per-round ratios). */
function peerRatio(measured: Measured, build: string, itemPath: string, peer: string): string {
  const { own, other, item } = cliFigure(measured, build, itemPath, peer);
  if (!item || !own || !other) return '—';
  const value = timesOf(item, own, other);
  return `${peer} ${ratio(value)} statusdoc's time`;
}

function documentOf(measured: Measured, build: string, name: string): DocumentFigures | undefined {
  return measured.documents.find((entry) => entry.server === build && entry.figures.document.name === name)?.figures;
}

export function targetsTable(measured: Measured, builds: string[]): Table {
  const rows: [string, string, (build: string) => string][] = [
    [
      'CLI, 10,000-operation spec',
      'checked in full; ≥ 5× faster than Redocly, ≥ 100× than Spectral, < 300 MB',
      (build) => {
        const { own } = cliFigure(measured, build, 'spec-10000.yaml');
        if (!own) return '—';
        return `${own.check ? `${own.check.found}/${own.check.planted} found` : ''}, ${mb(own.rssKb.max)}${own.note ? ` (${own.note})` : ''}; ${peerRatio(measured, build, 'spec-10000.yaml', 'Redocly')}; ${peerRatio(measured, build, 'spec-10000.yaml', 'Spectral')}`;
      },
    ],
    ['CLI, 500-file project', "ESLint ≥ 10× statusdoc's time", (build) => peerRatio(measured, build, 'project-500', 'ESLint')],
    [
      'CLI vs the naive checker',
      'statusdoc faster everywhere (naive > 1×)',
      (build) => {
        const ratios = measured.cli.flatMap((item) => {
          const own = item.results.find((result) => result.tool.label === build);
          const naive = item.results.find((result) => result.tool.kind === 'naive');
          return own && naive ? [`${item.item.name} ${ratio(timesOf(item, own, naive))}`] : [];
        });
        return ratios.length > 0 ? `naive takes ${ratios.join(', ')}` : '—';
      },
    ],
    ['keystroke → diagnostics, 1,000-op spec (p50 / p95)', '< 20 ms', (build) => p50p95(documentOf(measured, build, 'spec 1,000 ops')?.keystroke)],
    ['keystroke → diagnostics, 10,000-line TS (p50 / p95)', '< 20 ms', (build) => p50p95(documentOf(measured, build, 'TS 10,000 lines')?.keystroke)],
    ['completion after res.status(, 10,000-line TS (p50 / p95)', '< 10 ms', (build) => p50p95(documentOf(measured, build, 'TS 10,000 lines')?.completion)],
    [
      '9.2 MB spec open in the editor',
      'diagnostics < 1 s after open, keystroke < 100 ms, < 250 MB',
      (build) => {
        const figures = documentOf(measured, build, 'spec 10,000 ops');
        if (!figures) return '—';
        const open = figures.skipped
          ? `skipped (0 diagnostics, ${figures.hoversAnswered} hovers answered)`
          : `${ms(figures.openMs)} to ${figures.openItems} diagnostics`;
        return `${open}; keystroke ${p50p95(figures.keystroke)}; VmHWM ${mb(figures.vmHwmKb)}`;
      },
    ],
    [
      'spawn → initialize answered',
      '< 150 ms',
      (build) => {
        const spawn = measured.spawns.find((entry) => entry.server === build)?.figures;
        return spawn ? `${ms(spawn.median)} (${ms(spawn.min)}–${ms(spawn.max)})` : '—';
      },
    ],
    [
      'hover (p50 / p95), largest TS file and 1,000-op spec',
      'p95 < 2 ms',
      (build) => ['TS 10,000 lines', 'spec 1,000 ops'].map((name) => p50p95(documentOf(measured, build, name)?.hover)).join('; '),
    ],
    [
      'route index (`statusdoc routes`, whole process)',
      '< 2 s on 2,000 files',
      (build) => {
        const figures = measured.routes?.commands.find((c) => c.build === build);
        if (!figures) return '—';
        return `${ms(figures.routes.median)} (${ms(figures.routes.min)}–${ms(figures.routes.max)}) on ${measured.routes!.files.toLocaleString('en')} files; check with the index ${ratio(figures.ratio.median)} of --no-project`;
      },
    ],
    [
      'route file edit → refreshed handler diagnostics (p50 / p95)',
      '< 50 ms',
      // In-process figures are of this checkout's source: the first build's column.
      (build) =>
        measured.routes && build === builds[0]
          ? `${p50p95(measured.routes.edit)} (${measured.routes.editsSeen}/${measured.routes.edit.count} changed them)`
          : '—',
    ],
    [
      'keystroke → diagnostics in a 2,000-file project with its spec (p50 / p95)',
      '< 20 ms, as in a file alone',
      (build) => {
        const figures = measured.routes?.editor.find((e) => e.build === build);
        return figures ? `handler ${p50p95(figures.handlerKeystroke)}; spec ${p50p95(figures.specKeystroke)}` : '—';
      },
    ],
    [
      'route index memory',
      '< 100 MB',
      (build) => {
        const figures = measured.routes?.commands.find((c) => c.build === build);
        if (!figures) return '—';
        const heap =
          build === builds[0] && measured.routes!.heapMb !== undefined ? `${measured.routes!.heapMb.toFixed(1)} MB heap after GC (in-process); ` : '';
        return `${heap}statusdoc routes peak RSS ${mb(figures.routesRssKb)}`;
      },
    ],
  ];
  return {
    title: "Against the issue's targets",
    headers: ['what', 'target', ...builds],
    rows: rows.map(([what, target, figure]) => [what, target, ...builds.map(figure)]),
    notes: ['Times measured on a shared 2-core machine; see the load averages beside each block below.'],
  };
}
