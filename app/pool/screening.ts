import type { ScreeningStep } from "../vocabulary/pool";

/** The step after `step` in a round's steps, or null when `step` is the last (the next move is into the pool). */
export function nextStep(steps: readonly string[], step: string): ScreeningStep | null {
  const at = steps.indexOf(step);
  if (at < 0) throw new Error(`nextStep: ${step} is not a step of this round`);
  return (steps[at + 1] as ScreeningStep | undefined) ?? null;
}

export type Score = { criterion: string; score: number; scorer: string };

/**
 * Whether someone on the panel has scored every criterion at this step: a candidate is moved on, or told "not this
 * time", only on a full set of scores, so every decision has its reasons written down.
 */
export function fullyScored(criteria: readonly string[], scores: readonly Score[]): boolean {
  const byScorer = new Map<string, Set<string>>();
  for (const s of scores) {
    const seen = byScorer.get(s.scorer) ?? new Set<string>();
    seen.add(s.criterion);
    byScorer.set(s.scorer, seen);
  }
  return [...byScorer.values()].some((seen) => criteria.every((c) => seen.has(c)));
}

/** The mean score per criterion over every scorer, to one decimal place; criteria nobody scored are left out. */
export function meanScores(
  criteria: readonly string[],
  scores: readonly Score[],
): { criterion: string; mean: number }[] {
  return criteria.flatMap((criterion) => {
    const mine = scores.filter((s) => s.criterion === criterion);
    if (mine.length === 0) return [];
    const mean = mine.reduce((sum, s) => sum + s.score, 0) / mine.length;
    return [{ criterion, mean: Math.round(mean * 10) / 10 }];
  });
}
