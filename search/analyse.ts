/**
 * How a query's words are read, the same for both engines: runs of words that name a concept (search/synonyms.ts)
 * become one concept unit, found through the vacancies' concept tokens; other words stay words. Filler ("jobs",
 * "vacancy", "role") and small words go unless a name needs them ("head of year"). "X or Y" between two concepts
 * finds either. Short words, numbers and role nouns match only headings (titles, subjects, roles, school names);
 * only the last word, and only a long one, matches as a prefix.
 */
import { concept, containsRun, matchConcepts, qualifierPhrases } from "./lexicon";
import type { FilterField } from "./synonyms";
import { isHeadingOnly, isStopWord, MIN_PREFIX, normalise, singular, tokenize } from "./text";

export type QueryUnit =
  | { kind: "concept"; concepts: string[]; words: string[] }
  | { kind: "word"; word: string; headingOnly: boolean; prefix: boolean };

export type QueryAnalysis = {
  units: QueryUnit[];
  /** The query's words from its first meaningful word to its last: a title holding them in order ranks first. */
  phrase: string[];
  /** Qualifiers (deputy, acting, second in…) the query does not say: titles with them rank lower. */
  unsaidQualifiers: string[][];
};

type Span = { start: number; end: number; unit: QueryUnit };

function spans(words: string[]): Span[] {
  const matches = matchConcepts(words, { typos: true });
  const out: Span[] = [];
  let i = 0;
  for (const m of [...matches, { start: words.length, end: words.length, concepts: [] }]) {
    for (; i < m.start; i++) {
      const word = words[i];
      if (word === undefined || isStopWord(word)) continue;
      out.push({
        start: i,
        end: i + 1,
        unit: { kind: "word", word, headingOnly: isHeadingOnly(word), prefix: false },
      });
    }
    if (m.end > m.start)
      out.push({
        start: m.start,
        end: m.end,
        unit: { kind: "concept", concepts: m.concepts, words: words.slice(m.start, m.end) },
      });
    i = m.end;
  }
  return out;
}

/** "maths or science": two concepts either side of "or" become one unit that either satisfies. */
function joinAlternatives(words: string[], list: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of list) {
    const previous = out[out.length - 1];
    if (
      previous &&
      previous.unit.kind === "concept" &&
      span.unit.kind === "concept" &&
      span.start === previous.end + 1 &&
      words[previous.end] === "or"
    ) {
      out[out.length - 1] = {
        start: previous.start,
        end: span.end,
        unit: {
          kind: "concept",
          concepts: [...new Set([...previous.unit.concepts, ...span.unit.concepts])],
          words: words.slice(previous.start, span.end),
        },
      };
    } else out.push(span);
  }
  return out;
}

/** Meilisearch's limit on the words of a query it reads (its `q`): later words are ignored. */
const MAX_QUERY_UNITS = 10;

export function analyseQuery(text: string): QueryAnalysis {
  const words = tokenize(text);
  let list = joinAlternatives(words, spans(words));
  // Only small words: they are what was asked for.
  if (list.length === 0)
    list = words.map((w, i) => ({
      start: i,
      end: i + 1,
      unit: { kind: "word", word: w, headingOnly: isHeadingOnly(w), prefix: false },
    }));
  // Meilisearch reads only the first ten words of a query; both engines read the same ten, so they agree.
  list = list.slice(0, MAX_QUERY_UNITS);
  const last = list[list.length - 1];
  if (last && last.unit.kind === "word" && !last.unit.headingOnly && [...last.unit.word].length >= MIN_PREFIX)
    last.unit.prefix = true;
  const first = list[0];
  const phrase = first && last ? words.slice(first.start, last.end) : [];
  return {
    units: list.map((s) => s.unit),
    phrase,
    unsaidQualifiers: qualifierPhrases().filter((q) => !words.includes(q[0] ?? "") && !containsRun(words, q)),
  };
}

export type RecognisedFilter = { field: FilterField; value: string | true; words: string };

/**
 * Words that name a condition the search page filters on ("part time", "maternity cover", "UPS", "ECT"): each
 * becomes that filter, unless the field already has a value, and the words go from the text. `rest` keeps the
 * other words as typed (lower-cased), so the filter can be removed by searching for them alone.
 */
export function recogniseFilters(text: string, taken: ReadonlySet<string> = new Set()) {
  const raw = normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  const words = raw.map(singular);
  const recognised: (RecognisedFilter & { start: number; end: number })[] = [];
  for (const m of matchConcepts(words, { typos: false })) {
    const [only] = m.concepts;
    if (m.concepts.length !== 1 || only === undefined) continue;
    const filter = concept(only)?.filter;
    if (!filter || taken.has(filter.field) || recognised.some((r) => r.field === filter.field)) continue;
    // "maths or part time" is not a filter: an alternative is a word.
    if (words[m.start - 1] === "or" || words[m.end] === "or") continue;
    recognised.push({ ...filter, words: raw.slice(m.start, m.end).join(" "), start: m.start, end: m.end });
  }
  const used = (i: number) => recognised.some((r) => i >= r.start && i < r.end);
  const rest = raw.filter((_, i) => !used(i)).join(" ");
  return { rest, recognised: recognised.map(({ start: _s, end: _e, ...r }) => r) };
}
