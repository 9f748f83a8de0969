/** Medians, ranges and percentiles of samples, and how the tables print them. */
import { performance } from 'node:perf_hooks';
export interface Summary {
  median: number;
  min: number;
  max: number;
  p95: number;
  count: number;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** How long `work` took, with its result: for in-process figures. */
export function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    p95: percentile(samples, 95),
    count: samples.length,
  };
}

/** 1234.5 -> "1,235 ms", 12.34 -> "12.3 ms", 0.456 -> "0.46 ms". */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 100) return `${Math.round(value).toLocaleString('en')} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`;
}

export function mb(kilobytes: number | undefined): string {
  return kilobytes === undefined || !Number.isFinite(kilobytes) ? '—' : `${Math.round(kilobytes / 1024)} MB`;
}

/** "median (min–max)" */
export function spread(summary: Summary, format: (n: number) => string): string {
  if (summary.count === 0) return '—';
  if (summary.count === 1) return format(summary.median);
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}
