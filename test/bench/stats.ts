/** Small statistics for the benchmark's report. */

/** Nearest-rank percentile of unsorted values (0 for none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Arithmetic mean (0 for none). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Resident set size and V8 heap in MiB, now. */
export function memoryMiB(): { rss: number; heapUsed: number; heapTotal: number } {
  const m = process.memoryUsage();
  const mib = (b: number) => b / 1024 / 1024;
  return { rss: mib(m.rss), heapUsed: mib(m.heapUsed), heapTotal: mib(m.heapTotal) };
}
