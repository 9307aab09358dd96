/**
 * The 20-minute budget of `npm run bench` (issue 13: "unattended within 20 minutes"). perf/benchAll.ts sets
 * BENCH_DEADLINE (epoch milliseconds) for every bench it starts; a bench asks, before each size or repetition, whether
 * what it is about to do fits in what is left, and skips it (saying so, in its output and in perf/results.json)
 * rather than overrunning. Run alone, a bench has no deadline.
 */

/** Seconds left before BENCH_DEADLINE, or null when there is none. */
export function deadlineLeftS(now = Date.now()): number | null {
  const d = Number(process.env.BENCH_DEADLINE);
  return Number.isFinite(d) && d > 0 ? (d - now) / 1000 : null;
}

/**
 * The time a run of `size` should take, extrapolated linearly from the largest size already done (issue 13 asks the
 * cost per vehicle to be flat), or null when nothing has been timed yet.
 * @example estimateLinear([{ size: 100000, seconds: 20 }], 500000) // 100
 */
export function estimateLinear(done: readonly { size: number; seconds: number }[], size: number): number | null {
  const last = [...done].sort((a, b) => a.size - b.size).pop();
  return last ? (last.seconds * size) / last.size : null;
}

/** Wall seconds per named phase, each from the previous mark. */
export function phaseClock(): { phases: Record<string, number>; mark: (name: string) => number } {
  const phases: Record<string, number> = {};
  let last = Date.now();
  return {
    phases,
    mark(name: string): number {
      const now = Date.now();
      phases[name] = (phases[name] ?? 0) + (now - last) / 1000;
      last = now;
      return phases[name];
    },
  };
}
