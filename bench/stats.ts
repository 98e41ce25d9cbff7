/** Small timing helpers for the benchmark: repeat a piece of work and keep the minimum and median. */
import { performance } from "node:perf_hooks";
import { minOf } from "../src/core/append";

/** Minimum and median of repeated timings, in milliseconds. */
export interface Timing {
  readonly min: number;
  readonly median: number;
  readonly runs: number;
}

/** Median of a list of numbers (the lower middle for an even count, so it is always a measured value). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

/** Summarises measured durations. */
export function summarise(durations: readonly number[]): Timing {
  return { min: minOf(durations), median: median(durations), runs: durations.length };
}

/** Runs `work` `runs` times (after one unmeasured warm-up) and returns its timing and last result. */
export async function time<T>(runs: number, work: () => T | Promise<T>): Promise<{ timing: Timing; result: T }> {
  let result = await work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await work();
    durations.push(performance.now() - start);
  }
  return { timing: summarise(durations), result };
}
