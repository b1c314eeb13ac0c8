/**
 * The synonym list (search/synonyms.ts) compiled for matching: which run of words names which concept, what
 * each concept also finds, and the tokens both engines index and query with. A concept's token and a heading
 * word's token are made of letters only, so no engine's tokenizer splits them, and start with letters no English
 * word starts with, so they never meet a word of text.
 */
import { conceptDefinitions, ONE_WAY, QUALIFIERS, type ConceptDef } from "./synonyms";
import { tokenize, typoBudget, withinTypos } from "./text";

const DIGITS = "abcdefghij";
const encode = (s: string) =>
  s.replace(/[^\p{L}\p{N}]/gu, "").replace(/\p{N}/gu, (d) => `q${DIGITS[Number(d)] ?? "z"}`);

/** A short, stable code for a concept id (FNV-1a in base 26, letters only): tokens stay small in every index. */
function shortCode(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  let code = "";
  do {
    code = String.fromCharCode(97 + (hash % 26)) + code;
    hash = Math.floor(hash / 26);
  } while (hash > 0);
  return code;
}

/** The token that stands for a concept in the index and in queries. */
export const conceptToken = (id: string) => `zc${shortCode(id)}`;
/** The token for a word of a title, role, subject or school name: where heading-only words are looked for. */
export const headingToken = (word: string) => `zh${encode(word)}`;

type Compiled = {
  byPhrase: Map<string, string[]>;
  maxWords: number;
  byId: Map<string, ConceptDef>;
  /** Single-word names long enough to be misspelt, for the typo lookup. */
  fuzzyNames: { word: string; concepts: string[] }[];
  /** concept → the query concepts that also find it (the reverse of the one-way expansions). */
  foundBy: Map<string, string[]>;
  qualifiers: string[][];
};

let compiled: Compiled | null = null;

function compile(): Compiled {
  const byPhrase = new Map<string, string[]>();
  const byId = new Map<string, ConceptDef>();
  for (const concept of conceptDefinitions()) {
    byId.set(concept.id, concept);
    for (const name of concept.names) {
      const phrase = tokenize(name).join(" ");
      if (!phrase) continue;
      const ids = byPhrase.get(phrase) ?? [];
      if (!ids.includes(concept.id)) byPhrase.set(phrase, [...ids, concept.id]);
    }
  }
  const foundBy = new Map<string, string[]>();
  for (const [broader, narrower] of ONE_WAY) {
    if (!byId.has(broader)) throw new Error(`synonyms: unknown concept ${broader}`);
    for (const n of narrower) {
      if (!byId.has(n)) throw new Error(`synonyms: unknown concept ${n}`);
      foundBy.set(n, [...(foundBy.get(n) ?? []), broader]);
    }
  }
  const tokens = new Map<string, string>();
  for (const id of byId.keys()) {
    const token = conceptToken(id);
    if (tokens.has(token)) throw new Error(`synonyms: ${id} and ${tokens.get(token)} share the token ${token}`);
    tokens.set(token, id);
  }
  const maxWords = Math.max(...[...byPhrase.keys()].map((p) => p.split(" ").length));
  const fuzzyNames = [...byPhrase]
    .filter(([p]) => !p.includes(" ") && typoBudget(p) > 0)
    .map(([word, concepts]) => ({ word, concepts }));
  return { byPhrase, maxWords, byId, fuzzyNames, foundBy, qualifiers: QUALIFIERS.map((q) => tokenize(q)) };
}

function lexicon(): Compiled {
  compiled ??= compile();
  return compiled;
}

export function concept(id: string): ConceptDef | undefined {
  return lexicon().byId.get(id);
}

/** The concepts a vacancy with concept `id` is also found by (one-way expansions, reversed). */
export function broaderConcepts(id: string): string[] {
  return lexicon().foundBy.get(id) ?? [];
}

export type ConceptMatch = { start: number; end: number; concepts: string[] };

/**
 * Runs of words that name concepts, longest first, left to right. A name ending in "head" does not match
 * before "of" ("Deputy Head of Sixth Form", "Head of Maths"). With `typos`, a single word within its typo
 * budget of a one-word name matches it too ("chemestry").
 */
export function matchConcepts(words: string[], options: { typos?: boolean; skip?: (i: number) => boolean } = {}) {
  const { byPhrase, maxWords, fuzzyNames } = lexicon();
  const matches: ConceptMatch[] = [];
  let i = 0;
  while (i < words.length) {
    if (options.skip?.(i)) {
      i++;
      continue;
    }
    let found: ConceptMatch | null = null;
    for (let length = Math.min(maxWords, words.length - i); length >= 1 && !found; length--) {
      const run = words.slice(i, i + length);
      if (run.some((_, j) => options.skip?.(i + j))) continue;
      const ids = byPhrase.get(run.join(" "));
      if (!ids) continue;
      if (run[run.length - 1] === "head" && words[i + length] === "of") continue;
      found = { start: i, end: i + length, concepts: ids };
    }
    const word = words[i] ?? "";
    if (!found && options.typos && typoBudget(word) > 0) {
      const near = fuzzyNames.filter((n) => withinTypos(word, n.word));
      if (near.length > 0) found = { start: i, end: i + 1, concepts: [...new Set(near.flatMap((n) => n.concepts))] };
    }
    if (found) {
      matches.push(found);
      i = found.end;
    } else i++;
  }
  return matches;
}

/** Qualifier phrases (search/synonyms.ts QUALIFIERS) as word lists. */
export function qualifierPhrases(): string[][] {
  return lexicon().qualifiers;
}

/** Whether `words` contains `phrase` as a run. */
export function containsRun(words: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, j) => words[i + j] === w)) return true;
  return false;
}
