/**
 * The synonym list both engines use: Meilisearch gets it as its `synonyms` setting, the Postgres engine
 * expands queries with it. Groups are mutual: any name finds the others.
 */
import { subjects } from "../app/vocabulary/subjects";
import { tokenize } from "./text";

/** Names of roles and programmes people use interchangeably; subjects come from the curated subject list. */
const ROLE_GROUPS: string[][] = [
  ["headteacher", "head teacher", "principal"],
  ["deputy headteacher", "deputy head", "deputy head teacher", "vice principal"],
  ["assistant headteacher", "assistant head", "assistant head teacher", "assistant principal"],
  ["senco", "sendco", "special educational needs coordinator"],
  ["teaching assistant", "ta", "learning support assistant", "lsa"],
  ["hlta", "higher level teaching assistant"],
  ["ect", "nqt", "early career teacher", "newly qualified teacher"],
];

/** Each group as phrases of normalised words ("d&t" and "d & t" both become "d t"). */
export function synonymGroups(): string[][] {
  const subjectGroups = subjects.map((s) => [s.label, ...s.synonyms]);
  return [...subjectGroups, ...ROLE_GROUPS]
    .map((group) => [...new Set(group.map((name) => tokenize(name).join(" ")).filter((name) => name !== ""))])
    .filter((group) => group.length > 1);
}

/** Phrase → the other phrases of its groups. A phrase in two groups (rare) gets both. */
export function synonymMap(): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of synonymGroups()) {
    for (const phrase of group) {
      const others = map.get(phrase) ?? new Set<string>();
      for (const other of group) if (other !== phrase) others.add(other);
      map.set(phrase, others);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}

/** The longest phrase length in the list: how far ahead the query expander looks. */
export const MAX_SYNONYM_WORDS = Math.max(
  ...synonymGroups()
    .flat()
    .map((p) => p.split(" ").length),
);
