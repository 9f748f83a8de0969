/**
 * Whole CLI processes on each corpus item: statusdoc, the naive checker and the peers on the same files in the
 * same run. A warm-up round (whose output feeds the cross-check), then rounds alternating the order
 * (A B C, C B A, …); each tool's time per round as a ratio to statusdoc's in that round.
 */
import * as os from 'node:os';
import type { Corpus, CorpusItem } from './corpus/write';
import { runProcess, type Run } from './measure/process';
import { summarize, type Summary } from './measure/stats';
import { crossCheck, parseReports, type CrossCheck, type ToolKind } from './reports';

export interface Tool {
  /** As the tables name it: "statusdoc", "statusdoc (other)", "naive", "Redocly 2.x", … */
  label: string;
  kind: ToolKind;
  script: string;
  argsFor(target: string): string[];
  env: Record<string, string>;
  reads(item: CorpusItem): boolean;
  /** Fewer timed rounds for this item (a slow peer on the largest spec), or undefined for the default. */
  roundsFor?(item: CorpusItem, rounds: number): number;
}

export interface ToolResult {
  tool: Tool;
  time: Summary;
  /** Peer time / statusdoc time, per round. */
  ratio: Summary | undefined;
  rssKb: Summary;
  exitCodes: (number | null)[];
  check: CrossCheck | undefined;
  /** What the tool said on stderr in the warm-up, when it said something worth showing (skips, crashes). */
  note: string | undefined;
}

export interface ItemResult {
  item: CorpusItem;
  results: ToolResult[];
  loadBefore: number[];
  loadAfter: number[];
}

function noteOf(tool: Tool, run: Run): string | undefined {
  const skipped = /skipped [^:]+: ([^\n]+)/.exec(run.stderr);
  if (tool.kind === 'statusdoc' && skipped) return `skipped: ${skipped[1]}`;
  if (run.exitCode !== null && run.exitCode > 1) return `exit ${run.exitCode}: ${run.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 160) ?? ''}`;
  if (run.exitCode === null) return 'killed (timeout)';
  return undefined;
}

export async function benchItem(corpus: Corpus, item: CorpusItem, tools: Tool[], rounds: number, log: (line: string) => void): Promise<ItemResult> {
  const present = tools.filter((tool) => tool.reads(item));
  const loadBefore = os.loadavg();
  const runs = new Map<Tool, Run[]>(present.map((tool) => [tool, []]));
  const run = (tool: Tool) => runProcess({ script: tool.script, args: tool.argsFor(item.path), cwd: corpus.root, env: tool.env });

  // A tool given fewer rounds (tens of seconds a run) gets no separate warm-up: its first timed run feeds the
  // cross-check instead, which keeps a full benchmark within minutes.
  const reduced = (tool: Tool) => (tool.roundsFor?.(item, rounds) ?? rounds) < rounds;
  const warmUp = new Map<Tool, Run>();
  for (const tool of present) if (!reduced(tool)) warmUp.set(tool, await run(tool));
  const perRound: Map<Tool, number>[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? present : [...present].reverse();
    const times = new Map<Tool, number>();
    for (const tool of order) {
      if (round >= (tool.roundsFor?.(item, rounds) ?? rounds)) continue;
      const result = await run(tool);
      runs.get(tool)!.push(result);
      times.set(tool, result.ms);
    }
    perRound.push(times);
    log(`  ${item.name}, round ${round + 1}/${rounds}: ${[...times].map(([tool, time]) => `${tool.label} ${Math.round(time)} ms`).join(', ')}`);
  }

  const reference = present.find((tool) => tool.kind === 'statusdoc');
  const results = present.map((tool): ToolResult => {
    const timed = runs.get(tool)!;
    const ratios = perRound.flatMap((times) =>
      reference && tool !== reference && times.has(tool) && times.has(reference) ? [times.get(tool)! / times.get(reference)!] : [],
    );
    const first = warmUp.get(tool) ?? timed[0];
    const all = warmUp.has(tool) ? [first, ...timed] : timed;
    return {
      tool,
      time: summarize(timed.map((result) => result.ms)),
      ratio: ratios.length > 0 ? summarize(ratios) : undefined,
      rssKb: summarize(all.flatMap((result) => (result.rssKb === undefined ? [] : [result.rssKb]))),
      exitCodes: all.map((result) => result.exitCode),
      check: tool.kind === 'naive' ? undefined : crossCheck(item.planted, parseReports(tool.kind, first.stdout, corpus.root, item.path)),
      note: noteOf(tool, first),
    };
  });
  return { item, results, loadBefore, loadAfter: os.loadavg() };
}
