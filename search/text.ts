/**
 * How query text becomes words, and which misspellings of a word still match it. These rules follow
 * Meilisearch's defaults so that both engines match the same documents: words split on anything that is not
 * a letter or digit, the last word also matches as a prefix, one typo from 5 letters, two from 9, a typo in the
 * first letter costs two, and swapping two neighbouring letters is one typo.
 */

/**
 * Words that carry no meaning in a job search; both engines ignore them in queries (after the synonym list has
 * had its say, so "head of year" and "post 16" keep their small words). Job-board filler ("maths jobs", "teacher
 * vacancy") counts: every result is a job.
 */
export const STOP_WORDS = [
  "a",
  "an",
  "and",
  "at",
  "for",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
  "near",
  "job",
  "vacancy",
  "role",
  "post",
  "position",
  "opportunity",
  "career",
  "wanted",
  "required",
] as const;
const stopWords = new Set<string>(STOP_WORDS);
export const isStopWord = (word: string) => stopWords.has(word);

/**
 * Lower-cased text with contractions and dotted abbreviations undone, so that "we're" does not leave a stray
 * "re" and "R.E." reads as "re". Index and queries both go through here.
 */
export function normalise(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      // "we're", "school's", "don't", "we'll": the ending goes, the word stays.
      .replace(/(\p{L})'(s|re|ve|ll|d|m|t)(?![\p{L}\p{N}])/gu, "$1")
      .replace(/(\p{L})n'(?=\s|$)/gu, "$1")
      // "r.e.", "p.e.", "d.t": single letters joined by dots are one word.
      .replace(/(?<![\p{L}\p{N}])((?:\p{L}\.){1,}\p{L})\.?(?![\p{L}\p{N}])/gu, (m) => m.replace(/\./g, ""))
  );
}

/**
 * One word's singular, by conservative English rules applied the same way to the index and to queries (so an
 * odd result, "eyfs" → "eyf", still matches itself): "teachers" → "teacher", "ECTs" → "ect", "studies" →
 * "study"; words ending -ss, -us, -is, -ics or -ous are left alone (class, physics, various).
 */
export function singular(word: string): string {
  if (word.length < 3 || !word.endsWith("s") || /\d/.test(word)) return word;
  if (/(ss|us|is|ics|ous|ys)$/.test(word)) return word;
  if (word.length >= 5 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Forms of one word that adverts and searchers use for the same thing ("Maths Leader", "Maths Lead"). */
const SAME_WORD: Record<string, string> = { leader: "lead" };

/** Words of a text, in order, normalised and singular. */
export function tokenize(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .map((w) => {
      const one = singular(w);
      return SAME_WORD[one] ?? one;
    });
}

/** The words of a query that must match; if every word is a stop word, they all count. */
export function queryWords(text: string): string[] {
  const words = tokenize(text);
  const meaningful = words.filter((w) => !stopWords.has(w));
  return meaningful.length > 0 ? meaningful : words;
}

/**
 * Words that match only titles, subjects, roles, conditions and school names, never an advert's prose: very
 * short words and numbers (RE, TA, 9), and the nouns every advert uses for its people ("our teachers", "the
 * support team"), which say what a post is only when the title says them.
 */
const HEADING_ONLY = new Set([
  "teaching",
  "assistant",
  "head",
  "deputy",
  "lead",
  "manager",
  "officer",
  "coordinator",
  "technician",
  "supervisor",
  "tutor",
  "mentor",
  "practitioner",
  "support",
  "cover",
  "specialist",
  "senior",
  "director",
  "administrator",
  "worker",
]);
const SHORT_WORD = 3;
export function isHeadingOnly(word: string): boolean {
  return [...word].length <= SHORT_WORD || /^\p{N}+$/u.test(word) || HEADING_ONLY.has(word);
}

/** The last word of a query also matches as a prefix, unless it is short, a number or a heading word. */
export const MIN_PREFIX = 4;

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
