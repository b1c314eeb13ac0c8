/**
 * The synonym list both engines share. Each concept is something a vacancy can be (a subject, a role, a key
 * stage, a condition of the post) with the names people type for it; any name finds the concept, so names are
 * mutual synonyms. One-way expansions say which narrower concepts a broader one also finds ("science" finds
 * biology posts, "French" the MFL post, "pastoral" heads of year), never the reverse. search/lexicon.ts compiles
 * this list; both engines index each vacancy's concepts (from its form fields and its title, never its advert
 * or its schools' names) and read queries through it.
 */
import { subjects } from "../app/vocabulary/subjects";

export type FilterField = "contract" | "pattern" | "payRange" | "ect" | "visa";
export type ConceptDef = {
  id: string;
  names: string[];
  /** A concept that is also a search filter: the search page applies it as one when the words say it. */
  filter?: { field: FilterField; value: string | true };
};

/**
 * Subject names from the curated list that are not good search names: roles ("class teacher" is not a subject),
 * names another concept owns (EYFS, reception and nursery are key stage and phase concepts), and loose everyday
 * words that would tag "School Business Officer" or "Social Media Officer" with a subject. Loose words still
 * find their subject's posts as words of the subject's name.
 */
const NOT_SUBJECT_NAMES = new Set([
  "primary teacher",
  "class teacher",
  "sen teacher",
  "eyfs",
  "reception",
  "nursery",
  "business",
  "media",
  "food",
  "sport",
  "languages",
]);
const EXTRA_SUBJECT_NAMES: Record<string, string[]> = {
  mathematics: ["maths"],
  art_design: ["art and design", "fine art"],
  computing: ["computer studies"],
  design_technology: ["design technology", "product design", "d and t"],
  english: ["english lit"],
  food_technology: ["food tech", "food and nutrition", "food preparation nutrition"],
  media_studies: ["media study", "film study"],
  mfl: ["foreign languages", "mfl teacher"],
  pe: ["physical education", "p e"],
  religious_education: ["religious study", "r e", "rs"],
  science: ["sciences"],
  send: ["special educational needs and disabilities", "special educational need", "special needs"],
};

const subjectConcepts: ConceptDef[] = subjects.map((s) => ({
  id: `subject:${s.value}`,
  names: [s.label, ...s.synonyms, ...(EXTRA_SUBJECT_NAMES[s.value] ?? [])].filter(
    (n) => !NOT_SUBJECT_NAMES.has(n.toLowerCase()) && s.value !== "primary",
  ),
}));

const stage = (n: number, words: string[]) => [
  `ks${n}`,
  `ks ${n}`,
  `key stage ${n}`,
  `keystage ${n}`,
  `keystage${n}`,
  ...words.flatMap((w) => [`key stage ${w}`, `ks ${w}`]),
];
const NUMBER_WORDS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const year = (n: number): ConceptDef => ({
  id: `year:${n}`,
  names: [`year ${n}`, `yr ${n}`, `yr${n}`, `y${n}`, ...(NUMBER_WORDS[n] ? [`year ${NUMBER_WORDS[n]}`] : [])],
});

const CONCEPTS: ConceptDef[] = [
  ...subjectConcepts,

  // Roles. Names ending in "head" do not match before "of" (lexicon.ts): "Deputy Head of Sixth Form" is not a
  // deputy headteacher.
  { id: "teacher", names: ["teacher", "classroom teacher", "qualified teacher"] },
  { id: "class-teacher", names: ["class teacher"] },
  { id: "lecturer", names: ["lecturer", "fe lecturer"] },
  {
    id: "role:headteacher",
    names: [
      "headteacher",
      "head teacher",
      "head",
      "principal",
      "headmaster",
      "headmistress",
      "executive headteacher",
      "executive head",
      "executive principal",
      "head of school",
      "ht",
    ],
  },
  {
    id: "role:deputy_head",
    names: ["deputy headteacher", "deputy head", "deputy head teacher", "vice principal", "deputy principal", "dht"],
  },
  {
    id: "role:assistant_head",
    names: ["assistant headteacher", "assistant head", "assistant head teacher", "assistant principal", "aht"],
  },
  {
    id: "senior-leadership",
    names: [
      "slt",
      "smt",
      "senior leadership",
      "senior leadership team",
      "senior leader",
      "senior management",
      "leadership team",
    ],
  },
  {
    id: "role:senco",
    names: [
      "senco",
      "sendco",
      "special educational needs coordinator",
      "sen coordinator",
      "send coordinator",
      "inclusion lead",
    ],
  },
  {
    id: "role:teaching_assistant",
    names: ["teaching assistant", "ta", "learning support assistant", "lsa", "classroom assistant", "learning support"],
  },
  { id: "role:hlta", names: ["hlta", "higher level teaching assistant"] },
  { id: "role:cover_supervisor", names: ["cover supervisor"] },
  {
    id: "role:head_of_department",
    names: [
      "head of department",
      "hod",
      "head of faculty",
      "head of subject",
      "subject leader",
      "subject lead",
      "curriculum leader",
      "curriculum lead",
    ],
  },
  { id: "role:head_of_year", names: ["head of year or phase"] },
  {
    id: "head-of-year",
    names: ["head of year", "hoy", "year leader", "progress leader", "head of house", "year manager"],
  },
  {
    id: "head-of-sixth-form",
    names: ["head of sixth form", "director of sixth form", "head of post 16", "head of ks5"],
  },
  { id: "phase-leader", names: ["phase leader", "phase lead", "head of phase", "key stage leader", "key stage lead"] },
  { id: "middle-leadership", names: ["middle leader", "middle leadership", "middle management"] },
  {
    id: "pastoral",
    names: ["pastoral", "pastoral care", "pastoral support", "pastoral lead", "pastoral leader", "pastoral manager"],
  },
  { id: "supply", names: ["supply", "supply teaching", "supply cover", "day to day cover"] },
  { id: "eal", names: ["eal", "english as an additional language", "english as a second language", "esl", "esol"] },

  // Phases, key stages and year groups.
  { id: "phase:primary", names: ["primary", "primary school"] },
  { id: "phase:secondary", names: ["secondary", "secondary school", "high school"] },
  { id: "phase:nursery", names: ["nursery", "nursery school", "preschool", "pre school"] },
  { id: "phase:sixteen_plus", names: ["sixth form", "16 plus", "post 16", "16 19", "sixth form college"] },
  { id: "phase:all_through", names: ["all through"] },
  { id: "phase:special", names: ["special school"] },
  { id: "keystage:eyfs", names: ["eyfs", "early years foundation stage", "foundation stage", "fs1", "fs2"] },
  { id: "reception", names: ["reception", "reception class"] },
  { id: "keystage:ks1", names: stage(1, ["one"]) },
  { id: "keystage:ks2", names: stage(2, ["two"]) },
  { id: "keystage:ks3", names: stage(3, ["three"]) },
  { id: "keystage:ks4", names: [...stage(4, ["four"]), "gcse"] },
  { id: "keystage:ks5", names: [...stage(5, ["five"]), "a level", "alevel"] },
  {
    id: "upper-ks2",
    names: ["uks2", "upper ks2", "upper ks 2", "upper key stage 2", "upper key stage two", "upper keystage 2"],
  },
  {
    id: "lower-ks2",
    names: ["lks2", "lower ks2", "lower ks 2", "lower key stage 2", "lower key stage two", "lower keystage 2"],
  },
  ...Array.from({ length: 13 }, (_, i) => year(i + 1)),

  // Conditions of the post: these are also the search page's filters.
  { id: "contract:permanent", names: ["permanent"], filter: { field: "contract", value: "permanent" } },
  {
    id: "contract:fixed_term",
    names: ["fixed term", "fixed term contract", "temporary", "temp"],
    filter: { field: "contract", value: "fixed_term" },
  },
  {
    id: "contract:maternity_cover",
    names: [
      "maternity cover",
      "maternity leave",
      "maternity leave cover",
      "maternity",
      "mat leave",
      "mat cover",
      "parental leave cover",
    ],
    filter: { field: "contract", value: "maternity_cover" },
  },
  { id: "contract:casual", names: ["casual"], filter: { field: "contract", value: "casual" } },
  { id: "pattern:full_time", names: ["full time", "fulltime"], filter: { field: "pattern", value: "full_time" } },
  { id: "pattern:part_time", names: ["part time", "parttime"], filter: { field: "pattern", value: "part_time" } },
  { id: "pattern:job_share", names: ["job share", "jobshare"], filter: { field: "pattern", value: "job_share" } },
  { id: "pattern:flexible", names: ["flexible working"], filter: { field: "pattern", value: "flexible" } },
  {
    id: "pay:main",
    names: ["mps", "main pay", "main pay range", "main pay scale", "main scale"],
    filter: { field: "payRange", value: "main" },
  },
  {
    id: "pay:upper",
    names: ["ups", "upper pay", "upper pay range", "upper pay scale", "upper scale"],
    filter: { field: "payRange", value: "upper" },
  },
  {
    id: "pay:leadership",
    names: ["leadership", "leadership pay", "leadership pay range", "leadership scale", "leadership spine"],
    filter: { field: "payRange", value: "leadership" },
  },
  {
    id: "pay:unqualified",
    names: ["unqualified", "unqualified teacher", "uqt"],
    filter: { field: "payRange", value: "unqualified" },
  },
  {
    id: "pay:leading_practitioner",
    names: ["leading practitioner", "lead practitioner"],
    filter: { field: "payRange", value: "leading_practitioner" },
  },
  {
    id: "ect",
    names: [
      "ect",
      "nqt",
      "early career teacher",
      "newly qualified teacher",
      "newly qualified",
      "ect welcome",
      "nqt welcome",
      "suitable for ect",
    ],
    filter: { field: "ect", value: true },
  },
  {
    id: "visa",
    names: ["visa sponsorship", "visa", "skilled worker visa", "sponsorship"],
    filter: { field: "visa", value: true },
  },
  { id: "allowance:tlr", names: ["tlr", "teaching and learning responsibility"] },
  ...[1, 2, 3].map((n) => ({
    id: `allowance:tlr${n}`,
    names: ["", "a", "b", "c"].flatMap((x) => [`tlr${n}${x}`, `tlr ${n}${x}`]),
  })),
  { id: "allowance:sen", names: ["sen allowance", "send allowance"] },
];

/** One-way expansions: a query for the first concept also finds vacancies with any of the others. */
export const ONE_WAY: [string, string[]][] = [
  ["subject:science", ["subject:biology", "subject:chemistry", "subject:physics"]],
  ["subject:mfl", ["subject:french", "subject:german", "subject:spanish"]],
  ["subject:french", ["subject:mfl"]],
  ["subject:german", ["subject:mfl"]],
  ["subject:spanish", ["subject:mfl"]],
  ["subject:send", ["role:senco", "phase:special"]],
  ["subject:early_years", ["keystage:eyfs", "reception", "phase:nursery"]],
  ["keystage:eyfs", ["subject:early_years", "reception", "phase:nursery"]],
  ["keystage:ks1", ["year:1", "year:2"]],
  ["keystage:ks2", ["upper-ks2", "lower-ks2", "year:3", "year:4", "year:5", "year:6"]],
  ["upper-ks2", ["year:5", "year:6"]],
  ["lower-ks2", ["year:3", "year:4"]],
  ["keystage:ks3", ["year:7", "year:8", "year:9"]],
  ["keystage:ks4", ["year:10", "year:11"]],
  ["keystage:ks5", ["year:12", "year:13", "head-of-sixth-form"]],
  ["phase:sixteen_plus", ["head-of-sixth-form"]],
  ["senior-leadership", ["role:headteacher", "role:deputy_head", "role:assistant_head"]],
  [
    "middle-leadership",
    ["role:head_of_department", "role:head_of_year", "head-of-year", "head-of-sixth-form", "phase-leader"],
  ],
  ["pastoral", ["head-of-year", "head-of-sixth-form"]],
  ["role:teaching_assistant", ["role:hlta"]],
  ["supply", ["contract:casual"]],
  ["allowance:tlr", ["allowance:tlr1", "allowance:tlr2", "allowance:tlr3"]],
  ["teacher", ["lecturer", "class-teacher"]],
];

/**
 * Words in a title that make a post a step away from what its other words say: a query that does not say them
 * ranks those posts lower ("headteacher" lists the Acting Headteacher after the Headteachers).
 */
export const QUALIFIERS = [
  "deputy",
  "vice",
  "acting",
  "interim",
  "associate",
  "second in",
  "assistant head",
  "assistant headteacher",
  "assistant principal",
  "assistant director",
  "assistant manager",
  "trainee",
  "apprentice",
];

export function conceptDefinitions(): readonly ConceptDef[] {
  return CONCEPTS;
}
