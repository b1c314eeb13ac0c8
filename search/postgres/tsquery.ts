/**
 * Turns an analysed query (search/analyse.ts) into PostgreSQL tsquery text. The index (search/postgres) weights
 * the title's words and concepts A, the form's concepts and the labels' words B, one-way concepts C, and places
 * and the advert D (unlabelled). Every unit must match: a concept by its token, a heading-only word by its
 * heading token, any other word by itself, its misspellings or, last, as a prefix. Pure: typo candidates are
 * looked up by the caller.
 */
import type { QueryAnalysis, QueryUnit } from "../analyse";
import { conceptToken, headingToken } from "../lexicon";

const quote = (word: string) => `'${word.replace(/'/g, "''")}'`;
const either = (parts: string[]) =>
  parts.length === 1 && parts[0] !== undefined ? parts[0] : `(${parts.join(" | ")})`;
const all = (parts: string[]) => (parts.length === 0 ? null : parts.join(" & "));

type Where = "any" | "direct" | "title" | "heading";
const WEIGHTS: Record<Where, string> = { any: "", direct: "AB", title: "A", heading: "AB" };

function unitQuery(u: QueryUnit, where: Where, typos: string[]): string {
  const w = WEIGHTS[where];
  if (u.kind === "concept") return either(u.concepts.map((c) => quote(conceptToken(c)) + (w ? `:${w}` : "")));
  if (u.headingOnly) return quote(headingToken(u.word)) + (w ? `:${w}` : "");
  const label = u.prefix || w ? `:${u.prefix ? "*" : ""}${w}` : "";
  return either([quote(u.word) + label, ...typos.map((t) => quote(t) + (w ? `:${w}` : ""))]);
}

export type TsQueries = {
  /** What must match: every unit, by any alternative or misspelling. */
  full: string;
  /** The same without misspellings. */
  exact: string;
  /** Every concept found directly (title or form), not only through a one-way expansion. */
  concepts: string | null;
  /** Every concept named by the title. */
  titleConcepts: string | null;
  /** Every word in the title. */
  titleWords: string | null;
  /** Every word in a heading (title, subjects, role, conditions). */
  headingWords: string | null;
  /** The query's words as a phrase in the title. */
  phrase: string | null;
  /** Qualifiers the query does not say, in the title. */
  qualifiers: string | null;
};

/** `typos` maps a query word to the indexed words within its budget. */
export function buildTsQueries(analysis: QueryAnalysis, typos: Map<string, string[]>): TsQueries | null {
  const { units } = analysis;
  if (units.length === 0) return null;
  const typosOf = (u: QueryUnit) => (u.kind === "word" && !u.headingOnly ? (typos.get(u.word) ?? []) : []);
  const concepts = units.filter((u) => u.kind === "concept");
  const words = units.filter((u) => u.kind === "word");
  const phrase = analysis.phrase.length > 1 ? `(${analysis.phrase.map((w) => `${quote(w)}:A`).join(" <-> ")})` : null;
  const qualifiers = analysis.unsaidQualifiers.map((q) =>
    q.length === 1 && q[0] !== undefined ? `${quote(q[0])}:A` : `(${q.map((w) => `${quote(w)}:A`).join(" <-> ")})`,
  );
  return {
    full: all(units.map((u) => unitQuery(u, "any", typosOf(u))))!,
    exact: all(units.map((u) => unitQuery(u, "any", [])))!,
    concepts: all(concepts.map((u) => unitQuery(u, "direct", []))),
    titleConcepts: all(concepts.map((u) => unitQuery(u, "title", []))),
    titleWords: all(words.map((u) => unitQuery(u, "title", []))),
    headingWords: all(words.map((u) => unitQuery(u, "heading", []))),
    phrase,
    qualifiers: qualifiers.length > 0 ? either(qualifiers) : null,
  };
}
