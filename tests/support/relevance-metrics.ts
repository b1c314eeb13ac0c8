/**
 * The relevance figures of a judged run. Definitions (docs/performance.md repeats them):
 * - precision at 10: the share of the first ten results (or of all of them, when fewer) that are relevant. A
 *   query that finds nothing scores 0 when relevant vacancies exist and 1 when none do (nothing was right).
 * - recall: the share of a query's relevant vacancies found at all (queries with relevant vacancies only).
 * - best at 1: the first result is one of the query's acceptable first results.
 * - zero-result rate: the share of queries with relevant vacancies that found nothing.
 */
import type { Judgement } from "./relevance-judgements";

export type QueryOutcome = { judgement: Judgement; found: string[]; note?: string };

export type QueryScore = {
  q: string;
  kind: Judgement["kind"];
  found: number;
  relevant: number;
  precisionAt10: number;
  recall: number | null;
  bestAt1: boolean | null;
  zero: boolean;
  /** The first results and any relevant ones missed, for reading a failure. */
  first: string[];
  missed: string[];
  wrong: string[];
  note?: string;
};

export function scoreQuery({ judgement, found, note }: QueryOutcome): QueryScore {
  const relevant = new Set<string>(judgement.relevant);
  const best = new Set<string>(judgement.best ?? judgement.relevant);
  const top = found.slice(0, 10);
  const precisionAt10 =
    top.length === 0 ? (relevant.size === 0 ? 1 : 0) : top.filter((k) => relevant.has(k)).length / top.length;
  return {
    q: judgement.q + (judgement.near ? ` (within ${judgement.near.miles} mi)` : ""),
    kind: judgement.kind,
    found: found.length,
    relevant: relevant.size,
    precisionAt10,
    recall: relevant.size === 0 ? null : found.filter((k) => relevant.has(k)).length / relevant.size,
    bestAt1: relevant.size === 0 ? null : found[0] !== undefined && best.has(found[0]),
    zero: relevant.size > 0 && found.length === 0,
    first: top,
    missed: judgement.relevant.filter((k) => !found.includes(k)),
    wrong: top.filter((k) => !relevant.has(k)),
    note,
  };
}

export type Summary = {
  queries: number;
  precisionAt10: number;
  recall: number;
  bestAt1: number;
  zeroResultRate: number;
  zeroResultQueries: string[];
};

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function summarise(scores: QueryScore[]): Summary {
  const positive = scores.filter((s) => s.relevant > 0);
  return {
    queries: scores.length,
    precisionAt10: mean(scores.map((s) => s.precisionAt10)),
    recall: mean(positive.map((s) => s.recall ?? 0)),
    bestAt1: mean(positive.map((s) => (s.bestAt1 ? 1 : 0))),
    zeroResultRate: mean(positive.map((s) => (s.zero ? 1 : 0))),
    zeroResultQueries: positive.filter((s) => s.zero).map((s) => s.q),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A readable report: the summary, then every query that was not perfect. */
export function report(engine: string, scores: QueryScore[]): string {
  const s = summarise(scores);
  const lines = [
    `relevance (${engine}): ${s.queries} queries, precision@10 ${s.precisionAt10.toFixed(3)}, recall ${s.recall.toFixed(3)}, best@1 ${pct(s.bestAt1)}, zero-result rate ${pct(s.zeroResultRate)}`,
  ];
  for (const q of scores) {
    if (q.precisionAt10 === 1 && (q.recall ?? 1) === 1 && q.bestAt1 !== false) continue;
    lines.push(
      `  ${JSON.stringify(q.q)} [${q.kind}]: P@10 ${q.precisionAt10.toFixed(2)}, recall ${q.recall === null ? "-" : q.recall.toFixed(2)}, best@1 ${q.bestAt1 === null ? "-" : q.bestAt1 ? "yes" : "no"}; first ${q.first.join(" ") || "(nothing)"}${q.wrong.length ? `; not relevant ${q.wrong.join(" ")}` : ""}${q.missed.length ? `; missed ${q.missed.join(" ")}` : ""}${q.note ? `; ${q.note}` : ""}`,
    );
  }
  return lines.join("\n");
}
