/**
 * What a vacancy's search document is indexed as, by both engines: its words, in fields from most to least
 * telling, and its concepts (search/synonyms.ts) as tokens. Concepts come from the form's fields (role,
 * subjects, phases, key stages, contract, pattern, pay range, allowances, ECT) and from the title; never from
 * the advert's prose or the schools' names, so "send your application" is not SEND and "Templemoor Infant and
 * Nursery School" is not an early years post. Heading tokens let short words and role nouns match titles,
 * subjects, roles and school names but not prose.
 */
import { keyStageLabels, phaseLabels, roleLabels } from "../app/vocabulary/options";
import { subjectLabel } from "../app/vocabulary/subjects";
import type { VacancyDocument } from "./document";
import {
  broaderConcepts,
  concept,
  conceptToken,
  containsRun,
  headingToken,
  matchConcepts,
  qualifierPhrases,
} from "./lexicon";
import { isHeadingOnly, isStopWord, tokenize } from "./text";

export type IndexedDocument = {
  /** The title's words. */
  title: string[];
  /** Concepts named by the title, and the title's heading tokens. */
  titleTags: string[];
  /** Concepts of the form's fields. */
  fieldTags: string[];
  /** Concepts that find this vacancy one way ("science" for a biology post). */
  relatedTags: string[];
  /** Words of the subject, role, phase and key stage labels (conditions of the post are concepts only). */
  labels: string[];
  /** Heading tokens of those labels. */
  labelTags: string[];
  /** Words of the schools' names, towns, local authorities and religious characters, trusts and the employer. */
  places: string[];
  placeTags: string[];
  /** Words of the advert. */
  advert: string[];
  /** The title carries a qualifier (deputy, acting, second in…): ranked after plain posts of its kind. */
  qualified: boolean;
};

const exists = (id: string) => concept(id) !== undefined;

/** The concepts a vacancy's form fields give it. */
function fieldConcepts(d: VacancyDocument): string[] {
  const ids: string[] = [];
  if (d.role === "classroom_teacher") {
    ids.push("teacher");
    if (d.phases.some((p) => p === "primary" || p === "nursery" || p === "special")) ids.push("class-teacher");
  } else ids.push(`role:${d.role}`);
  ids.push(...d.subjects.map((s) => `subject:${s}`));
  ids.push(...d.phases.map((p) => `phase:${p}`));
  ids.push(...d.keyStages.map((k) => `keystage:${k}`));
  ids.push(`contract:${d.contractType}`, `pattern:${d.workingPattern}`, `pay:${d.payRange}`);
  if (d.ectSuitable) ids.push("ect");
  if (d.visaSponsorship) ids.push("visa");
  ids.push(...(d.allowances ?? []).map((a) => `allowance:${a}`));
  return [...new Set(ids.filter(exists))];
}

/** The concepts a title names; "Head of <subject>" also names a head of department. */
export function titleConcepts(words: string[]): string[] {
  const ids: string[] = [];
  for (const m of matchConcepts(words)) {
    ids.push(...m.concepts);
    if (
      m.start >= 2 &&
      words[m.start - 2] === "head" &&
      words[m.start - 1] === "of" &&
      m.concepts.some((c) => c.startsWith("subject:"))
    )
      ids.push("role:head_of_department");
  }
  return [...new Set(ids)];
}

const headingTokens = (words: string[]) => [
  ...new Set(words.filter((w) => isHeadingOnly(w) && !isStopWord(w)).map(headingToken)),
];

export function indexDocument(d: VacancyDocument): IndexedDocument {
  const title = tokenize(d.title);
  const fromTitle = titleConcepts(title);
  const fromFields = fieldConcepts(d);
  const direct = new Set([...fromTitle, ...fromFields]);
  const related = [...new Set([...direct].flatMap(broaderConcepts))].filter((c) => !direct.has(c));
  const labels = tokenize(
    [
      roleLabels[d.role as keyof typeof roleLabels] ?? "",
      ...d.subjects.map(subjectLabel),
      ...d.phases.map((p) => phaseLabels[p as keyof typeof phaseLabels] ?? ""),
      ...d.keyStages.map((k) => keyStageLabels[k as keyof typeof keyStageLabels] ?? ""),
    ].join(" "),
  );
  const places = tokenize(
    [
      ...d.schools.flatMap((s) => [s.name, s.town ?? "", s.laName, s.religiousCharacter ?? ""]),
      ...d.trustNames,
      d.ownerName,
      ...(d.sharedWith ?? []),
    ].join(" "),
  );
  return {
    title,
    titleTags: [...fromTitle.map(conceptToken), ...headingTokens(title)],
    fieldTags: fromFields.map(conceptToken),
    relatedTags: related.map(conceptToken),
    labels,
    labelTags: headingTokens(labels),
    places,
    placeTags: headingTokens(places),
    advert: tokenize([d.aboutRole, d.skillsExperience].join(" ")),
    qualified: qualifierPhrases().some((q) => containsRun(title, q)),
  };
}
