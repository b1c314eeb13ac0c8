/** Percentiles of timings in milliseconds, nearest-rank. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error("No samples to take percentiles of");
  // The index is clamped to 0..length-1 of a non-empty list, so the sample is there.
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { p50: at(50), p95: at(95), p99: at(99), n: sorted.length };
}

/** Runs `fn` `iterations` times after a warm-up and returns its latency percentiles. */
export async function measure(iterations: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, iterations); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/**
 * Two ways of doing one thing timed turn about, `runs` times each after a warm-up of each: both see the machine as it
 * was, where timing one and then the other compared two different minutes of a busy machine.
 */
export async function measureTurnAbout(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, runs); i++) await a();
  for (let i = 0; i < Math.min(10, runs); i++) await b();
  const samples = { a: [] as number[], b: [] as number[] };
  const timed = async (fn: () => Promise<unknown>, into: number[]) => {
    const start = performance.now();
    await fn();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    await timed(a, samples.a);
    await timed(b, samples.b);
  }
  return { a: percentiles(samples.a), b: percentiles(samples.b) };
}
