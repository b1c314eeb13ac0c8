/**
 * Turns query words into PostgreSQL tsquery text with Meilisearch's matching rules: every word (or synonym
 * phrase) must match; a word matches itself, its synonyms and, within its typo budget, the indexed words it
 * may be a misspelling of; the last word also matches as a prefix. Pure: the typo candidates are looked up
 * by the caller (in search_terms) and passed in.
 */
import { MAX_SYNONYM_WORDS } from "../synonyms";

/** One thing the query requires: any of its alternatives, each a phrase of one or more words. */
export type QueryUnit = { alternatives: string[][]; prefix: boolean; typoOf?: string };

export function queryUnits(words: string[], synonyms: Map<string, string[]>): QueryUnit[] {
  const units: QueryUnit[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let length = Math.min(MAX_SYNONYM_WORDS, words.length - i); length >= 1; length--) {
      const phrase = words.slice(i, i + length).join(" ");
      const others = synonyms.get(phrase);
      if (others) {
        units.push({ alternatives: [phrase, ...others].map((p) => p.split(" ")), prefix: false });
        i += length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const word = words[i]!; // i < words.length: the loop's condition
      units.push({ alternatives: [[word]], prefix: i === words.length - 1, typoOf: word });
      i++;
    }
  }
  return units;
}

const quote = (word: string) => `'${word.replace(/'/g, "''")}'`;

/** A lexeme's label: prefix matching and a weight restriction ("A" = only words weighted A). */
function label(prefix: boolean, weights: string): string {
  return prefix || weights ? `:${prefix ? "*" : ""}${weights}` : "";
}

function phrase(words: string[], prefix: boolean, weights: string): string {
  const parts = words.map((w, i) => quote(w) + label(prefix && i === words.length - 1, weights));
  const [only, ...more] = parts;
  return only !== undefined && more.length === 0 ? only : `(${parts.join(" <-> ")})`;
}

export type TsQueries = {
  /** What must match: every unit, by any alternative or misspelling. */
  full: string;
  /** The same without misspellings: exact matches rank first. */
  exact: string;
  /** Exact, and only among words weighted A (the title): title matches rank first of all. */
  exactTitle: string;
};

/** `typos` maps a query word to the indexed words within its budget. */
export function buildTsQueries(units: QueryUnit[], typos: Map<string, string[]>): TsQueries | null {
  if (units.length === 0) return null;
  const render = (withTypos: boolean, weights = "") =>
    units
      .map((u) => {
        const alternatives = u.alternatives.map((words) => phrase(words, u.prefix, weights));
        if (withTypos && u.typoOf)
          for (const t of typos.get(u.typoOf) ?? [])
            if (t !== u.typoOf) alternatives.push(quote(t) + label(false, weights));
        return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" | ")})`;
      })
      .join(" & ");
  return { exact: render(false), full: render(true), exactTitle: render(false, "A") };
}
