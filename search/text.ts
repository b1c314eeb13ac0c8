/**
 * How query text becomes words, and which misspellings of a word still match it. These rules follow
 * Meilisearch's defaults so that both engines match the same documents: words split on anything that is not
 * a letter or digit, the last word also matches as a prefix, one typo from 5 letters, two from 9, a typo in the
 * first letter costs two, and swapping two neighbouring letters is one typo.
 */

/** Words that carry no meaning in a job search; both engines ignore them in queries. */
export const STOP_WORDS = ["a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"] as const;
const stopWords = new Set<string>(STOP_WORDS);

/** Lower-case words of a text, in order. */
export function tokenize(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** The words of a query that must match; if every word is a stop word, they all count. */
export function queryWords(text: string): string[] {
  const words = tokenize(text);
  const meaningful = words.filter((w) => !stopWords.has(w));
  return meaningful.length > 0 ? meaningful : words;
}

export const ONE_TYPO_FROM = 5;
export const TWO_TYPOS_FROM = 9;

/** How many typos a query word of this length may have. */
export function typoBudget(word: string): number {
  const length = [...word].length;
  if (length >= TWO_TYPOS_FROM) return 2;
  if (length >= ONE_TYPO_FROM) return 1;
  return 0;
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one substring): insertions,
 * deletions, substitutions and adjacent transpositions each cost one. A different first letter costs one more,
 * as in Meilisearch.
 */
export function typoDistance(query: string, candidate: string): number {
  const a = [...query];
  const b = [...candidate];
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  // Every index below is inside the rows × cols table, so the fallback is never read.
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i < rows; i++) {
    const row = d[i] ?? [];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
    }
  }
  const firstLetterPenalty = a.length > 0 && b.length > 0 && a[0] !== b[0] ? 1 : 0;
  return at(a.length, b.length) + firstLetterPenalty;
}

/** Whether `candidate` (a word in the index) matches query word `word` within its typo budget. */
export function withinTypos(word: string, candidate: string): boolean {
  const budget = typoBudget(word);
  if (budget === 0 || candidate === word) return candidate === word;
  // A length difference alone costs that many edits: no need to align.
  if (Math.abs([...word].length - [...candidate].length) > budget) return false;
  return typoDistance(word, candidate) <= budget;
}
